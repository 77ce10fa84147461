import type { Image, Link, Parent, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { NoteFile } from '../types.ts';

const WEB = /^(https?:|mailto:)/i;

/**
 * Links and images keep only web addresses: a `javascript:` link becomes its text, and a
 * relative link (to a file next to the note, which the site does not have) becomes its text too.
 * A relative image is dropped whole: its picture is not there, and its file name is no text for
 * a reader. Every removal is reported with its line.
 */
export function neutralizeLinks(tree: Root, file: NoteFile): void {
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (parent === undefined || index === undefined || (node.type !== 'link' && node.type !== 'image')) return undefined;
    const target = node as Link | Image;
    const url = target.url.replace(/[\u0000-\u0020]/g, '');
    if (WEB.test(url)) return undefined;
    const text = target.type === 'link' ? toString(target) : (target.alt ?? '');
    const rule = url.toLowerCase().startsWith('javascript:') ? 'link:script-url' : target.type === 'image' ? 'image:not-on-the-web' : 'link:not-a-web-address';
    (file.data.dropped ??= []).push({ rule, text: `${text} → ${target.url}`, ...(target.position ? { line: target.position.start.line } : {}) });
    const replacement: PhrasingContent[] = target.type === 'link' ? target.children : [];
    parent.children.splice(index, 1, ...(replacement as never[]));
    return [SKIP, index];
  });
}

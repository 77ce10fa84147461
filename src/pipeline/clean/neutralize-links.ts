import type { Parent, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import type { NoteFile } from '../types.ts';

const SAFE = /^(https?:|mailto:|#)/i;

/**
 * Links and images keep only web addresses: a `javascript:` link becomes its text, and a
 * relative link (to a file next to the note, which the site does not have) becomes its text too.
 */
export function neutralizeLinks(tree: Root, file: NoteFile): void {
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (parent === undefined || index === undefined) return undefined;
    if (node.type === 'link' || node.type === 'image') {
      const url = node.url.replace(/[\u0000-\u0020]/g, '');
      if (SAFE.test(url) && !/^#/.test(url)) return undefined;
      const text = node.type === 'link' ? toString(node) : node.alt ?? '';
      (file.data.dropped ??= []).push({ rule: url.toLowerCase().startsWith('javascript:') ? 'link:script-url' : 'link:not-a-web-address', text: `${text} → ${node.url}`, ...(node.position ? { line: node.position.start.line } : {}) });
      const replacement: PhrasingContent[] = node.type === 'link' ? node.children : text ? [{ type: 'text', value: text }] : [];
      parent.children.splice(index, 1, ...(replacement as never[]));
      return [SKIP, index];
    }
    return undefined;
  });
}

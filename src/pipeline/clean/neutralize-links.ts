import { posix } from 'node:path';
import type { Image, Link, Parent, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from '../tree/visit.ts';
import type { NoteFile } from '../types.ts';
import { withScheme } from '../text/web-address.ts';
import { dataImage, findLocalImage, findPictureByName } from './local-images.ts';

const WEB = /^(https?:|mailto:)/i;
/** The scheme of a link to another note of the folder, until the pages are laid out (merge/note-links.ts). */
export const NOTE_LINK = 'note:';
/**
 * The note a relative link may point to (`deployment.md#滚动更新`, `../networking/service.md`,
 * `/concepts/pod/`): `note:` and the path it names in the notes folder, with the link's fragment.
 * Whether a note is there is known once all notes are read (merge/note-links.ts): a note added
 * later is found too. Undefined for what names no path in the folder (a scheme, a path above it).
 */
function noteTarget(url: string, file: NoteFile): string | undefined {
  const hash = url.indexOf('#');
  const [path, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  if (!path || /^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.split('?')[0] ?? '');
  } catch {
    return undefined;
  }
  const resolved = posix.normalize(decoded.startsWith('/') ? decoded.slice(1) : posix.join(posix.dirname(file.path), decoded)).replace(/\/$/, '');
  return resolved.startsWith('..') || resolved === '.' || resolved === '' ? undefined : `${NOTE_LINK}${resolved}${fragment}`;
}

/**
 * Links and images keep only web addresses and links to other notes of the folder (which lead to
 * the pages those notes become): a `javascript:` link becomes its text, and any other relative
 * link (to a file next to the note, which the site does not have) becomes its text too.
 * A relative image whose picture is in the notes folder is copied into the site (`assets/`);
 * one whose picture is not there is dropped whole, its file name being no text for a reader.
 * Every removal is reported with its line.
 */
export function neutralizeLinks(tree: Root, file: NoteFile): void {
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (parent === undefined || index === undefined || (node.type !== 'link' && node.type !== 'image')) return undefined;
    const target = node as Link | Image;
    const url = target.url.replace(/[\u0000-\u0020]/g, '');
    if (WEB.test(url)) return undefined;
    // An address without its scheme (`//img.example.com/a.png`, as pages write them) is fetched over HTTPS.
    const web = withScheme(url);
    if (web !== url) {
      target.url = web;
      return undefined;
    }
    // A heading's anchor mark (`#`, `¶`, `🔗` linking to the heading itself, as VuePress, Sphinx
    // and MkDocs print them) is the old page's navigation: the page gives its headings anchors of its own.
    if (target.type === 'link' && url.startsWith('#') && !/[\p{L}\p{N}]/u.test(toString(target)) && !target.children.some((c) => c.type === 'image')) {
      (file.data.dropped ??= []).push({ rule: 'link:anchor-mark', text: `${toString(target)} → ${target.url}`.trim(), ...(target.position ? { line: target.position.start.line } : {}) });
      parent.children.splice(index, 1);
      // The space that set the mark apart goes with it.
      const before = parent.children[index - 1];
      const after = parent.children[index];
      if (after === undefined && before?.type === 'text') before.value = before.value.trimEnd();
      if (index === 0 && after?.type === 'text') after.value = after.value.trimStart();
      return [SKIP, index];
    }
    // A link to another note of the folder (a GitBook or Hugo site's chapters link to each other)
    // goes to the page that note becomes, once the pages are laid out.
    const note = target.type === 'link' ? noteTarget(url, file) : undefined;
    if (note) {
      target.data = { ...target.data, written: target.url } as never;
      target.url = note;
      return undefined;
    }
    // A picture that is there beside the note, or written into it, is copied into the site and shown.
    const dir = file.data.dir;
    const byName = target.type === 'image' && (target.data as { embedByName?: boolean } | undefined)?.embedByName;
    const local = target.type !== 'image' ? undefined : (dataImage(target.url) ?? (dir ? (findLocalImage(target.url, dir.note, dir.root) ?? (byName ? findPictureByName(decodeURI(target.url), dir.root) : undefined)) : undefined));
    if (local) {
      (file.data.localImages ??= []).push(local);
      target.url = `../${local.path}`;
      target.data = { ...target.data, local: true } as never;
      return undefined;
    }
    const text = target.type === 'link' ? toString(target) : (target.alt ?? '');
    const rule = url.toLowerCase().startsWith('javascript:') ? 'link:script-url' : target.type === 'image' ? 'image:not-on-the-web' : 'link:not-a-web-address';
    // A placeholder written into the page is named by its kind, not its hundreds of characters.
    const shown = target.url.startsWith('data:') ? `${target.url.slice(0, 40)}…` : target.url;
    (file.data.dropped ??= []).push({ rule, text: `${text} → ${shown}`, ...(target.position ? { line: target.position.start.line } : {}) });
    const replacement: PhrasingContent[] = target.type === 'link' ? target.children : [];
    parent.children.splice(index, 1, ...(replacement as never[]));
    return [SKIP, index];
  });
}

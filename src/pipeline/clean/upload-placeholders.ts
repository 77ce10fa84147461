import type { Image, Parent, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from '../tree/visit.ts';
import { escapeRegExp } from '../text/escape-reg-exp.ts';
import { dropped, fixed, type NoteFile } from '../types.ts';

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong']);
/** The picture's own address inside a placeholder: the last `(http…)` in it. */
const ADDRESS = /\((https?:\/\/[^()\s]+)\)(?!.*\(https?:\/\/)/s;

/**
 * CSDN's editor leaves a placeholder where it could not copy a picture from another site, and
 * copies of its posts keep it as text: `[外链图片转存失败,源站可能有防盗链机制,建议将图片保存下来直接上传(img-Xh3k9Lq2-1650000000000)(https://…/pv.png)]`
 * (GFM makes the address inside it a link of its own). The placeholder opens with one of
 * `openers` (`upload-placeholders` in junk-rules.yaml) and ends at its closing bracket. It
 * becomes the picture at the address it holds: the page asks for it with no referrer, as the
 * site that refused the copy allows. One that holds no address (`[外链图片转存中...(img-…)]`) is
 * dropped. The words of every placeholder are listed in the report as dropped; the pictures
 * made are counted in its fixes.
 */
export function uploadPlaceholders(tree: Root, file: NoteFile, openers: string[]): void {
  if (openers.length === 0) return;
  const opener = new RegExp(`!?\\[(?:${openers.map(escapeRegExp).join('|')})`);
  let pictures = 0;
  visit(tree, (node) => {
    if (!PHRASING_PARENTS.has(node.type)) return;
    const parent = node as Parent & { children: PhrasingContent[] };
    if (!parent.children.some((c) => c.type === 'text' && opener.test(c.value))) return;
    const out: PhrasingContent[] = [];
    const queue = [...parent.children];
    while (queue.length) {
      const child = queue.shift()!;
      const start = child.type === 'text' ? child.value.search(opener) : -1;
      if (child.type !== 'text' || start < 0) {
        out.push(child);
        continue;
      }
      if (start > 0) out.push({ type: 'text', value: child.value.slice(0, start) });
      // The placeholder's text, from its opener through the bracket that closes it, across the link GFM made of its address.
      // GFM's link may run past the address (`…png)]，provisioner`): its text is read as text.
      let span = child.value.slice(start);
      let end = span.indexOf(']');
      while (end < 0 && queue.length) {
        const next = queue.shift()!;
        span += next.type === 'text' || next.type === 'inlineCode' ? next.value : next.type === 'link' ? toString(next) : '';
        end = span.indexOf(']');
      }
      const placeholder = end < 0 ? span : span.slice(0, end + 1);
      const address = ADDRESS.exec(placeholder)?.[1];
      // Its words are gone in either case, and listed in the report.
      dropped(file, 'image:upload-placeholder', placeholder, node.position?.start.line);
      if (address) {
        out.push({ type: 'image', url: address, alt: '', title: null } satisfies Image);
        pictures++;
      }
      // What follows the placeholder is read again: it may hold another.
      if (end >= 0 && end + 1 < span.length) queue.unshift({ type: 'text', value: span.slice(end + 1) });
    }
    parent.children = out;
  });
  fixed(file, 'upload-placeholder-picture', pictures);
}

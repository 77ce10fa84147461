import type { Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from '../tree/visit.ts';
import { fixed, type NoteFile } from '../types.ts';

/** A web address written out in text: it ends at a space, at Chinese, or at full-width punctuation (`。`, `，`, `）`). */
const ADDRESS = /https?:\/\/[^\s<>"'`\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;
/** What ends a sentence rather than an address (`见 https://kubernetes.io.`), as GFM's autolinks leave it out. */
const TRAILING = /[.,:;!?*_~'"]+$/;

/** The address without what the sentence put after it; a closing parenthesis stays only when the address opened one. */
function trimmed(address: string): string {
  let out = address.replace(TRAILING, '');
  while (out.endsWith(')') && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0)) out = out.slice(0, -1).replace(TRAILING, '');
  return out;
}

/** Splits a text at the web addresses in it: text, link, text… (undefined when it holds none). */
function linked(text: string): PhrasingContent[] | undefined {
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = trimmed(match[0]);
    if (!/^https?:\/\/[^/]+\.[^/]/.test(`${address}/`) && !/^https?:\/\/localhost/.test(address)) continue;
    const start = match.index ?? 0;
    if (start > at) out.push({ type: 'text', value: text.slice(at, start) });
    out.push({ type: 'link', url: address, children: [{ type: 'text', value: address }] });
    at = start + address.length;
  }
  if (out.length === 0) return undefined;
  if (at < text.length) out.push({ type: 'text', value: text.slice(at) });
  return out;
}

/**
 * Web addresses written out in a Chinese note run straight into the sentence
 * (`官方文档见https://kubernetes.io/docs/。更多说明…`, `请参考 https://github.com/x/y，照着做`): GFM's
 * autolinks, here and in the site, take the Chinese after them into the address, and the link
 * leads nowhere. Each address becomes a link that ends where the address does, whether the note
 * wrote it out as text or GFM already made it a link; what followed it stays text.
 * Counted in the report's fixes as `web-address`.
 */
export function linkWebAddresses(tree: Root, file: NoteFile): void {
  let count = 0;
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (parent === undefined || index === undefined) return undefined;
    if (node.type === 'link') {
      // A link GFM made of an address in the text: its words are its address.
      const link = node as Link;
      const only = link.children.length === 1 && link.children[0]?.type === 'text' ? link.children[0].value : undefined;
      if (only === undefined || (only !== link.url && `http://${only}` !== link.url)) return SKIP;
      const parts = linked(link.url);
      if (!parts || parts.length === 1) return SKIP;
      count++;
      parent.children.splice(index, 1, ...(parts as never[]));
      return [SKIP, index + parts.length];
    }
    if (node.type !== 'text') return undefined;
    const parts = linked((node as Text).value);
    if (!parts) return undefined;
    count += parts.filter((p) => p.type === 'link').length;
    parent.children.splice(index, 1, ...(parts as never[]));
    return [SKIP, index + parts.length];
  });
  fixed(file, 'web-address', count);
}

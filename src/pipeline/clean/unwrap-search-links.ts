import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from '../tree/visit.ts';
import type { JunkRules } from '../rules/schemas.ts';
import { fixed, type NoteFile } from '../types.ts';
import { escapeRegExp } from '../text/escape-reg-exp.ts';

/** Private-use characters: icon-font glyphs that scrapers copy as text. */
const PRIVATE_USE = /[\uE000-\uF8FF]/gu;

function isPhrasingParent(node: { type: string }): boolean {
  return ['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link'].includes(node.type);
}

function mergeTexts(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of children) {
    const last = out.at(-1);
    if (child.type === 'text' && last?.type === 'text') last.value += child.value;
    else out.push(child);
  }
  return out;
}

/**
 * Search engines wrap terms in links to their result pages, often with an icon glyph:
 * `[Kube-proxy*](https://m.baidu.com/s?word=…)`. Such links become the plain term,
 * including the ones Markdown could not parse as links (a space in the URL).
 */
export function unwrapSearchLinks(tree: Root, file: NoteFile, rules: JunkRules): void {
  const prefixes = rules['search-links'];
  const isSearch = (url: string) => prefixes.some((p) => url.startsWith(p));
  const broken = new RegExp(`\\[([^\\[\\]\\n]{1,80})\\]\\((?:${prefixes.map(escapeRegExp).join('|')})[^)\\n]*\\)`, 'g');
  let unwrapped = 0;
  visit(tree, (node) => {
    if (!('children' in node) || !isPhrasingParent(node)) return;
    const parent = node as Parent & { children: PhrasingContent[] };
    const children: PhrasingContent[] = [];
    for (const child of parent.children) {
      if (child.type === 'link' && isSearch(child.url)) {
        unwrapped++;
        children.push({ type: 'text', value: toString(child).replace(PRIVATE_USE, '').trim() });
      } else if ((child.type === 'emphasis' || child.type === 'strong') && toString(child).replace(PRIVATE_USE, '').trim() === '' && toString(child) !== '') {
        // An icon glyph wrapped in emphasis: nothing a reader can read.
      } else {
        children.push(child);
      }
    }
    parent.children = mergeTexts(children).map((child) => {
      if (child.type !== 'text') return child;
      const value = child.value.replace(PRIVATE_USE, '').replace(broken, (_m, label: string) => {
        unwrapped++;
        return label.replace(/\*+$/, '').trim();
      });
      return { ...child, value } satisfies Text;
    });
  });
  fixed(file, 'search-link', unwrapped);
}

import type { Element, Root as HastRoot } from 'hast';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { visitParents } from '../tree/visit.ts';
import { escapeRegExp } from '../text/escape-reg-exp.ts';

/** Markup that must never reach a reader as text: each is a block or a tag that was not turned into what it means. */
export const LEAKED_MARKUP: { id: string; what: string; pattern: RegExp }[] = [
  { id: 'heading', what: 'a Markdown heading mark', pattern: /(^|\n)\s*#{1,6}\s+\S/ },
  { id: 'fence', what: 'a code fence', pattern: /```|~~~/ },
  { id: 'shortcode', what: 'a Hugo shortcode', pattern: /\{\{[<%]/ },
  { id: 'template-tag', what: 'a GitBook/Jinja tag', pattern: /\{%-?\s*\w/ },
  { id: 'directive', what: 'a container directive (:::)', pattern: /(^|\n)\s*:::/ },
  { id: 'heading-no-space', what: 'a heading mark without its space', pattern: /(^|\n)\s*#{2,6}[^\s#]/ },
  { id: 'jsx', what: 'a component tag', pattern: /<\/?(Diagram|Aside|ChapterIndex|Tabs|TabItem)\b|<[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*\s+[\w-]+=["'{]/ },
  { id: 'wiki-link', what: 'a wiki link ([[…]])', pattern: /(?<![\w\]])!?\[\[[^\s\]][^\]\n]*\]\]/ },
  { id: 'mdx-import', what: 'an MDX import line', pattern: /(^|\n)\s*import\s+[\w{}*,\s]+\s+from\s+['"]@?[\w/.-]+['"]/ },
  { id: 'link', what: 'a Markdown link', pattern: /\[[^\]\n]+\]\((https?:|\.{0,2}\/)[^)\s]*\)/ },
  { id: 'attribute-list', what: 'a Pandoc/kramdown attribute list', pattern: /\{(?::[ \t]*[#.\w-]|#[\w-]+[ \t]*\}|(?:width|height)=)/ },
];

/** Zero-width characters that only break copied commands and search (a ZWJ inside an emoji sequence is kept). */
const ZERO_WIDTH = /[\u200b\u200c\u2060\ufeff\u00ad]|(?<!\p{Extended_Pictographic}\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})/u;

/** Elements whose text is code or drawing, where any characters are allowed. */
const VERBATIM = new Set(['pre', 'code', 'kbd', 'samp', 'script', 'style', 'svg', 'template', 'textarea']);

export interface StructureProblem {
  rule: string;
  what: string;
  excerpt: string;
}

function excerpt(text: string, index: number): string {
  return text.slice(Math.max(0, index - 20), index + 40).replace(/\s+/g, ' ').trim();
}

/**
 * What a reader of a built page would see that is not prose: Markdown, MDX or other
 * generators' syntax shown as text, zero-width characters (in code too), an empty page.
 */
export function structureProblems(page: HastRoot, sourceLabel = '来源：'): StructureProblem[] {
  const leaks = [...LEAKED_MARKUP, { id: 'emphasis-source', what: 'an emphasised source line', pattern: new RegExp(`\\*${escapeRegExp(sourceLabel)}`) }];
  const body = select('[data-pagefind-body]', page) ?? select('main', page);
  if (!body) return [];
  const problems: StructureProblem[] = [];
  const seen = new Set<string>();
  visitParents(body, 'text', (node, ancestors) => {
    const verbatim = ancestors.some((a) => a.type === 'element' && VERBATIM.has((a as Element).tagName));
    const zw = ZERO_WIDTH.exec(node.value);
    if (zw && !seen.has('zero-width')) {
      seen.add('zero-width');
      problems.push({ rule: 'zero-width', what: `a zero-width character U+${(zw[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`, excerpt: excerpt(node.value, zw.index) });
    }
    if (verbatim) return;
    for (const { id, what, pattern } of leaks) {
      const m = pattern.exec(node.value);
      if (m && !seen.has(id)) {
        seen.add(id);
        problems.push({ rule: id, what, excerpt: excerpt(node.value, m.index) });
      }
    }
  });
  if (toString(body).replace(/\s+/g, '').length === 0) problems.push({ rule: 'empty', what: 'an empty page', excerpt: '' });
  return problems;
}

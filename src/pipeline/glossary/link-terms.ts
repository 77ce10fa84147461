import type { Parent, PhrasingContent, RootContent, Text } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Terms } from '../rules/schemas.ts';
import { escapeRegExp } from '../text/escape-reg-exp.ts';
import type { Page } from '../types.ts';

type Term = Terms['terms'][number];

/** What never gets a term link: code, headings, links, pictures, raw markup and components. */
const SKIPPED = new Set(['code', 'inlineCode', 'heading', 'link', 'linkReference', 'image', 'imageReference', 'html', 'definition', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'math', 'inlineMath', 'yaml']);

const LATIN = /[A-Za-z0-9]/;

/** `Pod` as `[Pp][Oo][Dd]`: case-insensitive inside a case-sensitive pattern. */
const anyCase = (s: string): string => [...s].map((c) => (/[A-Za-z]/.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : escapeRegExp(c))).join('');

/**
 * One name as a pattern: a Chinese name anywhere; a name that ends with a Latin letter or digit
 * not followed by another (termMatcher checks what comes before one that starts so); spaces, hyphens and underscores interchangeable (`kube-proxy`,
 * `kube proxy`, `kubeproxy`); an English name in any case and with a plural `s`/`es` unless the
 * term matches case, an abbreviation exactly as written.
 */
function namePattern(name: string, kind: 'zh' | 'en' | 'abbr', matchCase: boolean): string {
  const exact = kind === 'abbr' || (kind === 'en' && matchCase);
  const parts = name.split(/[\s_-]+/).map((part) => (exact ? escapeRegExp(part) : anyCase(part)));
  const body = parts.join('[\\s_-]*');
  const latinEnd = LATIN.test(name.at(-1) ?? '');
  const plural = kind === 'en' && latinEnd ? '(?:[Ee]?[Ss])?' : '';
  return `${body}${plural}${latinEnd ? '(?![A-Za-z0-9])' : ''}`;
}

/** Before a name that starts with a Latin letter or digit: not inside a longer word. */
const LATIN_START = '(?<![A-Za-z0-9])';

/** A matcher for every name of every term, the longer names first, and which term each group is. */
export interface TermMatcher {
  pattern: RegExp;
  groups: string[];
}

/**
 * One pattern for all names, longest first. The names that start with a Latin letter or digit
 * share one look-behind in front of them all, instead of one each: at a given place only names
 * of one of the two kinds can match, so the order within each kind is the order that counts, and
 * the pattern runs about twice as fast.
 */
export function termMatcher(terms: Term[]): TermMatcher {
  const names = terms.flatMap((term) => [
    ...term.zh.map((name) => ({ id: term.id, source: namePattern(name, 'zh', true), length: name.length, latinStart: LATIN.test(name[0] ?? '') })),
    ...term.en.map((name) => ({ id: term.id, source: namePattern(name, 'en', term['match-case']), length: name.length, latinStart: LATIN.test(name[0] ?? '') })),
    ...term.abbr.map((name) => ({ id: term.id, source: namePattern(name, 'abbr', true), length: name.length, latinStart: LATIN.test(name[0] ?? '') })),
  ]);
  // Longest first: at one position the alternation takes the first name that matches.
  names.sort((a, b) => b.length - a.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const latin = names.filter((n) => n.latinStart);
  const other = names.filter((n) => !n.latinStart);
  const alternatives = (list: typeof names) => list.map((n) => `(${n.source})`).join('|');
  const source = [...(latin.length ? [`${LATIN_START}(?:${alternatives(latin)})`] : []), ...(other.length ? [alternatives(other)] : [])].join('|');
  return { pattern: new RegExp(source || '(?!)', 'g'), groups: [...latin, ...other].map((n) => n.id) };
}

/** The term links of one text: the first mention of each term not yet `linked`. */
function linkText(node: Text, matcher: TermMatcher, linked: Set<string>): PhrasingContent[] | undefined {
  const out: PhrasingContent[] = [];
  let last = 0;
  // exec on the one pattern, not matchAll: matchAll copies the pattern for every text, and for
  // hundreds of names that copy cost ten times the search.
  const pattern = matcher.pattern;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(node.value); match; match = pattern.exec(node.value)) {
    const group = match.findIndex((g, i) => i > 0 && g !== undefined);
    const id = matcher.groups[group - 1];
    // A mention of a term already linked still takes its span: `Service` is never found inside a later `Service Account`.
    if (!id || linked.has(id)) continue;
    linked.add(id);
    if (match.index > last) out.push({ type: 'text', value: node.value.slice(last, match.index) });
    const element: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: 'Term', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }], children: [{ type: 'text', value: match[0] }] };
    out.push(element as unknown as PhrasingContent);
    last = match.index + match[0].length;
  }
  if (out.length === 0) return undefined;
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  return out;
}

/** A copy of `node` with its first mentions linked; the node itself when nothing changed. */
function linkNode<T extends RootContent>(node: T, matcher: TermMatcher, linked: Set<string>): T {
  if (SKIPPED.has(node.type)) return node;
  // An aside's title is a label, not text; a version note is the handbook's own remark, not the note's text.
  const data = node.data as { directiveLabel?: boolean; versionNote?: boolean } | undefined;
  if (data?.directiveLabel || data?.versionNote) return node;
  if (!('children' in node)) return node;
  let changed = false;
  const children: RootContent[] = [];
  for (const child of (node as Parent).children) {
    if (child.type === 'text') {
      const linkedText = linkText(child, matcher, linked);
      if (linkedText) {
        children.push(...linkedText);
        changed = true;
        continue;
      }
      children.push(child);
      continue;
    }
    const next = linkNode(child, matcher, linked);
    if (next !== child) changed = true;
    children.push(next);
  }
  return changed ? ({ ...node, children } as T) : node;
}

/**
 * Links the first mention of each glossary term on a page (outside code, headings, links and
 * aside titles) to its entry, except the terms the page's title names: an MDX `<Term id>` the site draws as a link with a tooltip. Parts are
 * copied, never changed in place: the per-note cache keeps its own.
 */
export function linkTerms(pages: Page[], terms: Terms): Page[] {
  if (terms.terms.length === 0) return pages;
  const matcher = termMatcher(terms.terms);
  return pages.map((page) => {
    // The page's own subject is not linked away from it: terms its title names count as linked.
    const linked = new Set<string>();
    linkText({ type: 'text', value: page.title }, matcher, linked);
    const sections = page.sections.map((section) => {
      const children = section.children.map((child) => linkNode(child, matcher, linked));
      return children.some((c, i) => c !== section.children[i]) ? { ...section, children } : section;
    });
    return { ...page, sections };
  });
}

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
 * not followed by another (nextMention checks what comes before one that starts so); spaces, hyphens and underscores interchangeable (`kube-proxy`,
 * `kube proxy`, `kubeproxy`); an English name in any case and with a plural `s`/`es` unless the
 * term matches case, an abbreviation exactly as written.
 */
export function namePattern(name: string, kind: 'zh' | 'en' | 'abbr', matchCase: boolean): string {
  const exact = kind === 'abbr' || (kind === 'en' && matchCase);
  const parts = name.split(/[\s_-]+/).filter(Boolean).map((part) => (exact ? escapeRegExp(part) : anyCase(part)));
  const body = parts.join('[\\s_-]*');
  const latinEnd = LATIN.test(name.replace(/[\s_-]+$/, '').at(-1) ?? '');
  const plural = kind === 'en' && latinEnd ? '(?:[Ee]?[Ss])?' : '';
  return `${body}${plural}${latinEnd ? '(?![A-Za-z0-9])' : ''}`;
}

/** One name of a term, as a pattern tried at one place (sticky). */
interface Name {
  id: string;
  pattern: RegExp;
}

/**
 * Every name of every term, by the first character a match of it starts with (both cases of a
 * letter an English name takes in any case), the longer names first in each list.
 */
export interface TermMatcher {
  byFirst: Map<string, Name[]>;
}

/** A mention found: where it starts, its text, and its term. */
export interface TermMention {
  index: number;
  text: string;
  id: string;
}

/**
 * The matcher for all names. A mention is the leftmost place where a name matches, and there the
 * longest name (then the first id); a name that starts with a Latin letter or digit never starts
 * inside a longer word. Each name is tried only where the text holds its first character: one
 * pattern of all names, tried at every place, took 13% of an ingest of a thousand notes.
 */
export function termMatcher(terms: Term[], notTerms: string[] = []): TermMatcher {
  const names = [
    // A word that holds a name but means something else is found as a mention of no term (id ''):
    // at its place it is the longer match, and a name inside it is never tried.
    ...notTerms.map((name) => ({ id: '', name, kind: 'zh' as const, matchCase: true })),
    ...terms.flatMap((term) => [
      ...term.zh.map((name) => ({ id: term.id, name, kind: 'zh' as const, matchCase: true })),
      ...term.en.map((name) => ({ id: term.id, name, kind: 'en' as const, matchCase: term['match-case'] })),
      ...term.abbr.map((name) => ({ id: term.id, name, kind: 'abbr' as const, matchCase: true })),
    ]),
  ];
  // Longest first: at one place the first name in the list that matches is taken.
  names.sort((a, b) => b.name.length - a.name.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byFirst = new Map<string, Name[]>();
  for (const { id, name, kind, matchCase } of names) {
    const first = name.replace(/^[\s_-]+/, '')[0];
    if (first === undefined) continue;
    const entry = { id, pattern: new RegExp(namePattern(name, kind, matchCase), 'y') };
    const anyCase = /[A-Za-z]/.test(first) && !(kind === 'abbr' || (kind === 'en' && matchCase));
    for (const key of new Set(anyCase ? [first.toLowerCase(), first.toUpperCase()] : [first])) {
      const list = byFirst.get(key) ?? [];
      list.push(entry);
      byFirst.set(key, list);
    }
  }
  return { byFirst };
}

/** The first mention in `text` at or after `from`, or undefined. */
export function nextMention(text: string, from: number, matcher: TermMatcher): TermMention | undefined {
  for (let index = from; index < text.length; index++) {
    const names = matcher.byFirst.get(text[index]!);
    if (!names) continue;
    // A name that starts with a Latin letter or digit does not start inside a word.
    if (index > 0 && LATIN.test(text[index]!) && LATIN.test(text[index - 1]!)) continue;
    for (const { id, pattern } of names) {
      pattern.lastIndex = index;
      const match = pattern.exec(text);
      if (match) return { index, text: match[0], id };
    }
  }
  return undefined;
}

/** The term links of one text: the first mention of each term not yet `linked`. */
function linkText(node: Text, matcher: TermMatcher, linked: Set<string>): PhrasingContent[] | undefined {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (let mention = nextMention(node.value, 0, matcher); mention; mention = nextMention(node.value, mention.index + mention.text.length, matcher)) {
    // A mention of a term already linked still takes its span: `Service` is never found inside a later `Service Account`.
    if (mention.id === '' || linked.has(mention.id)) continue;
    linked.add(mention.id);
    if (mention.index > last) out.push({ type: 'text', value: node.value.slice(last, mention.index) });
    const element: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: 'Term', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: mention.id }], children: [{ type: 'text', value: mention.text }] };
    out.push(element as unknown as PhrasingContent);
    last = mention.index + mention.text.length;
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
  const matcher = termMatcher(terms.terms, terms['not-terms']);
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

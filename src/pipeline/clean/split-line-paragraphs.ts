import type { List, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { cjkShare, CLOSES_LINE_START, DEFINITION, OPENS_LINE_END } from '../text/line-patterns.ts';

const MIN_CJK_SHARE = 0.3;

/** Splits a paragraph's inline content at its line endings. */
function lines(paragraph: Paragraph): PhrasingContent[][] {
  const out: PhrasingContent[][] = [[]];
  for (const child of paragraph.children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      out.at(-1)?.push(child);
      continue;
    }
    child.value.split('\n').forEach((part, i) => {
      if (i > 0) out.push([]);
      if (part) out.at(-1)?.push({ type: 'text', value: part });
    });
  }
  return out.filter((line) => toString({ type: 'paragraph', children: line }).trim() !== '');
}

const SHORT_FRAGMENT = 4;

/**
 * Is this paragraph prose wrapped at a fixed width (as copied from a blog) rather than one
 * statement per line? It is when a line stops mid-sentence: it is only inline code, or a word
 * or two with no punctuation, or it ends with an opening bracket or a comma, or the next line
 * starts with a closing bracket or punctuation.
 */
function softWrapped(parts: PhrasingContent[][]): boolean {
  return parts.some((line, i) => {
    const text = toString({ type: 'paragraph', children: line }).trim();
    const next = parts[i + 1] ? toString({ type: 'paragraph', children: parts[i + 1] as PhrasingContent[] }).trim() : undefined;
    if (next === undefined) return false;
    const onlyCode = line.every((c) => c.type === 'inlineCode' || (c.type === 'text' && c.value.trim() === ''));
    return onlyCode || OPENS_LINE_END.test(text) || CLOSES_LINE_START.test(next) || (text.length <= SHORT_FRAGMENT && !/[。！？；：.!?;:]$/.test(text));
  });
}

/** A soft-wrapped paragraph as one line: breaks between Chinese text go, others become a space. */
function joinLines(paragraph: Paragraph): Paragraph {
  const children = paragraph.children.map((child) => {
    if (child.type !== 'text') return child;
    return { ...child, value: child.value.replace(/[ \t]*\n[ \t]*/g, (_m, offset: number, all: string) => {
      const before = all.slice(0, offset).slice(-1);
      const after = all.slice(offset + _m.length, offset + _m.length + 1);
      return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
    }) };
  });
  return { ...paragraph, children };
}

/** A line `名词：解释` made of plain text becomes a bold term and its explanation. */
function definitionItem(line: PhrasingContent[]): Paragraph | undefined {
  const first = line[0];
  if (first?.type !== 'text') return undefined;
  const match = DEFINITION.exec(first.value);
  if (!match) return undefined;
  const [, term = '', colon = '', rest = ''] = match;
  return { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: term.trim() }] }, { type: 'text', value: `${colon}${rest}` }, ...line.slice(1)] };
}

function splitParagraph(paragraph: Paragraph): RootContent[] {
  const parts = lines(paragraph);
  if (parts.length < 2 || cjkShare(toString(paragraph)) < MIN_CJK_SHARE) return [paragraph];
  if (softWrapped(parts)) return [joinLines(paragraph)];
  const out: RootContent[] = [];
  let run: Paragraph[] = [];
  let pending: PhrasingContent[][] = [];
  const flush = () => {
    if (run.length >= 2) {
      const list: List = { type: 'list', ordered: false, spread: false, children: run.map((p) => ({ type: 'listItem', spread: false, children: [p] })) };
      out.push(list);
    } else pending.push(...run.map((p) => [{ type: 'text', value: toString(p) } as PhrasingContent]));
    for (const line of pending) out.push({ type: 'paragraph', children: line });
    run = [];
    pending = [];
  };
  for (const line of parts) {
    const item = definitionItem(line);
    if (item) {
      if (pending.length) {
        const before = pending;
        pending = [];
        for (const l of before) out.push({ type: 'paragraph', children: l });
      }
      run.push(item);
    } else {
      if (run.length) flush();
      pending.push(line);
    }
  }
  flush();
  return out;
}

/**
 * Chinese notes put one statement per line inside a paragraph; a browser would run them
 * together. Each line becomes its own paragraph, and runs of `名词：解释` lines become a list.
 * Prose wrapped at a fixed width (a line that stops mid-sentence) is joined into one line
 * instead. Hard-wrapped prose in Latin script is left as it is.
 */
export function splitLineParagraphs(tree: Root): void {
  const walk = (parent: Parent) => {
    parent.children = (parent.children as RootContent[]).flatMap((child) => {
      if (child.type === 'paragraph') return splitParagraph(child);
      if (child.type === 'blockquote' || child.type === 'listItem') walk(child);
      if (child.type === 'list') for (const item of child.children) walk(item);
      return [child];
    }) as never;
  };
  walk(tree);
}

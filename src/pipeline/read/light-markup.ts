/**
 * What the readers of reStructuredText and AsciiDoc notes share (restructured-text.ts,
 * asciidoc.ts): lines with their numbers in the note, indentation, an inline scanner driven by a
 * list of rules, tables from rows of cells, and the aside a callout word stands for.
 */
import type { PhrasingContent, RootContent, Table } from 'mdast';
import type { Dropped } from '../types.ts';

/** A line of the note and its number in the file. */
export interface Line {
  text: string;
  line: number;
}

/** What a reader of a light markup returns: the tree's blocks and what it left out on purpose. */
export interface LightReading {
  children: RootContent[];
  dropped: Dropped[];
}

export const toLines = (text: string, firstLine: number): Line[] => text.split('\n').map((t, i) => ({ text: t.replace(/\s+$/, ''), line: firstLine + i }));
export const isBlank = (line: Line | undefined) => line !== undefined && line.text.trim() === '';
export const indentOf = (text: string) => text.length - text.trimStart().length;

/** Lines with `width` columns of indentation removed (blank lines kept blank). */
export const dedent = (lines: Line[], width: number): Line[] => lines.map((l) => ({ ...l, text: l.text.slice(Math.min(width, indentOf(l.text))) }));

/** The least indentation of the lines that are not blank. */
export const commonIndent = (lines: Line[]) => Math.min(...lines.filter((l) => !isBlank(l)).map((l) => indentOf(l.text)));

/** Lines without the blank ones at either end. */
export function trimBlank(lines: Line[]): Line[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start])) start++;
  while (end > start && isBlank(lines[end - 1])) end--;
  return lines.slice(start, end);
}

/** A node's place: from the first line to the last. */
export function at<T extends RootContent>(node: T, first: Line | undefined, last: Line | undefined = first): T {
  if (first && last) node.position = { start: { line: first.line, column: 1 }, end: { line: last.line, column: last.text.length + 1 } };
  return node;
}

/** One inline construct: a sticky pattern tried where the scanner stands, and the nodes it makes. */
export interface InlineRule {
  pattern: RegExp;
  make: (match: RegExpExecArray, inline: (text: string) => PhrasingContent[]) => PhrasingContent[];
}

/**
 * A paragraph's text as phrasing nodes: at each place the first rule whose pattern matches there
 * makes its nodes; what no rule matches is text. Adjacent texts are joined.
 */
export function inlineNodes(text: string, rules: InlineRule[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const inline = (inner: string) => inlineNodes(inner, rules);
  const pushText = (value: string) => {
    if (!value) return;
    const last = out.at(-1);
    if (last?.type === 'text') last.value += value;
    else out.push({ type: 'text', value });
  };
  let plain = '';
  for (let index = 0; index < text.length; ) {
    let made: PhrasingContent[] | undefined;
    let length = 0;
    for (const rule of rules) {
      rule.pattern.lastIndex = index;
      const match = rule.pattern.exec(text);
      if (!match || match[0].length === 0) continue;
      made = rule.make(match, inline);
      length = match[0].length;
      break;
    }
    if (!made) {
      plain += text[index];
      index++;
      continue;
    }
    pushText(plain);
    plain = '';
    for (const node of made) node.type === 'text' ? pushText(node.value) : out.push(node);
    index += length;
  }
  pushText(plain);
  return out;
}

/** A table from rows of cells, the first row its header. */
export function tableOf(rows: PhrasingContent[][][]): Table {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return {
    type: 'table',
    align: Array.from({ length: width }, () => null),
    children: rows.map((row) => ({ type: 'tableRow', children: Array.from({ length: width }, (_, i) => ({ type: 'tableCell', children: row[i] ?? [] })) })),
  };
}

/** Whether a file's name ends with one of `extensions` (with their dots, compared without case). */
export const hasExtension = (name: string, extensions: string[]) => extensions.some((e) => name.toLowerCase().endsWith(e));

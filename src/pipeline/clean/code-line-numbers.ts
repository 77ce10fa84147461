import type { Root } from 'mdast';
import { visit } from '../tree/visit.ts';
import { fixed, type NoteFile } from '../types.ts';

/** A line a highlighter numbered: its number, and the code after it. */
const NUMBERED = /^\s*(\d{1,5})(?:[ \t]|$)(.*)$/;
/** The fewest lines that tell numbering from code that happens to start with numbers. */
const MIN_LINES = 3;

/** Do these numbers count up by one from the first? */
const countsUp = (numbers: number[]) => numbers.every((n, i) => n === (numbers[0] ?? 0) + i);

/**
 * The code without the line numbers a blog's highlighter shows beside it, when they were saved or
 * copied with it: in front of every line (` 1 apiVersion: v1`, cnblogs, Hexo, a copy of a page),
 * or as a run after the code (`1`, `2`, … `9`: CSDN's numbering column). Only numbers that count
 * up by one on every line, three or more; undefined when there are none.
 */
export function withoutLineNumbers(code: string): string | undefined {
  const lines = code.split('\n');
  if (lines.length < MIN_LINES) return undefined;
  const numbered = lines.map((line) => NUMBERED.exec(line));
  if (numbered.every(Boolean) && countsUp(numbered.map((m) => Number(m?.[1])))) {
    // The widest number sets the margin: ` 9 x` and `10 x` lose the same columns.
    const width = Math.max(...lines.map((line) => (/^\s*\d+/.exec(line)?.[0].length ?? 0)));
    const stripped = lines.map((line) => line.slice(Math.min(line.length, width + 1)));
    // Numbers and nothing else (what `seq 5` printed) are the code itself.
    if (stripped.filter((line) => line.trim()).length * 2 < lines.length) return undefined;
    return stripped.join('\n');
  }
  // A trailing column of numbers: the last k lines are 1…k, k at least MIN_LINES, and as many as the code's other lines.
  let k = 0;
  while (k < lines.length && /^\s*\d+\s*$/.test(lines[lines.length - 1 - k] ?? '')) k++;
  const tail = lines.slice(lines.length - k).map(Number);
  if (k >= MIN_LINES && tail[0] === 1 && countsUp(tail) && lines.length - k >= k - 1 && lines.length - k <= k + 1) return lines.slice(0, lines.length - k).join('\n').replace(/\n+$/, '');
  return undefined;
}

/** The code without the spaces every one of its lines starts with (what a removed number column leaves); undefined when there are none. */
export function withoutMargin(code: string): string | undefined {
  const lines = code.split('\n');
  const filled = lines.filter((line) => line.trim());
  const margin = Math.min(...filled.map((line) => /^ */.exec(line)?.[0].length ?? 0));
  if (!filled.length || margin === 0) return undefined;
  return lines.map((line) => line.slice(Math.min(margin, /^ */.exec(line)?.[0].length ?? 0))).join('\n');
}

/**
 * Removes highlighters' line numbers from code blocks (withoutLineNumbers), and the margin they
 * leave. Counted in the report's fixes as `code-line-numbers`.
 */
export function dropCodeLineNumbers(tree: Root, file: NoteFile): void {
  let count = 0;
  visit(tree, 'code', (node) => {
    if (node.lang === 'mermaid') return;
    const code = withoutLineNumbers(node.value);
    // A number column a saved page's selectors removed leaves the space that followed it on every line.
    const margin = withoutMargin(code ?? node.value);
    if (code === undefined && margin === undefined) return;
    node.value = margin ?? code ?? node.value;
    count++;
  });
  fixed(file, 'code-line-numbers', count);
}

import type { PhrasingContent, Root, TableCell } from 'mdast';
import { visit } from '../tree/visit.ts';
import { markdownToMdast } from '../read/markdown.ts';

/**
 * The pipe between two cells as the note wrote it, with the spaces around it: a cell's position
 * starts at its pipe, its text's where the words do. A bare pipe where positions are missing.
 */
function pipeBetween(before: TableCell, after: TableCell): string {
  const end = before.children.at(-1)?.position?.end;
  const pipe = after.position?.start;
  const start = after.children[0]?.position?.start;
  if (!end || !pipe || !start || end.line !== pipe.line || pipe.line !== start.line) return '|';
  return `${' '.repeat(Math.max(0, pipe.column - end.column))}|${' '.repeat(Math.max(0, start.column - pipe.column - 1))}`;
}

/** The text of a cell made only of text, else undefined. */
const plainText = (cell: TableCell) => (cell.children.every((child) => child.type === 'text') ? cell.children.map((child) => (child.type === 'text' ? child.value : '')).join('') : undefined);
const backticks = (text: string) => text.split('`').length - 1;

/** The cells as one, joined by the pipe that split them: their text parsed again when it is only text (a code span split at its `|` joins whole), else their content side by side. */
function joined(cells: TableCell[]): PhrasingContent[] {
  const texts = cells.map(plainText);
  if (texts.every((text) => text !== undefined)) {
    const text = texts.map((words, i) => `${i ? pipeBetween(cells[i - 1]!, cells[i]!) : ''}${words}`).join('');
    const parsed = markdownToMdast(text).children;
    const [only] = parsed;
    if (parsed.length === 1 && only?.type === 'paragraph') return only.children;
  }
  return cells.flatMap((cell, i) => [...(i ? [{ type: 'text', value: pipeBetween(cells[i - 1]!, cell) } as const] : []), ...cell.children]);
}


/** Cells in groups that become one cell each: a code span split at its `|` (an odd number of backticks) takes the cells up to its end. */
function groups(cells: TableCell[]): TableCell[][] {
  const out: TableCell[][] = [];
  for (let i = 0; i < cells.length; ) {
    const group = [cells[i]!];
    let open = backticks(plainText(cells[i]!) ?? '') % 2 === 1;
    for (i++; open && i < cells.length && plainText(cells[i]!) !== undefined; i++) {
      group.push(cells[i]!);
      open = backticks(group.map((c) => plainText(c)).join('')) % 2 === 1;
    }
    out.push(group);
  }
  return out;
}

/** One cell made of a group, spanning where its cells were. */
function cellOf(group: TableCell[]): TableCell {
  const [first] = group;
  if (group.length === 1) return first!;
  const start = first!.position?.start;
  const end = group.at(-1)!.position?.end;
  return { ...first!, children: joined(group), ...(start && end ? { position: { start, end } } : {}) };
}

/**
 * A table row with more cells than its header: GFM splits a row at every `|`, inside a code span
 * too (`kubectl get po | grep Running` written unescaped), and a site shows only as many cells as
 * the header has, so the words of the others would be lost. A code span's pieces become one cell
 * again, and cells still beyond the header's join the last one.
 */
export function joinExcessCells(tree: Root): void {
  visit(tree, 'table', (table) => {
    const width = table.children[0]?.children.length ?? 0;
    if (width === 0) return;
    for (const row of table.children) {
      if (row.children.length <= width) continue;
      const cells = groups(row.children).map(cellOf);
      row.children = cells.length <= width ? cells : [...cells.slice(0, width - 1), cellOf(cells.slice(width - 1))];
    }
  });
}

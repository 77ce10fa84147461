import type { Paragraph, Root, RootContent, Table } from 'mdast';

function cells(line: string): string[] {
  return line.split('\t').map((c) => c.trim());
}

/** Tab-separated lines as a table, the first its header; rows short of cells are filled with empty ones. */
export function toTable(lines: string[]): Table {
  const width = Math.max(...lines.map((l) => cells(l).length));
  return {
    type: 'table',
    align: Array.from({ length: width }, () => null),
    children: lines.map((line) => {
      const row = cells(line);
      return {
        type: 'tableRow',
        children: Array.from({ length: width }, (_, i) => ({ type: 'tableCell', children: row[i] ? [{ type: 'text', value: row[i] }] : [] })),
      };
    }),
  };
}

/** Splits a plain paragraph into runs of tab-separated lines (tables) and the lines between. */
function splitParagraph(paragraph: Paragraph): RootContent[] | undefined {
  if (!paragraph.children.every((c) => c.type === 'text')) return undefined;
  const lines = paragraph.children.map((c) => (c.type === 'text' ? c.value : '')).join('').split('\n');
  if (lines.filter((l) => l.includes('\t')).length < 2) return undefined;
  const out: RootContent[] = [];
  let run: string[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (run.length >= 2) {
      if (prose.length) out.push({ type: 'paragraph', children: [{ type: 'text', value: prose.join('\n') }] });
      prose = [];
      out.push(toTable(run));
    } else prose.push(...run);
    run = [];
  };
  for (const line of lines) {
    if (line.includes('\t') && line.split('\t').some((c) => c.trim())) run.push(line);
    else {
      flush();
      prose.push(line);
    }
  }
  flush();
  if (prose.length) out.push({ type: 'paragraph', children: [{ type: 'text', value: prose.join('\n') }] });
  return out.some((n) => n.type === 'table') ? out : undefined;
}

/** Notes copied from a spreadsheet or a web table keep it as tab-separated lines: make them tables. */
export function tabTables(tree: Root): void {
  tree.children = tree.children.flatMap((node) => (node.type === 'paragraph' ? (splitParagraph(node) ?? [node]) : [node]));
}

/**
 * A Jupyter notebook (`.ipynb`) as mdast: its Markdown cells read as Markdown, its code cells as
 * code in the notebook's language, and what a cell printed (text, or a picture) below it. Each
 * block keeps the line of the notebook file it came from.
 */
import type { Root, RootContent } from 'mdast';
import { offsetLines } from '../tree/offset-lines.ts';
import { UnreadableNoteError } from './decode.ts';

interface Cell {
  cell_type?: string;
  source?: string | string[];
  outputs?: { output_type?: string; text?: string | string[]; data?: Record<string, string | string[]> }[];
}
interface Notebook {
  cells?: Cell[];
  metadata?: { language_info?: { name?: string }; kernelspec?: { language?: string } };
}

const joined = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join('') : (value ?? ''));

/** A notebook's blocks; `parseMarkdown` reads a Markdown cell. Throws UnreadableNoteError when the file is not a notebook. */
export function notebookToMdast(text: string, parseMarkdown: (markdown: string) => Root): Root {
  let notebook: Notebook;
  try {
    notebook = JSON.parse(text) as Notebook;
  } catch (error) {
    throw new UnreadableNoteError(`it is not a notebook: ${(error as Error).message}`, 'Open it in Jupyter and save it again, or export it as Markdown.');
  }
  if (!Array.isArray(notebook.cells)) throw new UnreadableNoteError('it is not a notebook: it has no "cells"', 'Only Jupyter notebooks (nbformat 4) are read as notebooks.');
  const language = notebook.metadata?.language_info?.name ?? notebook.metadata?.kernelspec?.language ?? null;
  // Where each cell's source starts in the file, in order: the line of its "source" key.
  const sourceLines = [...text.matchAll(/"source"\s*:/g)].map((m) => text.slice(0, m.index).split('\n').length);
  const children: RootContent[] = [];
  notebook.cells.forEach((cell, index) => {
    const line = sourceLines[index] ?? 1;
    const at = { start: { line, column: 1 }, end: { line, column: 1 } };
    const source = joined(cell.source);
    if (cell.cell_type === 'markdown') {
      const tree = parseMarkdown(source);
      // The cell's first line is the one after its "source" key.
      offsetLines(tree, line);
      children.push(...tree.children);
    } else if (cell.cell_type === 'code' && source.trim()) {
      children.push({ type: 'code', lang: language, meta: null, value: source.replace(/\n$/, ''), position: at });
      for (const output of cell.outputs ?? []) {
        const printed = joined(output.text ?? output.data?.['text/plain']).replace(/\n$/, '');
        const picture = joined(output.data?.['image/png']).replace(/\s+/g, '');
        if (picture) children.push({ type: 'paragraph', children: [{ type: 'image', url: `data:image/png;base64,${picture}`, alt: '', title: null }], position: at });
        else if (printed.trim()) children.push({ type: 'code', lang: 'text', meta: null, value: printed, position: at });
      }
    } else if (source.trim()) children.push({ type: 'code', lang: null, meta: null, value: source, position: at });
  });
  return { type: 'root', children };
}

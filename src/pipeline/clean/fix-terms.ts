import type { Root } from 'mdast';
import { visit } from '../tree/visit.ts';
import type { Glossary } from '../rules/schemas.ts';
import { fixed, type NoteFile } from '../types.ts';
import { escapeRegExp } from '../text/escape-reg-exp.ts';
import { compareText } from '../../collation.ts';

/** Builds the matcher once per glossary: longest misspelling first, never inside a longer name. */
export function termFixer(glossary: Glossary): (text: string, count: (from: string) => void) => string {
  const entries = Object.entries(glossary.fixes).sort(([a], [b]) => b.length - a.length || compareText(a, b));
  if (entries.length === 0) return (text) => text;
  const lookup = new Map(entries.map(([from, to]) => [from.toLowerCase(), { from, to }]));
  const pattern = new RegExp(`(${entries.map(([from]) => escapeRegExp(from)).join('|')})(?![A-Za-z0-9-])`, 'gi');
  return (text, count) =>
    text.replace(pattern, (match) => {
      const fix = lookup.get(match.toLowerCase());
      if (!fix) return match;
      count(fix.from);
      return fix.to;
    });
}

/** Corrects misspelt component names in prose (code is left alone). */
export function fixTerms(tree: Root, file: NoteFile, glossary: Glossary): void {
  const fix = termFixer(glossary);
  visit(tree, 'text', (node) => {
    node.value = fix(node.value, (from) => {
      fixed(file, `term:${from}`);
    });
  });
}

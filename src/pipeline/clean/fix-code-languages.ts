import type { Root } from 'mdast';
import { bundledLanguages } from 'shiki/langs';
import { visit } from '../tree/visit.ts';
import type { NoteFile } from '../types.ts';
import { declaredLanguageFits, detectCodeLanguage } from './detect-code-language.ts';

/** Languages the site's code highlighter (Expressive Code, on Shiki) can colour, names and aliases. */
const PLAIN = new Set(['text', 'txt', 'plaintext', 'plain', 'ansi']);
const highlighted = (lang: string) => PLAIN.has(lang.toLowerCase()) || lang.toLowerCase() in bundledLanguages;

/**
 * Gives every code block a language that fits its content (yaml, json, console, bash, text),
 * keeping the author's label unless the content contradicts it or the highlighter does not know it.
 */
export function fixCodeLanguages(tree: Root, file: NoteFile, shellCommands: string[]): void {
  const commands = new Set(shellCommands);
  visit(tree, 'code', (node) => {
    if (node.lang === 'mermaid') return;
    const declared = node.lang ?? '';
    if (declared && declaredLanguageFits(declared, node.value)) {
      if (highlighted(declared)) return;
      // A language the site's highlighter does not know (`promql`) would only make it warn.
      file.message(`code block labelled \`${declared}\`, a language the highlighter does not know; shown as text`, { ruleId: 'code-language', source: 'clean', ...(node.position ? { place: node.position.start } : {}) });
      node.lang = 'text';
      return;
    }
    const detected = detectCodeLanguage(node.value, commands);
    if (declared && declared !== detected) {
      file.message(`code block labelled \`${declared}\` holds ${detected}; relabelled`, { ruleId: 'code-language', source: 'clean', ...(node.position ? { place: node.position.start } : {}) });
    }
    node.lang = detected;
    node.meta = null;
  });
}

import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { NoteFile } from '../types.ts';
import { declaredLanguageFits, detectCodeLanguage } from './detect-code-language.ts';

/** Gives every code block a language that fits its content (yaml, json, bash, text). */
export function fixCodeLanguages(tree: Root, file: NoteFile, shellCommands: string[]): void {
  const commands = new Set(shellCommands);
  visit(tree, 'code', (node) => {
    if (node.lang === 'mermaid') return;
    const declared = node.lang ?? '';
    if (declared && declaredLanguageFits(declared, node.value)) return;
    const detected = detectCodeLanguage(node.value, commands);
    if (declared && declared !== detected) {
      file.message(`code block labelled \`${declared}\` holds ${detected}; relabelled`, { ruleId: 'code-language', source: 'clean', ...(node.position ? { place: node.position.start } : {}) });
    }
    node.lang = detected;
    node.meta = null;
  });
}

import { pinyin } from 'pinyin-pro';
import { compareText } from '../../collation.ts';
import { glossarySchema, type Glossary } from '../../schema.ts';
import type { Terms } from '../rules/schemas.ts';
import type { OutputFile } from './index.ts';

/** A name as the letters it is sorted by: pinyin for Chinese characters, Latin letters as they are, lower case. */
function sortKey(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join(' ').toLowerCase();
}

/**
 * content/glossary.json: every term with its names, definition and link, in the order a Chinese
 * reader looks it up — by the pinyin of its Chinese name (or its English name), under its first letter.
 */
export function emitGlossary(terms: Terms): OutputFile {
  const entries: Glossary['terms'] = terms.terms
    .map((term) => {
      const name = term.zh[0] ?? term.en[0] ?? term.id;
      const key = sortKey(name);
      const first = key[0]?.toUpperCase() ?? '#';
      return {
        key,
        entry: {
          id: term.id,
          name,
          aliases: [...term.zh, ...term.en, ...term.abbr].filter((n) => n !== name),
          letter: /[A-Z]/.test(first) ? first : '#',
          category: terms.categories[term.category] ?? term.category,
          definition: term.definition,
          docs: term.docs,
        },
      };
    })
    .sort((a, b) => compareText(a.key, b.key) || compareText(a.entry.id, b.entry.id))
    .map((e) => e.entry);
  const glossary = glossarySchema.parse({ title: terms.title, description: terms.description, docsLabel: terms['docs-label'], pagesLabel: terms['pages-label'], terms: entries });
  return { path: 'glossary.json', content: `${JSON.stringify(glossary, null, 2)}\n` };
}

import { searchDictSchema, searchKey, type SearchDict } from '../../schema.ts';
import type { Rules } from '../rules/schemas.ts';
import type { OutputFile } from './index.ts';

type Entry = SearchDict['entries'][number] & { match: string[] };

/** A topic term that is a question frame (什么是Kubernetes) is not a name a reader searches by. */
function isFrame(term: string, stopWords: string[]): boolean {
  const key = searchKey(term);
  return stopWords.some((w) => w.length >= 2 && key.includes(searchKey(w)));
}

/**
 * content/search.json: the names the search box keeps whole and searches by one another — the
 * glossary's terms, the synonym groups and misspellings of content/search.yaml and
 * content/glossary.yaml, the taxonomy's topic terms — with the question words it drops and its strings.
 */
export function emitSearch(rules: Pick<Rules, 'search' | 'terms' | 'glossary' | 'taxonomy'>): OutputFile {
  const entries: Entry[] = [];
  const byKey = new Map<string, Entry>();
  const add = (entry: Entry, names: string[], searched: boolean): void => {
    for (const name of names) {
      const key = searchKey(name);
      const other = byKey.get(key);
      if (other && other !== entry) {
        // A name in two groups joins them: the later one moves into the earlier.
        const moved = other;
        entries.splice(entries.indexOf(moved), 1);
        for (const k of moved.match) byKey.set(k, entry);
        entry.match.push(...moved.match.filter((k) => !entry.match.includes(k)));
        entry.search.push(...moved.search.filter((n) => !entry.search.includes(n)));
        entry.term ??= moved.term;
      }
      if (!entry.match.includes(key)) entry.match.push(key);
      byKey.set(key, entry);
      // Names that differ only in spaces or hyphens are different words to Pagefind (apiserver, API Server): both are searched.
      if (searched && !entry.search.some((n) => n.toLowerCase() === name.toLowerCase())) entry.search.push(name);
    }
  };
  const group = (names: string[], term?: string): void => {
    const existing = names.map((n) => byKey.get(searchKey(n))).find(Boolean);
    const entry = existing ?? { match: [], search: [], ...(term ? { term } : {}) };
    if (!existing) entries.push(entry);
    add(entry, names, true);
  };
  for (const term of rules.terms.terms) group([...term.zh, ...term.en, ...term.abbr], term.id);
  for (const names of rules.search.synonyms) group(names);
  for (const topic of rules.taxonomy.topics) for (const t of topic.terms) if (!isFrame(t, rules.search['stop-words'])) group([t]);
  const misspellings = [...Object.entries(rules.glossary.fixes), ...Object.entries(rules.search.typos)];
  for (const [typo, name] of misspellings) {
    const entry = byKey.get(searchKey(name));
    if (entry) add(entry, [typo], false);
    else {
      const created: Entry = { match: [], search: [] };
      entries.push(created);
      add(created, [name], true);
      add(created, [typo], false);
    }
  }
  const dict = searchDictSchema.parse({
    labels: rules.search.labels,
    stopWords: [...new Set(rules.search['stop-words'].map((w) => w.normalize('NFKC').toLowerCase()))],
    // What a query may match is each name as the box compares it, and the misspellings.
    entries: entries.map(({ match, search, term }) => {
      const typos = match.filter((key) => !search.some((n) => searchKey(n) === key));
      return { search, ...(typos.length ? { typos } : {}), ...(term ? { term } : {}) };
    }),
  });
  return { path: 'search.json', content: `${JSON.stringify(dict, null, 2)}\n` };
}

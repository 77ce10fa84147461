import type { SearchDict } from '../../schema.ts';
import { isNameSeparator, searchKey } from '../../search-key.ts';

/** One thing a query asks about: a known name (searched by all its names) or other words. */
export interface Concept {
  /** What the reader typed for it. */
  typed: string;
  /** The names it is searched by: a known term's names, else the typed words. */
  names: string[];
  /** A known name (glossary, synonym group or taxonomy topic): searched whole, weighs more. */
  known: boolean;
}

export interface ParsedQuery {
  concepts: Concept[];
  /** Question words and particles left out, in query order. */
  dropped: string[];
}

/** A compiled dictionary: known names by their first character, the longest first. */
export interface Lexicon {
  byFirst: Map<string, { key: string; entry: SearchDict['entries'][number] }[]>;
  stopWords: Set<string>;
  longestStop: number;
}

export function lexicon(dict: SearchDict): Lexicon {
  const byFirst: Lexicon['byFirst'] = new Map();
  for (const entry of dict.entries) {
    for (const key of new Set([...entry.search, ...(entry.typos ?? [])].map(searchKey))) {
      const first = key[0];
      if (!first) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ key, entry });
      byFirst.set(first, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.key.length - a.key.length || (a.key < b.key ? -1 : 1));
  const stopWords = new Set(dict.stopWords.map(searchKey));
  return { byFirst, stopWords, longestStop: Math.max(0, ...[...stopWords].map((w) => w.length)) };
}

const WORD = /[\p{L}\p{N}]/u;
const LATIN = /[a-z0-9]/;

/** The query as compared: each kept character of the normalized text, with where it stood. */
function squeeze(text: string): { chars: string; at: number[]; source: string } {
  const source = text.normalize('NFKC').toLowerCase();
  let chars = '';
  const at: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? '';
    if (isNameSeparator(c)) continue;
    chars += c;
    at.push(i);
  }
  return { chars, at, source };
}

/**
 * A known name at `i` of the squeezed query, the longest first. A name that starts or ends
 * with a Latin letter or digit must not continue a word in the query as typed (pv is not
 * inside pvc), while spaces and hyphens inside a name are optional (kube proxy is kube-proxy).
 */
function knownAt(lex: Lexicon, q: ReturnType<typeof squeeze>, i: number): { end: number; entry: SearchDict['entries'][number] } | undefined {
  for (const { key, entry } of lex.byFirst.get(q.chars[i] ?? '') ?? []) {
    if (!q.chars.startsWith(key, i)) continue;
    const end = i + key.length;
    const before = q.source[(q.at[i] ?? 0) - 1] ?? ' ';
    const after = q.source[(q.at[end - 1] ?? 0) + 1] ?? ' ';
    if (LATIN.test(key[0] ?? '') && LATIN.test(before)) continue;
    if (LATIN.test(key[key.length - 1] ?? '') && LATIN.test(after)) continue;
    return { end, entry };
  }
  return undefined;
}

/** Words of free text: the browser's word segmenter where there is one, else runs of letters. */
function words(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
    return [...segmenter.segment(text)].map((s) => s.segment);
  }
  return text.match(/[\p{Script=Han}]+|[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu) ?? [];
}

/** A word made only of stop words (是用来 = 是 + 用来), as the segmenter may join them. */
function allStop(word: string, lex: Lexicon): boolean {
  const key = searchKey(word);
  const ok: boolean[] = [true];
  for (let end = 1; end <= key.length; end++) {
    ok[end] = false;
    for (let start = Math.max(0, end - lex.longestStop); start < end && !ok[end]; start++) ok[end] = !!ok[start] && lex.stopWords.has(key.slice(start, end));
  }
  return key.length > 0 && !!ok[key.length];
}

/**
 * Free text between known names: question words and particles out (the longest run of words
 * that is a stop word first), the words left between two removals kept together as one concept.
 */
function freeConcepts(text: string, lex: Lexicon, dropped: string[]): Concept[] {
  const list = words(text);
  const concepts: Concept[] = [];
  let kept: string[] = [];
  let lastDropped = -1;
  const flush = (): void => {
    if (kept.length) concepts.push({ typed: kept.join(''), names: [kept.join('')], known: false });
    kept = [];
  };
  for (let i = 0; i < list.length; ) {
    // Spaces and punctuation part concepts: 探？滚 is two things, not 探滚.
    if (!WORD.test(list[i] ?? '')) {
      flush();
      lastDropped = -1;
      i++;
      continue;
    }
    let stop = 0;
    let joined = '';
    for (let j = i; j < list.length && WORD.test(list[j] ?? ''); j++) {
      joined += list[j];
      if (joined.length > lex.longestStop) break;
      if (lex.stopWords.has(searchKey(joined))) stop = j - i + 1;
    }
    if (!stop && allStop(list[i] ?? '', lex)) stop = 1;
    if (stop) {
      const words = list.slice(i, i + stop).join('');
      // Dropped words in a row read as one (是用来做什么的, not 是用, 来, 做什么的).
      if (!kept.length && lastDropped === dropped.length && dropped.length) dropped[dropped.length - 1] += words;
      else dropped.push(words);
      flush();
      lastDropped = dropped.length;
      i += stop;
    } else {
      const word = list[i] ?? '';
      // Latin words stay apart (each is its own word to find); Chinese words run together.
      if (kept.length && (LATIN.test(word[0] ?? '') || LATIN.test(kept[kept.length - 1]?.slice(-1) ?? ''))) flush();
      kept.push(word);
      i++;
    }
  }
  flush();
  return concepts;
}

/**
 * Reads a query as a learner types it ("pv和pvc的区别", "ingress 是什么", "kubeproxy"): known
 * names whole, with their other names; question words out; the rest as words to find.
 */
export function parseQuery(text: string, lex: Lexicon): ParsedQuery {
  const q = squeeze(text);
  const concepts: Concept[] = [];
  const dropped: string[] = [];
  let freeStart = 0;
  const free = (end: number): void => {
    if (end > freeStart) concepts.push(...freeConcepts(q.source.slice(q.at[freeStart], (q.at[end - 1] ?? 0) + 1), lex, dropped));
  };
  for (let i = 0; i < q.chars.length; ) {
    const hit = knownAt(lex, q, i);
    if (!hit) {
      i++;
      continue;
    }
    free(i);
    const typed = q.source.slice(q.at[i], (q.at[hit.end - 1] ?? 0) + 1);
    // The same name twice says nothing more; two names of one term (预选和优选) are two things to find.
    if (!concepts.some((c) => c.known && searchKey(c.typed) === searchKey(typed))) concepts.push({ typed, names: hit.entry.search, known: true });
    i = freeStart = hit.end;
  }
  free(q.chars.length);
  // A lone Chinese character beside other words (新 in 新节点怎么加入集群) finds everything and narrows nothing.
  if (concepts.length > 1) {
    for (const c of concepts.filter((c) => !c.known && /^\p{Script=Han}$/u.test(c.typed))) {
      concepts.splice(concepts.indexOf(c), 1);
      dropped.push(c.typed);
    }
  }
  // Only question words: look those up rather than nothing.
  if (!concepts.length && dropped.length) return { concepts: freeConcepts(q.source, { ...lex, stopWords: new Set() }, []), dropped: [] };
  return { concepts, dropped };
}

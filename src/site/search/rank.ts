import type { Concept } from './query.ts';

/** What the search box needs of Pagefind's browser API (pagefind.js). */
export interface PagefindResult<D = unknown> {
  id: string;
  score: number;
  data(): Promise<D>;
}
export interface PagefindApi<D = unknown> {
  search(term: string): Promise<{ results: PagefindResult<D>[] } | null>;
}

export interface RankedPage<D = unknown> {
  id: string;
  score: number;
  /** Indexes of the concepts the page holds. */
  matched: number[];
  /** The Pagefind result to show the page by (the one for its weightiest concept). */
  result: PagefindResult<D>;
}

export interface Ranking<D = unknown> {
  pages: RankedPage<D>[];
  /** No page holds every concept: the pages hold some of them (the most specific weigh most). */
  partial: boolean;
  /** Each concept's weight: specific concepts (on few pages) and known terms weigh more. */
  weights: number[];
}

/** How much a page loses for the concepts it lacks (the exponent of the share it holds). */
export const COVERAGE = 2;

/** The most names a concept is searched by (the typed one, then the others in order). */
export const MAX_NAMES = 6;

/** Names Pagefind would cut into several words: Chinese ones, and those with spaces (Pod 安全策略). */
const CUT = /[\p{Script=Han}\s]/u;

/** A concept's names to search: the one typed first, at most MAX_NAMES. */
export function namesOf(concept: Concept): string[] {
  const typed = concept.names.find((n) => n.toLowerCase().replace(/[\s_-]+/g, '') === concept.typed.replace(/[\s_-]+/g, ''));
  const names = typed ? [typed, ...concept.names.filter((n) => n !== typed)] : concept.names;
  return names.slice(0, MAX_NAMES);
}

/**
 * The pages holding one concept, with Pagefind's score for the best of its names. A known
 * name is found whole: Pagefind cuts 探针 into 探 and 针 and matches pages with 探讨…针对, and
 * Pod 安全策略 into three words found anywhere, so only the pages where its exact search finds
 * the words side by side count.
 */
async function conceptHits<D>(concept: Concept, api: PagefindApi<D>): Promise<Map<string, PagefindResult<D>>> {
  const whole = new Map<string, PagefindResult<D>>();
  const apart = new Map<string, PagefindResult<D>>();
  const add = (hits: Map<string, PagefindResult<D>>, r: PagefindResult<D>, score: number): void => {
    const had = hits.get(r.id);
    if (!had || had.score < score) hits.set(r.id, { id: r.id, score, data: () => r.data() });
  };
  for (const [i, name] of namesOf(concept).entries()) {
    const found = (await api.search(name))?.results ?? [];
    const cut = concept.known && CUT.test(name.trim());
    const exact = cut ? new Set(((await api.search(`"${name}"`))?.results ?? []).map((r) => r.id)) : undefined;
    // Another name than the one typed finds the page a little less surely.
    const factor = i === 0 ? 1 : 0.9;
    for (const r of found) add(!exact || exact.has(r.id) ? whole : apart, r, r.score * factor);
  }
  // No page has any of its names whole (创建流程 where notes write 创建一个Pod的主要流程): its words apart.
  return whole.size ? whole : apart;
}

/**
 * Ranks pages for a parsed query. Each concept is searched on its own (Pagefind requires every
 * word of one search); a page's score sums, over the concepts it holds, its score for the concept
 * relative to the best page's, weighted by how specific the concept is (found on few pages) and
 * by whether it is a known term. Pages holding every concept come first; when none does, the
 * ranking is partial and says so.
 */
export async function rankPages<D>(concepts: Concept[], api: PagefindApi<D>): Promise<Ranking<D>> {
  const perConcept: Map<string, PagefindResult<D>>[] = [];
  for (const concept of concepts) perConcept.push(await conceptHits(concept, api));
  const weights = perConcept.map((hits, i) => (hits.size ? ((concepts[i]?.known ? 1.5 : 1) / (1 + Math.log(hits.size))) : 0));
  const best = perConcept.map((hits) => Math.max(0, ...[...hits.values()].map((r) => r.score)));
  const pages = new Map<string, RankedPage<D>>();
  perConcept.forEach((hits, c) => {
    for (const [id, r] of hits) {
      const part = (weights[c] ?? 0) * (r.score / (best[c] || 1));
      const page = pages.get(id) ?? { id, score: 0, matched: [], result: r };
      const bestPart = page.matched.length ? Math.max(...page.matched.map((m) => (weights[m] ?? 0) * ((perConcept[m]?.get(id)?.score ?? 0) / (best[m] || 1)))) : -1;
      if (part > bestPart) page.result = r;
      page.score += part;
      page.matched.push(c);
      pages.set(id, page);
    }
  });
  const all = [...pages.values()];
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  // A page missing a concept drops by the square of the share of weight it holds: missing a
  // plain word (工作 in 调度器是怎么工作的) costs little, missing the term asked about costs much.
  for (const page of all) page.score *= (page.matched.reduce((sum, c) => sum + (weights[c] ?? 0), 0) / total) ** COVERAGE;
  const full = all.filter((p) => p.matched.length === concepts.length);
  const ranked = all.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return { pages: ranked, partial: !full.length && all.length > 0 && concepts.length > 1, weights };
}

const key = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The first results again, now that their titles are known: a page whose title names a concept
 * (API Server for apiserver, Kubernetes 概述 for k8s) is what the reader asked for, though a
 * longer page may say the word more often. Each concept the title names adds its weight, times
 * the share of the title its name fills.
 */
export function rerankByTitle<T>(items: { score: number; title: string; value: T }[], concepts: Concept[], weights: number[]): T[] {
  const names = concepts.map((c) => [c.typed, ...c.names].map(key).filter((n) => n.length > 0));
  const boosted = items.map((item, i) => {
    const t = key(item.title);
    // The share of the title the concept's name fills: API Server is all about apiserver;
    // Pod如何实现对节点的资源控制 is only a little about 节点.
    const bonus = names.reduce((sum, list, c) => sum + (weights[c] ?? 0) * Math.max(0, ...list.filter((n) => t.includes(n)).map((n) => n.length / (t.length || 1))), 0);
    return { value: item.value, score: item.score + bonus, i };
  });
  return boosted.sort((a, b) => b.score - a.score || a.i - b.i).map((b) => b.value);
}

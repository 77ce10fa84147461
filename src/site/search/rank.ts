import { searchKey } from '../../search-key.ts';
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

/** Pages found for a concept, whole, beyond which its other names are not searched. */
export const ENOUGH = 3;

/** The most names a concept is searched by (the typed one, then the others in order). */
export const MAX_NAMES = 6;

/** Chinese names, abbreviations (PV, HPA) and other Latin names are written differently in notes. */
const kindOf = (name: string): string => (/\p{Script=Han}/u.test(name) ? 'zh' : /^[A-Z0-9]{2,6}$/.test(name) ? 'abbr' : 'en');

/** Names Pagefind would cut into several words: Chinese ones, and those with spaces (Pod 安全策略). */
const CUT = /[\p{Script=Han}\s]/u;

/** A concept's names to search: the one typed first, at most MAX_NAMES. */
export function namesOf(concept: Concept): string[] {
  const typed = concept.names.find((n) => searchKey(n) === searchKey(concept.typed));
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
  const names = namesOf(concept);
  // Always asked: the typed name, the term's main name (反亲和性 is searched with Pod 亲和性 too) and
  // the first name of each other kind (a page may say only 探针 for Probe, or only PV for 持久卷).
  // The other names are asked when those find few pages: each may live in another chunk of the index.
  const kinds = new Set(names.slice(0, 1).map(kindOf));
  const always = new Set([...names.slice(0, 1), ...concept.names.slice(0, 1)]);
  for (const name of names.slice(1)) {
    if (kinds.has(kindOf(name))) continue;
    kinds.add(kindOf(name));
    always.add(name);
  }
  for (const [i, name] of names.entries()) {
    if (!always.has(name) && whole.size >= ENOUGH) continue;
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
 * by whether it is a known term, lowered for the concepts it lacks and raised for what its title
 * and headings name. When no page holds every concept, the ranking is partial and says so.
 */
export async function rankPages<D>(concepts: Concept[], api: PagefindApi<D>, titles?: Titles): Promise<Ranking<D>> {
  const perConcept: Map<string, PagefindResult<D>>[] = [];
  for (const concept of concepts) perConcept.push(await conceptHits(concept, api));
  const weights = perConcept.map((hits, i) => (hits.size ? ((concepts[i]?.known ? 1.5 : 1) / (1 + Math.log(hits.size))) : 0));
  const best = perConcept.map((hits) => Math.max(0, ...[...hits.values()].map((r) => r.score)));
  const pages = new Map<string, RankedPage<D> & { bestPart: number }>();
  perConcept.forEach((hits, c) => {
    for (const [id, r] of hits) {
      const part = (weights[c] ?? 0) * (r.score / (best[c] || 1));
      const page = pages.get(id) ?? { id, score: 0, matched: [], result: r, bestPart: -1 };
      // The page is shown by the result of the concept that counts most for it.
      if (part > page.bestPart) Object.assign(page, { result: r, bestPart: part });
      page.score += part;
      page.matched.push(c);
      pages.set(id, page);
    }
  });
  const all: RankedPage<D>[] = [...pages.values()].map(({ bestPart: _, ...page }) => page);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  // A page missing a concept drops by the square of the share of weight it holds: missing a
  // plain word (工作 in 调度器是怎么工作的) costs little, missing the term asked about costs much.
  const named = titleBonus(concepts, weights);
  for (const page of all) page.score = page.score * (page.matched.reduce((sum, c) => sum + (weights[c] ?? 0), 0) / total) ** COVERAGE + named(titles?.[page.id]?.slice(1));
  const full = all.filter((p) => p.matched.length === concepts.length);
  const ranked = all.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return { pages: ranked, partial: !full.length && all.length > 0 && concepts.length > 1, weights };
}

/** A page's URL, title and h2 headings (the questions it answers), by Pagefind id: see src/search-titles. */
export type Titles = Record<string, [string, string, ...string[]]>;

/**
 * What a page's title and headings add for a query. A title naming a concept (API Server for
 * apiserver, Kubernetes 概述 for k8s) adds the concept's weight times the share of the title its
 * name fills (Pod如何实现对节点的资源控制 is only a little about 节点); a heading naming concepts
 * (2.Kubernetes 和 Docker 有什么区别？ for k8s 和 docker 的区别) adds half their weight.
 */
export function titleBonus(concepts: Concept[], weights: number[]): (texts: string[] | undefined) => number {
  const names = concepts.map((c) => [c.typed, ...c.names].map(searchKey).filter((n) => n.length > 0));
  return (texts) => (texts?.length ? bonus(texts.map(searchKey), names, weights) : 0);
}

function bonus([title = '', ...headings]: string[], names: string[][], weights: number[]): number {
  const share = names.reduce((sum, list, c) => sum + (weights[c] ?? 0) * Math.max(0, ...list.filter((n) => title.includes(n)).map((n) => n.length / (title.length || 1))), 0);
  const heading = Math.max(0, ...headings.map((h) => names.reduce((sum, list, c) => sum + (list.some((n) => h.includes(n)) ? (weights[c] ?? 0) : 0), 0)));
  return share + heading / 2;
}

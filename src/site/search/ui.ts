import type { SearchDict } from '../../schema.ts';
import { searchKey } from '../../search-key.ts';
import { TITLES_FILE } from '../../search-titles/name.ts';
import { fill } from '../../fill.ts';
import { highlight, HIGHLIGHT_PARAM } from './highlight.ts';
import { lexicon, parseQuery, type Lexicon, type ParsedQuery } from './query.ts';
import { namesOf, rankPages, type PagefindApi, type RankedPage, type Titles } from './rank.ts';

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
}
interface PageData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: SubResult[];
}

type Labels = Record<string, string>;

/** What a search needs, fetched when the box first opens. */
interface Engine {
  api: PagefindApi<PageData>;
  lex: Lexicon;
  titles: Titles | undefined;
}

/** A listed result that fetches its excerpt when shown. */
type Loadable = HTMLLIElement & { load?: () => Promise<void> };

/** Results shown at first and added by each 加载更多. */
const PAGE_SIZE = 10;
/** Milliseconds a reader pauses before the box searches. */
const DEBOUNCE = 180;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Pagefind's excerpt (escaped text with its own <mark>s) as text, with the query's names marked. */
function excerpt(html: string, terms: string[]): HTMLElement {
  const p = element('p', 'search-excerpt');
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  p.textContent = parsed.body.textContent ?? '';
  highlight(p, terms);
  return p;
}

/** A result's link: the page (or section) with the names to highlight there. */
function linkTo(url: string, terms: string[]): string {
  const [path, hash] = url.split('#');
  const params = new URLSearchParams({ [HIGHLIGHT_PARAM]: terms.join('|') });
  return `${path}?${params}${hash ? `#${hash}` : ''}`;
}

/** The search box: a dialog over Pagefind that reads questions, not only keywords (see query.ts, rank.ts). */
export class HandbookSearch {
  private dialog: HTMLDialogElement;
  private input: HTMLInputElement;
  private status: HTMLElement;
  private notes: HTMLElement;
  private list: HTMLOListElement;
  private more: HTMLButtonElement;
  private clear: HTMLButtonElement;
  private labels: Labels;
  private chapters: Record<string, string>;
  private engine?: Promise<Engine | undefined>;
  private run = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private ranked: RankedPage<PageData>[] = [];
  private shown = 0;
  private terms: string[] = [];

  private root: HTMLElement;

  constructor(root: HTMLElement) {
    this.root = root;
    const q = <T extends Element>(selector: string): T => {
      const el = root.querySelector<T>(selector);
      if (!el) throw new Error(`search box: ${selector} is missing`);
      return el;
    };
    this.dialog = q('dialog');
    this.input = q('input');
    this.status = q('.search-status');
    this.notes = q('.search-notes');
    this.list = q('.search-results');
    this.more = q('.search-more');
    this.clear = q('.search-clear');
    this.labels = JSON.parse(root.dataset.labels ?? '{}') as Labels;
    this.chapters = JSON.parse(root.dataset.chapters ?? '{}') as Record<string, string>;
    for (const button of document.querySelectorAll<HTMLElement>('[data-open-search]')) button.addEventListener('click', () => this.open());
    q<HTMLButtonElement>('.search-close').addEventListener('click', () => this.dialog.close());
    // A click on the backdrop (the dialog itself, outside its box) closes it.
    this.dialog.addEventListener('click', (event) => {
      if (event.target === this.dialog) this.dialog.close();
    });
    this.input.addEventListener('input', () => this.schedule());
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        this.list.querySelector<HTMLAnchorElement>('a')?.focus();
      }
    });
    this.list.addEventListener('keydown', (event) => this.arrows(event));
    this.clear.addEventListener('click', () => {
      this.input.value = '';
      this.schedule();
      this.input.focus();
    });
    this.more.addEventListener('click', () => void this.showMore());
    document.addEventListener('keydown', (event) => {
      const typing = event.target instanceof HTMLElement && (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName));
      if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typing)) {
        event.preventDefault();
        this.open();
      }
    });
  }

  open(): void {
    if (!this.dialog.open) this.dialog.showModal();
    this.input.focus();
    this.input.select();
    this.engine ??= this.load();
  }

  /** Pagefind and the search dictionary, fetched when the box first opens. */
  private async load(): Promise<Engine | undefined> {
    try {
      const base = this.root.dataset.base ?? '/';
      const [pagefind, dict, titles] = await Promise.all([
        import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<PagefindApi<PageData> & { init(): Promise<void>; options(o: object): Promise<void> }>,
        // Checked against its schema when the site is built (labels.ts); no validator ships to readers.
        import('../../../content/search.json').then((m) => m.default as SearchDict),
        // Titles and headings of every page (src/search-titles): without them, results rank on their text alone.
        fetch(`${base}pagefind/${TITLES_FILE}`)
          .then((r) => (r.ok ? (r.json() as Promise<Titles>) : undefined))
          .catch(() => undefined),
      ]);
      await pagefind.options({ excerptLength: 28 });
      await pagefind.init();
      return { api: pagefind, lex: lexicon(dict), titles };
    } catch {
      this.status.textContent = this.labels.unavailable ?? '';
      return undefined;
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.clear.hidden = !this.input.value;
    this.timer = setTimeout(() => void this.search(), DEBOUNCE);
  }

  private async search(): Promise<void> {
    const run = ++this.run;
    const text = this.input.value.trim();
    this.list.replaceChildren();
    this.notes.replaceChildren();
    this.more.hidden = true;
    this.ranked = [];
    this.shown = 0;
    this.root.dataset.state = text ? 'searching' : 'idle';
    if (!text) {
      this.status.textContent = '';
      return;
    }
    this.status.textContent = fill(this.labels.searching ?? '', { query: text });
    const engine = await (this.engine ??= this.load());
    if (!engine || run !== this.run) return;
    const parsed = parseQuery(text, engine.lex);
    const ranking = await rankPages(parsed.concepts, engine.api, engine.titles);
    if (run !== this.run) return;
    this.ranked = ranking.pages;
    this.terms = [...new Set(parsed.concepts.flatMap((c) => [c.typed, ...namesOf(c)]))];
    this.status.textContent = ranking.pages.length ? fill(this.labels.count ?? '', { count: ranking.pages.length, query: text }) : fill(this.labels.none ?? '', { query: text });
    this.note(parsed, ranking.partial, ranking.pages.length > 0);
    await this.showMore();
    if (run === this.run) this.root.dataset.state = ranking.pages.length ? (ranking.partial ? 'partial' : 'found') : 'none';
  }

  /** Lines under the count: partial results, the words left out, the other names searched, or a hint. */
  private note(parsed: ParsedQuery, partial: boolean, found: boolean): void {
    const lines: [string, string][] = [];
    if (partial) lines.push(['search-partial', this.labels.partial ?? '']);
    if (parsed.dropped.length) lines.push(['search-ignored', fill(this.labels.ignored ?? '', { words: parsed.dropped.join('、') })]);
    const others = parsed.concepts.filter((c) => c.known).flatMap((c) => namesOf(c).filter((n) => searchKey(n) !== searchKey(c.typed)).slice(0, 3));
    if (others.length) lines.push(['search-expanded', fill(this.labels.expanded ?? '', { words: others.join('、') })]);
    if (!found) lines.push(['search-hint', this.labels['none-hint'] ?? '']);
    this.notes.replaceChildren(...lines.map(([cls, text]) => element('span', cls, text)));
  }

  private async showMore(): Promise<void> {
    const run = this.run;
    const slice = this.ranked.slice(this.shown, this.shown + PAGE_SIZE);
    this.shown += slice.length;
    const titles = (await this.engine)?.titles;
    // Listed from the titles file at once; a page's excerpt (its Pagefind fragment) when it is
    // scrolled into view. Without the titles file, each page's fragment names it.
    const items = await Promise.all(slice.map(async (page) => {
      const known = titles?.[page.id];
      const data = known ? undefined : await page.result.data();
      return this.item(page, known ? { url: known[0], title: known[1] } : { url: data?.url ?? '', title: data?.meta.title ?? '' }, data);
    }));
    if (run !== this.run) return;
    this.list.append(...items);
    this.more.hidden = this.shown >= this.ranked.length;
  }

  /**
   * Fetches and shows the excerpts of the results on screen, one at a time: each excerpt makes
   * its result taller and may push the next ones out of view, which then wait until scrolled to.
   */
  private observer = new IntersectionObserver((entries) => {
    for (const entry of entries) if (entry.isIntersecting) this.waiting.add(entry.target as Loadable);
    void this.loadVisible();
  });
  private waiting = new Set<Loadable>();
  private loading = false;

  private async loadVisible(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    const body = this.list.parentElement?.getBoundingClientRect();
    for (const li of [...this.waiting]) {
      this.waiting.delete(li);
      const box = li.getBoundingClientRect();
      if (!li.isConnected || (body && (box.top >= body.bottom || box.bottom <= body.top))) continue;
      this.observer.unobserve(li);
      await li.load?.();
    }
    this.loading = false;
    if (this.waiting.size) void this.loadVisible();
  }

  private item(page: RankedPage<PageData>, head: { url: string; title: string }, data?: PageData): HTMLLIElement {
    const li: Loadable = element('li', 'search-result');
    const link = element('a', 'search-result-link');
    link.href = linkTo(head.url, this.terms);
    const chapter = this.chapters[head.url.replace(this.root.dataset.base ?? '/', '').split('/')[0] ?? ''];
    link.append(element('span', 'search-result-title', head.title || head.url));
    if (chapter) link.append(element('span', 'search-result-chapter', chapter));
    li.append(link);
    const showExcerpts = (d: PageData): void => {
      li.append(excerpt(d.excerpt, this.terms));
      // Sections, not the page again (its title's own anchor, #_top).
      const subs = d.sub_results
        .filter((s) => s.url.includes('#') && !s.url.endsWith('#_top') && s.title !== head.title)
        .sort((a, b) => b.locations.length - a.locations.length)
        .slice(0, 3);
      if (subs.length) {
        const ul = element('ul', 'search-subs');
        for (const sub of subs) {
          const item = element('li', 'search-sub');
          const a = element('a', 'search-sub-link', sub.title);
          a.href = linkTo(sub.url, this.terms);
          item.append(a, excerpt(sub.excerpt, this.terms));
          ul.append(item);
        }
        li.append(ul);
      }
      li.dataset.loaded = '';
    };
    if (data) showExcerpts(data);
    else {
      const run = this.run;
      li.load = async () => {
        const d = await page.result.data();
        if (run === this.run) showExcerpts(d);
      };
      this.observer.observe(li);
    }
    return li;
  }

  /** Up and down move between result links; up from the first goes back to the box. */
  private arrows(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...this.list.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? links[at + 1] : links[at - 1];
    if (next) next.focus();
    else if (event.key === 'ArrowUp') this.input.focus();
  }
}

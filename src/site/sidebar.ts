/**
 * The handbook's chapters in the sidebar, from content/sidebar.json, made when a page is rendered
 * rather than in the site's config: the config is then read before the pipeline has written
 * anything, so `npm run build` can start Astro beside it (src/site/after-pipeline.ts). The entries
 * are those Starlight makes from the same items in its config: a page's label is its
 * `sidebar.label` or its title, its link the page's address, and previous/next links follow the
 * whole sidebar in order, as a page's `prev`/`next` frontmatter allows.
 */
import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import raw from '../../content/sidebar.json?raw';
import { sidebarSchema, type Glossary } from '../schema.ts';
import { contentFile } from './content-file.ts';
import { entryUrl, withBase } from './paths.ts';

export type Entry = StarlightRouteData['sidebar'][number];
type Link = Extract<Entry, { type: 'link' }>;
type Group = Extract<Entry, { type: 'group' }>;
type Pagination = StarlightRouteData['pagination'];
type PrevNext = StarlightRouteData['entry']['data']['prev'];

/** What a page tells the sidebar about itself: its frontmatter's title and sidebar fields. */
export interface PageInfo {
  title: string;
  sidebar: { label?: string | undefined; badge?: Link['badge']; attrs?: Link['attrs'] | undefined };
}

type Sidebar = ReturnType<typeof sidebarFile>;
/** content/sidebar.json, checked against its contract. */
export const sidebarFile = contentFile(raw, sidebarSchema);

const link = (label: string, href: string, badge?: Link['badge'], attrs: Link['attrs'] = {}): Link => ({ type: 'link', label, href, badge, isCurrent: false, attrs });

/**
 * The entries after Starlight's own (the question index): the glossary when it has terms, then
 * every chapter of `chapters` (content/sidebar.json) with its overview and its groups, none of
 * them marked current. `page` gives a page's title and sidebar fields by its id; a slug with no
 * page is an error naming it.
 */
export function handbookEntries(chapters: Sidebar, glossary: Pick<Glossary, 'title' | 'terms'>, page: (id: string) => PageInfo | undefined): Entry[] {
  const bySlug = (slug: string, label?: string): Link => {
    const info = page(slug);
    if (!info) throw new Error(`content/sidebar.json lists ${slug}, which is not a page. Run npm run ingest.`);
    return link(label || info.sidebar.label || info.title, entryUrl(slug), info.sidebar.badge, { ...info.sidebar.attrs });
  };
  const groups = chapters.map(
    (chapter): Group => ({
      type: 'group',
      label: chapter.label,
      entries: chapter.items.map((item): Entry => ('slug' in item ? bySlug(item.slug, item.label) : { type: 'group', label: item.label, entries: item.items.map((i) => bySlug(i.slug)), collapsed: item.collapsed ?? false, badge: undefined })),
      collapsed: false,
      badge: undefined,
    }),
  );
  return [...(glossary.terms.length ? [link(glossary.title, withBase('glossary/'))] : []), ...groups];
}

const flat = (entries: Entry[]): Link[] => entries.flatMap((e) => (e.type === 'link' ? [e] : flat(e.entries)));
const withoutSlash = (path: string) => path.replace(/\/+$/, '');

/** A copy of `entries` with the link to `pathname` marked current (the first, as Starlight does). */
export function markCurrent(entries: Entry[], pathname: string): Entry[] {
  let found = false;
  const mark = (entry: Entry): Entry => {
    if (entry.type === 'group') return { ...entry, entries: entry.entries.map(mark) };
    const current = !found && withoutSlash(encodeURI(entry.href)) === withoutSlash(pathname);
    found ||= current;
    return { ...entry, isCurrent: current };
  };
  return entries.map(mark);
}

/** Every chapter that does not hold the current page folded to its first link (the chapter's overview). */
export function foldOthers(entries: Entry[]): Entry[] {
  return entries.map((entry) => {
    if (entry.type === 'link' || flat(entry.entries).some((l) => l.isCurrent)) return entry;
    const first = entry.entries.find((e) => e.type === 'link');
    return { ...entry, collapsed: true, entries: first ? [first] : [] };
  });
}

/** Previous and next pages around the current one in the whole sidebar, as a page's prev/next frontmatter allows (Starlight's rules). */
export function prevNext(entries: Entry[], data: { prev?: PrevNext; next?: PrevNext }): Pagination {
  const links = flat(entries);
  const at = links.findIndex((l) => l.isCurrent);
  const apply = (neighbour: Link | undefined, config: PrevNext): Link | undefined => {
    if (config === false) return undefined;
    if (typeof config === 'string') return neighbour && { ...neighbour, label: config };
    if (typeof config === 'object') {
      if (neighbour) return { ...neighbour, label: config.label ?? neighbour.label, href: config.link ?? neighbour.href, attrs: {} };
      if (config.link && config.label) return link(config.label, config.link);
    }
    return neighbour;
  };
  return { prev: apply(links[at - 1], data.prev), next: apply(at > -1 ? links[at + 1] : undefined, data.next) };
}


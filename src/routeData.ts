/**
 * Route data middleware. The sidebar: after Starlight's own entries (the question index) come the
 * glossary and the chapters from content/sidebar.json (src/site/sidebar.ts), each page's own
 * chapter in full and the others folded to their overview link: Starlight renders the whole
 * sidebar into every page, and with hundreds of pages that was most of each page's weight.
 * Previous/next links follow the whole sidebar. A page with fewer than two headings to list has
 * no table of contents: there is nothing to navigate, and Starlight's scroll tracking costs time
 * in proportion to the page's blocks (a minute for a 5 MB note).
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { getCollection } from 'astro:content';
import { glossary } from './site/glossary.ts';
import { type Entry, foldOthers, handbookEntries, markCurrent, prevNext, sidebarFile } from './site/sidebar.ts';

const made = () =>
  getCollection('docs').then((docs) => {
    const pages = new Map(docs.map((doc) => [doc.id, doc.data]));
    return handbookEntries(sidebarFile(), glossary(), (id) => pages.get(id));
  });
/** The handbook's entries: made once for all pages of a build; afresh for each page in dev, where titles change. */
let entries: Promise<Entry[]> | undefined;
const handbook = () => (import.meta.env.DEV ? made() : (entries ??= made()));

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const sidebar = [...route.sidebar, ...markCurrent(await handbook(), context.url.pathname)];
  route.pagination = prevNext(sidebar, route.entry.data);
  route.sidebar = foldOthers(sidebar);
  if (route.toc) {
    const { minHeadingLevel: min, maxHeadingLevel: max } = route.toc;
    if (route.headings.filter((h) => h.depth >= min && h.depth <= max).length < 2) route.toc = undefined;
  }
});

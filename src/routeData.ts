/**
 * Route data middleware: every page's sidebar shows its own chapter in full and the other
 * chapters folded to their overview link. Starlight renders the whole sidebar into every page;
 * with hundreds of pages that was most of each page's weight. A page with fewer than two
 * headings to list has no table of contents: there is nothing to navigate, and Starlight's
 * scroll tracking costs time in proportion to the page's blocks (a minute for a 5 MB note).
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';

type Entry = StarlightRouteData['sidebar'][number];

const holdsCurrent = (entry: Entry): boolean => (entry.type === 'link' ? entry.isCurrent : entry.entries.some(holdsCurrent));

/** A chapter reduced to its first link (the chapter's overview), folded. */
function folded(chapter: Extract<Entry, { type: 'group' }>): Entry {
  const first = chapter.entries.find((e) => e.type === 'link');
  return { ...chapter, collapsed: true, entries: first ? [first] : [] };
}

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  route.sidebar = route.sidebar.map((entry) => (entry.type === 'group' && !holdsCurrent(entry) ? folded(entry) : entry));
  if (route.toc) {
    const { minHeadingLevel: min, maxHeadingLevel: max } = route.toc;
    if (route.headings.filter((h) => h.depth >= min && h.depth <= max).length < 2) route.toc = undefined;
  }
});

import { getCollection, type CollectionEntry } from 'astro:content';
import { shownChapters } from './chapters.ts';
import { compareText } from '../collation.ts';

export type DocEntry = CollectionEntry<'docs'>;

/** Generated topic pages (chapter index pages excluded), in sidebar order. */
export async function topicPages(): Promise<DocEntry[]> {
  const entries = await getCollection('docs', (e) => e.data.generated === true && !!e.data.sections?.length);
  return entries.sort((a, b) => (a.data.sidebar.order ?? 0) - (b.data.sidebar.order ?? 0) || compareText(a.id, b.id));
}

/** Chapters with their groups and pages, in taxonomy order. */
export async function chapters() {
  const pages = await topicPages();
  return shownChapters().map((chapter) => ({
    ...chapter,
    pages: pages.filter((p) => p.data.chapter === chapter.slug),
    groups: chapter.groups
      .map((group) => ({ ...group, pages: pages.filter((p) => p.data.chapter === chapter.slug && p.data.group === group.slug) }))
      .filter((g) => g.pages.length > 0),
  }));
}

import type { Taxonomy } from '../rules/schemas.ts';
import type { Page, Section } from '../types.ts';
import { pageSlug } from './slug.ts';
import { compareText } from '../../collation.ts';

function argmax(scores: Map<string, number>, order: string[]): string {
  let best = order[0] ?? '';
  for (const key of order) if ((scores.get(key) ?? 0) > (scores.get(best) ?? 0)) best = key;
  return best;
}

/** Chapter and group of a page: where its sections' scores add up highest. */
function place(sections: Section[], taxonomy: Taxonomy): { chapter: string; group: string } {
  const chapters = new Map<string, number>();
  for (const s of sections) if (s.classification) chapters.set(s.classification.chapter, (chapters.get(s.classification.chapter) ?? 0) + s.classification.score + 0.001);
  const chapter = argmax(chapters, taxonomy.chapters.map((c) => c.slug));
  const groupOrder = taxonomy.chapters.find((c) => c.slug === chapter)?.groups.map((g) => g.slug) ?? [];
  const groups = new Map<string, number>();
  for (const s of sections) if (s.classification?.chapter === chapter) groups.set(s.classification.group, (groups.get(s.classification.group) ?? 0) + s.classification.score + 0.001);
  return { chapter, group: argmax(groups, groupOrder) };
}

/**
 * One page per topic: sections naming the same topic (from any note) share a page,
 * each under its own heading; a section with no topic is a page of its own.
 * Sections are ordered by source file, then by their place in the note.
 */
export function merge(sections: Section[], taxonomy: Taxonomy): Page[] {
  const sorted = [...sections].sort((a, b) => compareText(a.source, b.source) || a.index - b.index);
  const topicPages = new Map<string, Section[]>();
  const single: Section[] = [];
  for (const section of sorted) {
    if (section.topic) topicPages.set(section.topic, [...(topicPages.get(section.topic) ?? []), section]);
    else single.push(section);
  }
  const taken = new Set(taxonomy.topics.map((t) => t.slug));
  const pages: Page[] = [];
  taxonomy.topics.forEach((topic, i) => {
    const members = topicPages.get(topic.slug);
    if (!members) return;
    const title = members.length === 1 ? (members[0]?.heading ?? topic.title) : topic.title;
    pages.push({ ...place(members, taxonomy), slug: topic.slug, title, order: i, sections: members });
  });
  single.forEach((section, i) => {
    pages.push({ ...place([section], taxonomy), slug: pageSlug(section.heading, taken), title: section.heading, order: taxonomy.topics.length + i, sections: [section] });
  });
  return pages;
}

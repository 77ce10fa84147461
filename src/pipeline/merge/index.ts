import { compareText } from '../../collation.ts';
import type { PageModel, Taxonomy } from '../rules/schemas.ts';
import { normalize } from '../text/normalize.ts';
import type { Cut, Page, Section } from '../types.ts';
import { headingReader } from '../segment/heading-text.ts';
import { plainTitle, shortTitle } from './short-title.ts';
import { titleSlug } from './slug.ts';

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
 * One page per topic: parts naming the same topic (from any note) share a page, each under its
 * own heading; parts with no topic share a page when their titles are the same, and have one of
 * their own otherwise. A page's URL depends only on its topic or its title, so adding or
 * removing a note never moves another page. Parts are ordered by note, then by place in it.
 */
export function merge(sections: Section[], taxonomy: Taxonomy, model: PageModel): Page[] {
  // A question is titled by what it asks about; any other heading is its own title, without a
  // word such as 笔记 after its subject.
  const { isQuestion } = headingReader(model);
  const titleOf = (part: Cut) => part.label ?? (isQuestion(part.heading) ? shortTitle(part.heading, model) : plainTitle(part.heading, model));
  const sorted = [...sections].sort((a, b) => compareText(a.source, b.source) || a.index - b.index);
  const byTopic = new Map<string, Section[]>();
  const byTitle = new Map<string, Section[]>();
  for (const section of sorted) {
    if (section.topic) byTopic.set(section.topic, [...(byTopic.get(section.topic) ?? []), section]);
    else {
      const key = normalize(titleOf(section)) || section.heading;
      byTitle.set(key, [...(byTitle.get(key) ?? []), section]);
    }
  }
  const taken = new Set(['index', ...taxonomy.topics.map((t) => t.slug)]);
  const pages: Page[] = [];
  taxonomy.topics.forEach((topic, i) => {
    const members = byTopic.get(topic.slug);
    if (!members) return;
    // A topic's page stays where the taxonomy puts it, whatever notes feed it: its URL never moves.
    const where = topic.chapter && topic.group ? { chapter: topic.chapter, group: topic.group } : place(members, taxonomy);
    pages.push({ ...where, slug: topic.slug, title: topic.title, order: i, sections: members });
  });
  // Title pages in title order, so a slug shared by two titles is resolved the same way every time.
  const titled = [...byTitle.values()].map((members) => ({ members, title: members[0] ? titleOf(members[0]) : '' })).sort((a, b) => compareText(a.title, b.title));
  titled.forEach(({ members, title }, i) => {
    const base = titleSlug(title);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    pages.push({ ...place(members, taxonomy), slug, title, order: taxonomy.topics.length + i, sections: members });
  });
  return pages;
}

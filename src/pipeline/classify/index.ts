import { toString } from 'mdast-util-to-string';
import type { Taxonomy } from '../rules/schemas.ts';
import type { Classification, Cut } from '../types.ts';
import { countTerm } from './match-term.ts';
import { topicOf } from './topic.ts';
import { compareText } from '../../collation.ts';


interface GroupScore {
  chapter: string;
  group: string;
  score: number;
  contributions: [string, number][];
}

/** Scores a section against every group of the taxonomy. */
export function scoreSection(section: Cut, taxonomy: Taxonomy): GroupScore[] {
  const body = section.children.map((n) => toString(n)).join('\n');
  return taxonomy.chapters.flatMap((chapter) =>
    chapter.groups.map((group) => {
      const contributions: [string, number][] = [];
      for (const [term, weight] of Object.entries(group.terms)) {
        const value = weight * (taxonomy.scoring['heading-factor'] * countTerm(section.heading, term) + Math.min(taxonomy.scoring['body-cap'], countTerm(body, term)));
        if (value > 0) contributions.push([term, value]);
      }
      const score = contributions.reduce((sum, [, v]) => sum + v, 0);
      return { chapter: chapter.slug, group: group.slug, score, contributions };
    }),
  );
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Puts a section in one chapter: the chapter whose groups score highest in total, and
 * in it the best group. When no chapter scores `min-score`, the `fallback` (where the part's
 * note as a whole goes) or else the optional catch-all chapter.
 * The deciding terms are the three that weighed most.
 */
export function classify(section: Cut, taxonomy: Taxonomy, fallback?: Pick<Classification, 'chapter' | 'group'>): Classification {
  const scores = scoreSection(section, taxonomy);
  const byChapter = new Map<string, number>();
  for (const s of scores) byChapter.set(s.chapter, (byChapter.get(s.chapter) ?? 0) + s.score);
  let chapter = taxonomy.chapters[0]?.slug ?? '';
  for (const c of taxonomy.chapters) if ((byChapter.get(c.slug) ?? 0) > (byChapter.get(chapter) ?? 0)) chapter = c.slug;
  // Too few of any chapter's terms to tell: the part goes where its note goes (the fallback),
  // or, with none, it fits no chapter and goes to the catch-all.
  const catchAll = taxonomy.chapters.find((c) => c.optional);
  if ((byChapter.get(chapter) ?? 0) < taxonomy.scoring['min-score']) {
    if (fallback) return { ...fallback, score: round(byChapter.get(fallback.chapter) ?? 0), terms: [] };
    if (catchAll) chapter = catchAll.slug;
  }
  const inChapter = scores.filter((s) => s.chapter === chapter);
  const best = inChapter.reduce((a, b) => (b.score > a.score ? b : a));
  const terms = inChapter
    .flatMap((s) => s.contributions)
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .slice(0, 3)
    .map(([t]) => t);
  return { chapter, group: best.group, score: round(byChapter.get(chapter) ?? 0), terms };
}

/** The topic the section's heading names (see topicOf). */
export function findTopic(section: Cut, taxonomy: Taxonomy): string | undefined {
  return topicOf(section.heading, taxonomy);
}

import type { PageModel, Taxonomy } from '../rules/schemas.ts';
import { topicOf } from '../classify/topic.ts';
import { headingReader } from './heading-text.ts';

/** How a note becomes parts: one part per question or topic, or one part for the whole note. */
export interface NoteShape {
  kind: 'collection' | 'article';
  /** Why, in words, for the report. */
  reason: string;
}

/** The word of a note's title that says it collects questions (`collection-title-cues`: 面试题, FAQ…), or undefined. */
export function collectionCue(title: string, model: PageModel): string | undefined {
  return model['collection-title-cues'].find((c) => title.toLowerCase().includes(c.toLowerCase()));
}

/**
 * Decides a note's shape from its title and its top-level headings (numbering removed): a
 * collection of independent questions or topics, or an article about one subject.
 */
export function noteShape(title: string, headings: string[], model: PageModel, taxonomy: Taxonomy): NoteShape {
  const n = headings.length;
  if (n <= 1) return { kind: 'article', reason: n === 0 ? 'no headings' : 'one top-level heading' };
  // `2023.10.23`: a day's notes, named by a date rather than a subject.
  if (!/\p{L}/u.test(title)) return { kind: 'collection', reason: `its title («${title}») names no subject` };
  const cue = collectionCue(title, model);
  if (cue) return { kind: 'collection', reason: `the title says it collects questions («${cue}»)` };
  const reader = headingReader(model);
  const questions = headings.filter((h) => reader.isQuestion(h)).length;
  if (questions >= model['min-questions'] && questions / n >= model['question-share']) return { kind: 'collection', reason: `${questions} of ${n} top-level headings are questions` };
  const titleTopic = topicOf(title, taxonomy);
  if (!titleTopic) {
    const topics = headings.map((h) => topicOf(h, taxonomy)).filter((t): t is string => t !== undefined);
    // Different topics, each heading another: a note whose headings keep naming the same few
    // topics (a troubleshooting note: `Pod 无法解析 DNS`, `DNS 解析缓慢`, `Service 无法访问`) is about one subject.
    const distinct = new Set(topics).size;
    if (distinct >= model['min-topics'] && distinct / n >= model['topic-share']) return { kind: 'collection', reason: `its title names no topic and ${n} top-level headings name ${distinct} different topics` };
  }
  return { kind: 'article', reason: titleTopic ? `one subject, named by its title (topic ${titleTopic})` : `one subject: ${questions} of ${n} top-level headings are questions, and they name few topics` };
}

import type { Taxonomy } from '../rules/schemas.ts';
import { termPattern } from './match-term.ts';

interface Match {
  topic: number;
  start: number;
  end: number;
}

function matches(text: string, terms: string[], topic: number): Match[] {
  return terms.flatMap((term) => [...text.matchAll(termPattern(term))].map((m) => ({ topic, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length })));
}

/**
 * The topic a heading or title names. Terms match as whole terms; a match inside a longer
 * match of another term (`Service` in `Service Account`) or inside one of the topic's
 * `except` terms (`namespace` in `Linux namespace`) does not count. Of the topics left, the
 * one named first wins; a heading naming `overview-topic.min` topics or more (of its groups,
 * when it lists them) is an overview.
 */
export function topicOf(text: string, taxonomy: Taxonomy): string | undefined {
  const all: Match[] = [];
  const blocked: Match[] = [];
  taxonomy.topics.forEach((topic, i) => {
    all.push(...matches(text, topic.terms, i));
    blocked.push(...matches(text, topic.except, i));
  });
  const kept = all.filter(
    (m) =>
      !all.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start) &&
      !blocked.some((b) => b.topic === m.topic && b.start < m.end && b.end > m.start),
  );
  const topics = new Set(kept.map((m) => m.topic));
  const overview = taxonomy['overview-topic'];
  const counted = overview?.groups ? [...topics].filter((t) => overview.groups?.includes(taxonomy.topics[t]?.group ?? '')) : [...topics];
  if (overview && counted.length >= overview.min) return overview.slug;
  // The topic named first (`kubelet, kube-proxy 的作用` is about kubelet first); taxonomy order breaks ties.
  const first = [...kept].sort((a, b) => a.start - b.start || a.topic - b.topic)[0];
  return first === undefined ? undefined : taxonomy.topics[first.topic]?.slug;
}

import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PageModel, Taxonomy } from '../rules/schemas.ts';
import { headingReader, type HeadingReader } from '../segment/heading-text.ts';
import type { Section } from '../types.ts';

/** A part of another answer that is about a topic: a sub-heading or a labelled item naming it. */
export interface RelatedPart {
  topic: string;
  source: string;
  index: number;
  label: string;
}

const MAX_LABEL = 30;

/** The label a block starts with: a heading's text, a bold lead, or the words before a colon. */
function labelOf(node: RootContent, headings: HeadingReader): string | undefined {
  if (node.type === 'heading') return headings.text(toString(node));
  if (node.type !== 'paragraph') return undefined;
  const first = node.children[0];
  if (first?.type === 'strong') return toString(first);
  const text = toString(node);
  const colon = text.search(/[:：]/);
  return colon > 0 && colon <= MAX_LABEL ? text.slice(0, colon) : undefined;
}

function walk(nodes: RootContent[], visit: (node: RootContent) => void): void {
  for (const node of nodes) {
    visit(node);
    if ('children' in node) walk(node.children as RootContent[], visit);
  }
}

/**
 * Answers often treat a topic inside a larger question (an `etcd` sub-heading under a question
 * about four components, an `etcd：` item in a list of components). Those parts stay where
 * they are, in their answer; the topic's page links to them.
 */
export function relatedParts(sections: Section[], taxonomy: Taxonomy, model: PageModel): RelatedPart[] {
  const headings = headingReader(model);
  const byTerm = new Map<string, string>();
  for (const topic of taxonomy.topics) for (const term of topic.terms) if (!byTerm.has(term.toLowerCase())) byTerm.set(term.toLowerCase(), topic.slug);
  const parts: RelatedPart[] = [];
  for (const section of sections) {
    const seen = new Set<string>();
    walk(section.children, (node) => {
      const label = labelOf(node, headings)?.replace(/\s+/g, ' ').trim();
      const topic = label ? byTerm.get(label.toLowerCase()) : undefined;
      if (!topic || !label || topic === section.topic || seen.has(topic)) return;
      seen.add(topic);
      parts.push({ topic, source: section.source, index: section.index, label });
    });
  }
  return parts;
}

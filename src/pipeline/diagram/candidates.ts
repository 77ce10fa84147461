import type { List, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Steps found in a section, and where the diagram goes (after top-level block `after`). */
export interface Candidate {
  kind: 'steps' | 'chain';
  steps: string[];
  after: number;
  /** The heading and the lead-in sentence nearest to the steps (for cues and the caption). */
  context: string[];
}

const ARROW = /\s*(?:-{1,2}>|=>|→|⟶)\s*/;
const ARROWS = new RegExp(ARROW.source, 'g');
const DEFINITION_PARAGRAPH = /^[^：:。，,]{2,24}[：:]/;

function itemText(item: RootContent): string {
  return toString(item).replace(/\s+/g, ' ').trim();
}

function listSteps(list: List): string[] {
  return list.children.map((item) => itemText(item.children[0] ?? item));
}

/**
 * Walks a section's blocks for step sequences: ordered lists, runs of `名称：说明`
 * paragraphs or unordered items after a lead-in, and arrow chains (`A -> B --> C`).
 */
export function findCandidates(blocks: RootContent[], sectionHeading: string): Candidate[] {
  const out: Candidate[] = [];
  let heading = sectionHeading;
  let leadIn = '';
  const contextOf = () => [sectionHeading, heading, leadIn].filter((c, i, all) => c && all.indexOf(c) === i);
  const visitInside = (node: RootContent, top: number) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      for (const line of toString(node).split('\n')) {
        // `一次写请求：kubectl -> …`: what precedes a colon names the chain, it is not a step.
        const parts = line.split(ARROW).map((p, i) => (i === 0 ? (p.split(/[:：]/).pop() ?? p) : p).trim()).filter(Boolean);
        if (parts.length >= 3 && (line.match(ARROWS)?.length ?? 0) >= 2) out.push({ kind: 'chain', steps: parts, after: top, context: contextOf() });
      }
    }
    if (node.type === 'list') {
      if (node.ordered && node.children.length >= 3) out.push({ kind: 'steps', steps: listSteps(node), after: top, context: contextOf() });
      for (const item of node.children) for (const child of item.children) visitInside(child, top);
    }
    if (node.type === 'blockquote') for (const child of node.children) visitInside(child, top);
  };
  for (let i = 0; i < blocks.length; i++) {
    const node = blocks[i] as RootContent;
    if (node.type === 'heading') {
      heading = toString(node);
      leadIn = '';
      continue;
    }
    if (node.type === 'list' && !node.ordered && node.children.length >= 3 && leadIn) {
      out.push({ kind: 'steps', steps: listSteps(node), after: i, context: contextOf() });
    }
    // A run of `名称：说明` paragraphs after a lead-in sentence.
    if (node.type === 'paragraph' && leadIn && DEFINITION_PARAGRAPH.test(toString(node))) {
      let j = i;
      while (j < blocks.length && blocks[j]?.type === 'paragraph' && DEFINITION_PARAGRAPH.test(toString(blocks[j] as Paragraph))) j++;
      if (j - i >= 3) {
        out.push({ kind: 'steps', steps: blocks.slice(i, j).map((b) => itemText(b)), after: j - 1, context: contextOf() });
        i = j - 1;
        leadIn = '';
        continue;
      }
    }
    visitInside(node, i);
    if (node.type === 'paragraph') {
      // The lead-in is the sentence that ends with a colon (its last sentence).
      const text = toString(node).trim();
      leadIn = /[:：]$/.test(text) ? (text.split(/[。！？!?]/).pop() ?? text).trim() : '';
    }
  }
  return out;
}

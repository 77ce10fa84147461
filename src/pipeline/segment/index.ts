import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { NoteFile, Section } from '../types.ts';
import { headingText, isQuestion } from './heading-text.ts';

export { headingText, isQuestion } from './heading-text.ts';

const MAX_CLAUSE = 40;

/** A note with no title and no headings is named by its first clause, when that is short. */
function firstClause(tree: Root): string | undefined {
  const first = tree.children.find((n) => n.type === 'paragraph');
  const clause = first ? toString(first).split(/[。！？!?，,:：;；\n]/)[0]?.trim() : undefined;
  return clause && clause.length <= MAX_CLAUSE ? clause : undefined;
}

/**
 * The heading depth that cuts a note into topics: the shallowest one used at least twice or
 * holding a question (a lone question with sub-headings is one topic, not a title).
 */
export function sectionDepth(tree: Root): number | undefined {
  const counts = new Map<number, number>();
  const questions = new Set<number>();
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    counts.set(node.depth, (counts.get(node.depth) ?? 0) + 1);
    if (isQuestion(headingText(toString(node)))) questions.add(node.depth);
  }
  const depths = [...counts.keys()].sort((a, b) => a - b);
  return depths.find((d) => (counts.get(d) ?? 0) >= 2 || questions.has(d)) ?? depths.at(-1);
}

function shift(node: RootContent, depth: number): RootContent {
  if (node.type !== 'heading') return node;
  const shifted = Math.min(6, Math.max(3, 3 + node.depth - depth - 1)) as Heading['depth'];
  return { ...node, depth: shifted };
}

/**
 * Cuts a cleaned note into topic sections: a heading at the section depth with everything
 * up to the next one. Headings above that depth with nothing of their own (the note's
 * title, part titles) are recorded and left out; text before the first section goes
 * with it. A note with no headings is one section named after the note.
 */
export function segment(tree: Root, file: NoteFile): Section[] {
  const name = file.data.meta?.file ?? file.basename ?? 'note';
  const title = file.data.meta?.title ?? firstClause(tree) ?? name.replace(/\.[^.]+$/, '');
  const depth = sectionDepth(tree);
  const sections: Section[] = [];
  let preamble: RootContent[] = [];
  let current: Section | undefined;
  let titled = false;
  const open = (raw: string) => {
    current = { source: name, index: sections.length, heading: headingText(raw), originalHeading: raw.replace(/\s+/g, ' ').trim(), children: [] };
    sections.push(current);
  };
  for (const node of tree.children) {
    if (node.type === 'heading' && depth !== undefined && node.depth <= depth) {
      const raw = toString(node);
      if (node.depth < depth) {
        // The note's first heading above its topics is its title: kept as the note's title (named with every part).
        const meta = file.data.meta;
        if (meta && !meta.title && !sections.length && !titled) {
          meta.title = headingText(raw);
          titled = true;
          current = undefined;
          continue;
        }
        (file.data.dropped ??= []).push({ rule: 'structure:title-heading', text: raw.trim(), ...(node.position ? { line: node.position.start.line } : {}) });
        current = undefined;
        continue;
      }
      open(raw);
      if (preamble.length && current) {
        (current as Section).children.push(...preamble);
        preamble = [];
      }
      continue;
    }
    if (current && depth !== undefined) current.children.push(shift(node, depth));
    else preamble.push(node);
  }
  if (preamble.length) {
    const target = sections.at(-1);
    if (target) target.children.push(...preamble.map((n) => (depth === undefined ? n : shift(n, depth))));
    else {
      open(title);
      (current as unknown as Section).children.push(...preamble.map((n) => (depth === undefined ? n : shift(n, depth))));
    }
  }
  return sections.filter((s) => s.children.length > 0 || s.heading !== '');
}

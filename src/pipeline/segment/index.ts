import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PageModel, Taxonomy } from '../rules/schemas.ts';
import type { Cut, NoteFile } from '../types.ts';
import { headingReader, type HeadingReader } from './heading-text.ts';
import { topicOf } from '../classify/topic.ts';
import { noteShape, type NoteShape } from './note-shape.ts';

/** Does any of these blocks give a reader something: words, code, a table or a picture? */
const holdsContent = (nodes: RootContent[]): boolean => nodes.some((n) => n.type === 'image' || n.type === 'code' || toString(n).trim() !== '' || ('children' in n && holdsContent(n.children as RootContent[])));

export { headingReader, type HeadingReader } from './heading-text.ts';
export type { NoteShape } from './note-shape.ts';

const MAX_CLAUSE = 40;

/** A note with no title and no headings is named by its first clause, when that is short. */
function firstClause(tree: Root): string | undefined {
  const first = tree.children.find((n) => n.type === 'paragraph');
  const clause = first ? toString(first).split(/[。！？!?，,:：;；\n]/)[0]?.trim() : undefined;
  return clause && clause.length <= MAX_CLAUSE ? clause : undefined;
}

/** A file name as a title: without its extension and a leading number (`10-Service资源管理.md`). */
/** A note's name as a title: its file's name, or its folder's for a folder's own page, without what page-model.yaml calls noise. */
function fileTitle(name: string, model: PageModel): string {
  const parts = name.split('/');
  let stem = (parts.at(-1) ?? name).replace(/\.[^.]+$/, '');
  if (model['folder-page-names'].includes(stem) && parts.length > 1) stem = parts.at(-2) ?? stem;
  let title = stem;
  for (const noise of model['file-name-noise']) title = title.replace(new RegExp(noise, 'u'), '');
  return title.trim() || stem;
}

/**
 * The heading depth that cuts a note into topics: the shallowest one used at least twice or
 * holding a question (a lone question with sub-headings is one topic, not a title).
 */
export function sectionDepth(tree: Root, headings: HeadingReader): number | undefined {
  const counts = new Map<number, number>();
  const questions = new Set<number>();
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    counts.set(node.depth, (counts.get(node.depth) ?? 0) + 1);
    if (headings.isQuestion(headings.text(toString(node)))) questions.add(node.depth);
  }
  const depths = [...counts.keys()].sort((a, b) => a - b);
  return depths.find((d) => (counts.get(d) ?? 0) >= 2 || questions.has(d)) ?? depths.at(-1);
}

/** Moves a heading `by` levels deeper, between h3 and h6 (a part's own heading is h2 on a page). */
function deepen(node: RootContent, by: number): RootContent {
  if (node.type !== 'heading') return node;
  return { ...node, depth: Math.min(6, Math.max(3, node.depth + by)) as Heading['depth'] };
}

/** A part while this stage is still cutting and joining it; what it returns is a Cut. */
type Draft = { -readonly [K in keyof Cut]: Cut[K] };

interface Pieces {
  preamble: RootContent[];
  parts: Draft[];
}

/**
 * Cuts a cleaned note at its section depth: a heading there with everything up to the next
 * one, sub-headings moved to h3 and below. The note's first heading above that depth is its
 * title (kept in its metadata); other headings above it with nothing of their own are
 * recorded and left out. Text before the first part is the preamble.
 */
function cut(tree: Root, file: NoteFile, name: string, headings: HeadingReader): Pieces {
  const depth = sectionDepth(tree, headings);
  const parts: Draft[] = [];
  const preamble: RootContent[] = [];
  let current: Draft | undefined;
  let pending: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && depth !== undefined && node.depth <= depth) {
      const raw = toString(node);
      if (node.depth < depth) {
        const meta = file.data.meta;
        if (meta && !meta.title && !parts.length && !preamble.length) meta.title = headings.text(raw);
        else (file.data.dropped ??= []).push({ rule: 'structure:title-heading', text: raw.trim(), ...(node.position ? { line: node.position.start.line } : {}) });
        current = undefined;
        continue;
      }
      current = { source: name, index: parts.length, heading: headings.text(raw), originalHeading: raw.replace(/\s+/g, ' ').trim(), children: [...pending] };
      pending = [];
      parts.push(current);
      continue;
    }
    const block = depth === undefined ? node : deepen(node, 3 - depth - 1);
    if (current) current.children.push(block);
    else if (parts.length) pending.push(block);
    else preamble.push(block);
  }
  parts.at(-1)?.children.push(...pending);
  return { preamble, parts };
}

/** A part's heading as a sub-heading of another part (h3), its own headings one level deeper. */
function asSubsection(part: Cut): RootContent[] {
  const heading: Heading = { type: 'heading', depth: 3, children: [{ type: 'text', value: part.originalHeading }] };
  return [heading, ...part.children.map((n) => deepen(n, 1))];
}

export interface Segmented {
  sections: Cut[];
  shape: NoteShape;
}

/**
 * Cuts a cleaned note into its parts, as its shape decides (see noteShape). A collection gives
 * one part per question or topic (a generic heading such as 总结 stays with the part before
 * it); an article gives one part, named by the note's title, whose top-level headings become
 * its inner sections.
 */
export function segment(tree: Root, file: NoteFile, model: PageModel, taxonomy: Taxonomy): Segmented {
  const name = file.data.meta?.file ?? file.basename ?? 'note';
  const headings = headingReader(model);
  const { preamble, parts } = cut(tree, file, name, headings);
  const meta = file.data.meta;
  // A title of punctuation alone (`？？？`) names nothing.
  const names = (text: string | undefined) => (text && /[\p{L}\p{N}]/u.test(text) ? text : undefined);
  const own = names(meta?.title) ?? (parts.length === 1 && !preamble.length ? names(parts[0]?.heading) : undefined);
  if (meta && own && !meta.title) meta.title = own;
  // A note with headings but no title is named by its file; one without headings that name anything by its first clause.
  const title = own ?? (parts.some((p) => names(p.heading)) ? fileTitle(name, model) : (firstClause(tree) ?? fileTitle(name, model)));
  const shape = noteShape(title, parts.map((p) => p.heading), model, taxonomy);
  const generic = new Set(model['generic-headings'].map((g) => g.toLowerCase()));
  if (shape.kind === 'article' || parts.length === 0) {
    // A note whose one top-level heading covers all of it (no text before) is named by that heading.
    const only = parts.length === 1 && !preamble.length && names(parts[0]?.heading) && !generic.has((parts[0]?.heading ?? '').toLowerCase()) ? parts[0] : undefined;
    const heading = only?.heading ?? title;
    const children = [...preamble, ...parts.flatMap((p, i) => (i === 0 && p.heading === heading ? p.children : asSubsection(p)))];
    if (!holdsContent([...preamble, ...parts.flatMap((p) => p.children)])) {
      // Headings and nothing else once cleaned (a GitBook SUMMARY.md, whose lists of links are a table of contents): no page.
      file.message('nothing but headings is left once cleaned (see what was dropped): the note makes no page', { ruleId: 'no-content', source: 'segment' });
      return { sections: [], shape };
    }
    const label = meta?.shortTitle && !generic.has(meta.shortTitle.toLowerCase()) ? { label: meta.shortTitle } : {};
    return { sections: [{ source: name, index: 0, heading, originalHeading: only?.originalHeading ?? title, ...label, children }], shape };
  }
  const sections: Draft[] = [];
  // A part with little to read, no topic of its own and no question is no page: it stays with its neighbour.
  const slight = (part: Cut) => !headings.isQuestion(part.heading) && part.children.map((c) => toString(c)).join('').replace(/\s+/g, '').length < model['min-part-chars'] && !topicOf(part.heading, taxonomy);
  parts.forEach((part) => {
    const previous = sections.at(-1);
    if (previous && (generic.has(part.heading.toLowerCase()) || slight(part))) previous.children.push(...asSubsection(part));
    else sections.push({ ...part, index: sections.length });
  });
  const first = sections[0];
  if (first) first.children.unshift(...preamble);
  // A generic first part (前言) goes with the part after it.
  if (sections.length > 1 && first && (generic.has(first.heading.toLowerCase()) || slight(first))) {
    const second = sections[1] as Draft;
    second.children.unshift(...asSubsection(first));
    sections.shift();
    sections.forEach((s, i) => (s.index = i));
  }
  return { sections: sections.filter((s) => s.children.length > 0 || s.heading !== ''), shape };
}

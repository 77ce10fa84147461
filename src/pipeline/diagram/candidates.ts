import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** One step as the note writes it: its whole text, and its name when it reads `名称：说明`. */
export interface StepText {
  text: string;
  name?: string;
  /** What follows the name. */
  body?: string;
}

/** Steps found in a section, and where the diagram goes (after top-level block `after`). */
export interface Candidate {
  /** `steps`: a list, a run of named paragraphs or of numbered step titles; `chain`: `A -> B -> C`; `prose`: 首先 … 然后 … 最后. */
  kind: 'steps' | 'chain' | 'prose';
  steps: StepText[];
  after: number;
  /** The nearest heading. */
  heading: string;
  /** The sentence that leads into the steps (ends with a colon), or the paragraph telling them. */
  leadIn: string;
  /** For a chain: what names it (the text before a colon on its line, or its list item's name). */
  label?: string;
  /** The list's items are sub-headings of phases, each with its own list: not one step each. */
  subHeaded?: boolean;
}

const ARROW = /\s*(?:-{1,2}>|=>|→|⟶)\s*/;
const ARROWS = new RegExp(ARROW.source, 'g');
const NAMED = /^([^：:。，,]{2,24}?)\s*[：:]\s*(.*)$/s;

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

export function stepText(text: string): StepText {
  const clean = flat(text);
  const named = NAMED.exec(clean);
  return named?.[1] && named[2] ? { text: clean, name: named[1].trim(), body: named[2].trim() } : { text: clean };
}

function itemStep(item: ListItem): StepText {
  return stepText(toString(item.children[0] ?? item));
}

/** An item whose first paragraph ends with a colon (or is all bold) and that holds a list of its own. */
function isSubHeading(item: ListItem): boolean {
  const [first, ...rest] = item.children;
  if (!first || first.type !== 'paragraph' || !rest.some((b) => b.type === 'list')) return false;
  const text = flat(toString(first));
  return /[：:]$/.test(text) || (first.children.length === 1 && first.children[0]?.type === 'strong');
}

function listCandidate(list: List, after: number, heading: string, leadIn: string): Candidate {
  const subHeaded = list.children.filter(isSubHeading).length * 2 >= list.children.length;
  return { kind: 'steps', steps: list.children.map(itemStep), after, heading, leadIn, ...(subHeaded ? { subHeaded } : {}) };
}

/** Splits a paragraph that tells a process with sequence words (首先 … 然后 … 最后) into its steps. */
function proseSteps(text: string, words: string[]): StepText[] {
  const starts: number[] = [];
  for (const word of words) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      const before = text.slice(0, at).trimEnd();
      if (before === '' || /[。，,；;！？!?：:]$/.test(before)) starts.push(at);
    }
  }
  const sorted = [...new Set(starts)].sort((a, b) => a - b);
  if (sorted.length < 3) return [];
  return sorted.map((start, i) => {
    const word = words.filter((w) => text.startsWith(w, start)).sort((a, b) => b.length - a.length)[0] ?? '';
    const body = text.slice(start + word.length, sorted[i + 1] ?? text.length).replace(/^[，,\s]+/, '').replace(/[，,；;\s]+$/, '');
    return { text: flat(body) };
  });
}

/** A step's title: `1、用户提交请求`, `2. kubelet 创建 Pod`, `第3步：…`; its number and its words. */
const STEP_TITLE = /^\s*(?:(\d{1,2})\s*[.、．)）:：]|第\s*(\d{1,2})\s*步\s*[:：、.．]?)\s*(\S.*)$/su;

/** A block that titles a step: a heading, or a paragraph that is all bold; with its number, its words and what kind of block it is. */
function stepTitle(node: RootContent): { number: number; words: string; kind: string } | undefined {
  const bold = node.type === 'paragraph' && node.children.filter((c) => !(c.type === 'text' && c.value.trim() === '')).every((c) => c.type === 'strong');
  if (!(bold || node.type === 'heading')) return undefined;
  const match = STEP_TITLE.exec(flat(toString(node)));
  if (!match?.[3]) return undefined;
  return { number: Number(match[1] ?? match[2]), words: match[3].trim(), kind: node.type === 'heading' ? `h${node.depth}` : 'bold' };
}

/**
 * Runs of numbered step titles, each with its explanation below it (`**1、用户提交请求**` and a
 * list; `### 2. kube-apiserver 接收请求` and a paragraph): numbered 1, 2, 3 … in order, of one
 * kind of block, at least three. A heading as high as a heading title, or a bold title out of
 * order, ends a run. The step is the title; what follows it up to the next title explains it.
 */
function titledSteps(blocks: RootContent[], sectionHeading: string): Candidate[] {
  const out: Candidate[] = [];
  let heading = sectionHeading;
  for (let i = 0; i < blocks.length; i++) {
    const first = stepTitle(blocks[i] as RootContent);
    if (first?.number !== 1) {
      const node = blocks[i] as RootContent;
      if (node.type === 'heading') heading = toString(node);
      continue;
    }
    const depth = (blocks[i] as RootContent).type === 'heading' ? ((blocks[i] as { depth: number }).depth) : 7;
    const steps: StepText[] = [];
    let last = i;
    let j = i;
    while (j < blocks.length) {
      const title = stepTitle(blocks[j] as RootContent);
      if (!title || title.kind !== first.kind || title.number !== steps.length + 1) break;
      let end = j + 1;
      while (end < blocks.length) {
        const next = blocks[end] as RootContent;
        if (stepTitle(next)?.kind === first.kind || (next.type === 'heading' && next.depth <= depth)) break;
        end++;
      }
      const explained = blocks.slice(j + 1, end).map((b) => flat(toString(b))).find(Boolean);
      steps.push({ text: title.words, name: title.words, ...(explained ? { body: explained } : {}) });
      last = end - 1;
      j = end;
    }
    if (steps.length >= 3) {
      out.push({ kind: 'steps', steps, after: last, heading, leadIn: '' });
      i = last;
    } else if ((blocks[i] as RootContent).type === 'heading') heading = toString(blocks[i] as RootContent);
  }
  return out;
}

/**
 * Walks a section's blocks for step sequences: ordered lists, unordered lists and runs of
 * `名称：说明` paragraphs after a lead-in, paragraphs that tell steps with sequence words, and
 * arrow chains (`A -> B --> C`).
 */
export function findCandidates(blocks: RootContent[], sectionHeading: string, sequenceWords: string[]): Candidate[] {
  const out: Candidate[] = [];
  let heading = sectionHeading;
  let leadIn = '';
  const chains = (node: RootContent, top: number, label: string) => {
    for (const line of toString(node).split('\n')) {
      if ((line.match(ARROWS)?.length ?? 0) < 2) continue;
      // `一次写请求：kubectl -> …`: what precedes a colon names the chain, it is not a step.
      const [, named, chain] = /^(?:(.*?)[:：])?(.*)$/.exec(line) ?? [];
      const parts = (chain ?? line).split(ARROW).map((p) => flat(p)).filter(Boolean);
      if (parts.length >= 3) out.push({ kind: 'chain', steps: parts.map((text) => ({ text })), after: top, heading, leadIn: '', label: flat(named ?? '') || label });
    }
  };
  const visitInside = (node: RootContent, top: number, label: string) => {
    if (node.type === 'paragraph' || node.type === 'heading') chains(node, top, label);
    if (node.type === 'list') {
      if (node.ordered && node.children.length >= 3) out.push(listCandidate(node, top, heading, leadIn));
      for (const item of node.children) {
        const name = itemStep(item).name ?? '';
        for (const child of item.children) visitInside(child, top, name || label);
      }
    }
    if (node.type === 'blockquote') for (const child of node.children) visitInside(child, top, label);
  };
  for (let i = 0; i < blocks.length; i++) {
    const node = blocks[i] as RootContent;
    if (node.type === 'heading') {
      heading = toString(node);
      leadIn = '';
      continue;
    }
    if (node.type === 'list' && !node.ordered && node.children.length >= 3 && leadIn) out.push(listCandidate(node, i, heading, leadIn));
    // A run of `名称：说明` paragraphs after a lead-in sentence.
    if (node.type === 'paragraph' && leadIn && stepText(toString(node)).name) {
      let j = i;
      while (j < blocks.length && blocks[j]?.type === 'paragraph' && stepText(toString(blocks[j] as Paragraph)).name) j++;
      if (j - i >= 3) {
        out.push({ kind: 'steps', steps: blocks.slice(i, j).map((b) => stepText(toString(b))), after: j - 1, heading, leadIn });
        i = j - 1;
        leadIn = '';
        continue;
      }
    }
    if (node.type === 'paragraph') {
      const text = flat(toString(node));
      const steps = proseSteps(text, sequenceWords);
      if (steps.length >= 3) out.push({ kind: 'prose', steps, after: i, heading, leadIn: text.split(/[。！？!?]/)[0] ?? '' });
    }
    visitInside(node, i, '');
    if (node.type === 'paragraph') {
      // The lead-in is the sentence that ends with a colon (its last sentence).
      const text = toString(node).trim();
      leadIn = /[:：]$/.test(text) ? flat(text.split(/[。！？!?]/).pop() ?? text) : '';
    }
  }
  return [...out, ...titledSteps(blocks, sectionHeading)];
}

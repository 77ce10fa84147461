import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from '../tree/visit.ts';
import { normalize } from '../text/normalize.ts';
import type { NoteFile } from '../types.ts';

/** Sentences end at these marks; the mark stays with its sentence. */
const SENTENCE = /[^。！？!?]+[。！？!?]*/g;
const MIN_PARAGRAPH = 8;
const MIN_SENTENCE = 12;

function plainText(paragraph: Paragraph): string | undefined {
  return paragraph.children.every((c) => c.type === 'text') ? paragraph.children.map((c) => (c.type === 'text' ? c.value : '')).join('') : undefined;
}

/**
 * Within one section, a paragraph or a sentence that repeats an earlier one word for word
 * is removed (a sentence only when its paragraph keeps other text). Each removal is recorded.
 * Only paragraphs of the section's own flow are compared: items of a list are steps or
 * entries, where saying the same thing twice is the point (a process that repeats a step).
 */
export function dropRepeats(blocks: RootContent[], file: NoteFile): RootContent[] {
  const seenParagraphs = new Set<string>();
  const seenSentences = new Set<string>();
  const doomed = new Set<Paragraph>();
  const record = (text: string, node: Paragraph) =>
    (file.data.dropped ??= []).push({ rule: 'repeat', text, ...(node.position ? { line: node.position.start.line } : {}) });
  const root = { type: 'root', children: blocks.filter((b) => b.type === 'paragraph' || b.type === 'blockquote') } as const;
  visit(root, 'paragraph', (paragraph) => {
    const whole = normalize(toString(paragraph));
    if (whole.length >= MIN_PARAGRAPH && seenParagraphs.has(whole)) {
      record(toString(paragraph), paragraph);
      doomed.add(paragraph);
      return;
    }
    seenParagraphs.add(whole);
    const text = plainText(paragraph);
    if (text === undefined) return;
    const sentences = text.match(SENTENCE) ?? [];
    const kept = sentences.filter((sentence) => {
      const key = normalize(sentence);
      if (key.length < MIN_SENTENCE) return true;
      if (seenSentences.has(key)) return false;
      seenSentences.add(key);
      return true;
    });
    if (kept.length === sentences.length) return;
    if (kept.length === 0) {
      record(toString(paragraph), paragraph);
      doomed.add(paragraph);
      return;
    }
    // Never leave a stub such as a lone label.
    if (normalize(kept.join('')).length < MIN_PARAGRAPH) return;
    for (const sentence of sentences) if (!kept.includes(sentence)) record(sentence.trim(), paragraph);
    paragraph.children = [{ type: 'text', value: kept.join('').trim() }];
  });
  if (doomed.size === 0) return blocks;
  const prune = (nodes: RootContent[]): RootContent[] =>
    nodes.filter((n) => !(n.type === 'paragraph' && doomed.has(n))).map((n) => (n.type === 'blockquote' ? { ...n, children: prune(n.children) as typeof n.children } : n));
  return prune(blocks);
}

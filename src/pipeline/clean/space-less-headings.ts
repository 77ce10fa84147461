import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { fixed, type NoteFile } from '../types.ts';

/** `##什么是 DaemonSet`: the marks of a heading, with the words right after them. */
const MARKED = /^(#{1,6})(?=[^\s#!])/;
/** Another `#tag` on the line: a line of hashtags (`#k8s #云原生`), not a heading. */
const HASHTAG = /\s#[^\s#]/;
/** A closing run of marks (`## 使用场景 ##`). */
const CLOSING = /\s*#+\s*$/;

/** Splits a paragraph's children at its first line break: the first line's nodes, and the rest. */
function firstLine(children: PhrasingContent[]): [PhrasingContent[], PhrasingContent[]] {
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as PhrasingContent;
    if (child.type === 'break') return [children.slice(0, i), children.slice(i + 1)];
    if (child.type !== 'text' || !child.value.includes('\n')) continue;
    const at = child.value.indexOf('\n');
    const head = child.value.slice(0, at);
    const tail = child.value.slice(at + 1);
    return [[...children.slice(0, i), ...(head ? [{ type: 'text' as const, value: head }] : [])], [...(tail ? [{ type: 'text' as const, value: tail }] : []), ...children.slice(i + 1)]];
  }
  return [children, []];
}

/**
 * Many editors and blogs take `##什么是 DaemonSet` for a heading; CommonMark wants a space after
 * the marks, so the note's headings reach the page as text (`##使用场景`), glued to the paragraph
 * below them. A paragraph whose first line starts so (a `#` run, then a word, no other `#tag` on
 * the line, no longer than `maxHeading` characters, not ending a sentence) becomes that heading, the rest of the
 * paragraph a paragraph of its own. Counted in the report's fixes as `heading-space`. In a note
 * whose headings have their space, a line of one word so marked (`#k8s`) is a note app's tag:
 * it stays a paragraph (the junk rules' `tag-line` drops it).
 */
export function spaceLessHeadings(tree: Root, file: NoteFile, maxHeading: number, sentenceEnd: RegExp): void {
  let count = 0;
  const spaced = tree.children.some((node) => node.type === 'heading');
  tree.children = tree.children.flatMap((node): RootContent[] => {
    if (node.type !== 'paragraph') return [node];
    const first = node.children[0];
    const marks = first?.type === 'text' ? MARKED.exec(first.value) : null;
    if (!marks || !first || first.type !== 'text') return [node];
    const [line, rest] = firstLine([{ ...first, value: first.value.slice(marks[0].length) }, ...node.children.slice(1)]);
    const last = line.at(-1);
    if (last?.type === 'text') last.value = last.value.replace(CLOSING, '');
    const words = toString({ type: 'paragraph', children: line }).trim();
    // A line that ends a sentence (`#1 号节点宕机了。`) is a sentence, whatever it starts with; a question may be a heading.
    if (!words || words.length > maxHeading || HASHTAG.test(words) || sentenceEnd.test(words.replace(/[?？]$/, ''))) return [node];
    if (spaced && marks[0].length === 1 && !/\s/.test(words) && rest.length === 0) return [node];
    count++;
    const start = node.position?.start;
    const heading: Heading = { type: 'heading', depth: marks[0].length as Heading['depth'], children: line, ...(start ? { position: { start, end: { line: start.line, column: start.column + marks[0].length + words.length } } } : {}) };
    if (!rest.some((c) => toString(c).trim() || c.type === 'image')) return [heading];
    const paragraph: Paragraph = { type: 'paragraph', children: rest, ...(start && node.position ? { position: { start: { line: start.line + 1, column: 1 }, end: node.position.end } } : {}) };
    return [heading, paragraph];
  });
  fixed(file, 'heading-space', count);
}

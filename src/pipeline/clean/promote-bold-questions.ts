import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PageModel } from '../rules/schemas.ts';
import { headingReader } from '../segment/heading-text.ts';
import { fixed, type NoteFile } from '../types.ts';

/** The words of a paragraph that is one bold run and nothing else, else undefined. */
function boldOnly(node: RootContent): PhrasingContent[] | undefined {
  if (node.type !== 'paragraph') return undefined;
  const parts = (node as Paragraph).children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  return parts.length === 1 && parts[0]?.type === 'strong' ? parts[0].children : undefined;
}

/** The words of a numbered list of one item that is one line (`1. 简述 etcd 的特点？` with its answer below, not in the item), else undefined. */
function numberedLine(node: RootContent): PhrasingContent[] | undefined {
  if (node.type !== 'list' || !node.ordered || node.children.length !== 1) return undefined;
  const [item] = node.children;
  const [only] = item?.children ?? [];
  return item?.children.length === 1 && only?.type === 'paragraph' && !toString(only).includes('\n') ? only.children : undefined;
}

/** The words of a line that may ask a question of the list: a bold line, or a numbered line. */
const lineWords = (node: RootContent) => boldOnly(node) ?? numberedLine(node);

/**
 * Interview lists often ask each question in a bold line instead of a heading
 * (`**1. PV 和 PVC 是什么关系？**`), or in a numbered line with the answer below it, out of the
 * list (`1. 简述 etcd 的特点？`). In a note with no heading of its own besides its title, when
 * `min-questions` or more top-level such lines ask a question (as
 * `page-model.yaml` says a question reads), each of them becomes a heading one level below the
 * title, so the note is read as the list of questions it is. Bold labels that ask nothing
 * (`**说明：**`), and notes that have headings, are left as they are. Counted in the report's fixes.
 */
export function promoteBoldQuestions(tree: Root, file: NoteFile, model: PageModel): void {
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
  if (headings.length > 1 || (headings[0] && (headings[0].depth !== 1 || tree.children[0] !== headings[0]))) return;
  const reader = headingReader(model);
  const questions = new Map<RootContent, PhrasingContent[]>();
  tree.children.forEach((node, i) => {
    const words = lineWords(node);
    const next = tree.children[i + 1];
    if (words && next && !lineWords(next) && reader.isQuestion(reader.text(toString(node)))) questions.set(node, words);
  });
  if (questions.size < model['min-questions']) return;
  tree.children = tree.children.map((node) => {
    const words = questions.get(node);
    return words ? ({ type: 'heading', depth: 2, children: words, ...(node.position ? { position: node.position } : {}) } satisfies Heading) : node;
  });
  fixed(file, 'bold-question-heading', questions.size);
}

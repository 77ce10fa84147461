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

/**
 * Interview lists often ask each question in a bold line instead of a heading
 * (`**1. PV 和 PVC 是什么关系？**`). In a note with no heading of its own besides its title, when
 * `min-questions` or more top-level paragraphs are wholly bold and ask a question (as
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
    const words = boldOnly(node);
    const next = tree.children[i + 1];
    if (words && next && !boldOnly(next) && reader.isQuestion(reader.text(toString(node)))) questions.set(node, words);
  });
  if (questions.size < model['min-questions']) return;
  tree.children = tree.children.map((node) => {
    const words = questions.get(node);
    return words ? ({ type: 'heading', depth: 2, children: words, ...(node.position ? { position: node.position } : {}) } satisfies Heading) : node;
  });
  fixed(file, 'bold-question-heading', questions.size);
}

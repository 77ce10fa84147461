import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PageModel } from '../rules/schemas.ts';
import { headingReader } from '../segment/heading-text.ts';
import { collectionCue } from '../segment/note-shape.ts';
import { escapeRegExp } from '../text/escape-reg-exp.ts';
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

/** The words of a paragraph of one plain line that ends in a question mark (`kubelet 挂了会发生什么？`), at most `maxChars` long, else undefined. */
function plainQuestionLine(node: RootContent, maxChars: number): PhrasingContent[] | undefined {
  if (node.type !== 'paragraph' || !node.children.every((c) => c.type === 'text' || c.type === 'inlineCode')) return undefined;
  const text = toString(node).trim();
  return !text.includes('\n') && text.length <= maxChars && /[?？]$/.test(text) ? node.children : undefined;
}

/** A question line and what follows it in its paragraph (the answer, its label gone). */
interface Asked {
  words: PhrasingContent[];
  answer?: Paragraph;
}

/** A pattern for one of `labels` followed by a colon at the start of a text, or undefined when there are none. */
function labelPattern(labels: string[]): RegExp | undefined {
  return labels.length ? new RegExp(`^\\s*(?:${labels.map(escapeRegExp).join('|')})\\s*\\d*\\s*[:：]\\s*`, 'i') : undefined;
}

/** A text without the question or answer label it opens with (`问：`, `A:`), as a page that made a question list of it shows it: for npm run verify. */
export function withoutQuestionLabel(model: PageModel): (text: string) => string {
  const label = labelPattern([...model['question-labels'], ...model['answer-labels']]);
  return (text) => (label ? text.replace(label, '') : text);
}

/**
 * A paragraph opened by a question label (`问：什么是 Pod？`), its answer on the lines after it,
 * maybe labelled (`答：Pod 是…`): the question's words without the label, and the answer without its.
 */
function labelledQuestion(node: RootContent, question: RegExp | undefined, answer: RegExp | undefined): Asked | undefined {
  const lead = node.type === 'paragraph' ? node.children[0] : undefined;
  if (node.type !== 'paragraph' || lead?.type !== 'text' || !question) return undefined;
  const label = question.exec(lead.value);
  if (!label) return undefined;
  const rest = lead.value.slice(label[0].length);
  const end = rest.indexOf('\n');
  if (end === -1) return { words: [{ ...lead, value: rest }, ...node.children.slice(1)] };
  const after = rest.slice(end + 1).replace(answer ?? /^(?!)/, '');
  const answerChildren = [{ ...lead, value: after }, ...node.children.slice(1)].filter((c) => c.type !== 'text' || c.value.trim() !== '') as PhrasingContent[];
  return { words: [{ ...lead, value: rest.slice(0, end) }], ...(answerChildren.length ? { answer: { ...node, children: answerChildren } } : {}) };
}

/**
 * Interview lists often ask each question in a bold line instead of a heading
 * (`**1. PV 和 PVC 是什么关系？**`), in a numbered line with the answer below it, out of the
 * list (`1. 简述 etcd 的特点？`), or in a line with a question label (`问：什么是 Pod？`, its
 * answer on the next line, `答：…`; the labels are `question-labels` and `answer-labels`), or,
 * in a list that marks none, in a plain line that ends in a question mark, with its answer below
 * (`question-lines`). In a note with no heading of its own besides its title, when
 * `min-questions` or more top-level such lines ask a question (as
 * `page-model.yaml` says a question reads), each of them becomes a heading one level below the
 * title, so the note is read as the list of questions it is. Bold labels that ask nothing
 * (`**说明：**`), and notes that have headings, are left as they are. Counted in the report's fixes.
 */
export function promoteBoldQuestions(tree: Root, file: NoteFile, model: PageModel): void {
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
  if (headings.length > 1 || (headings[0] && (headings[0].depth !== 1 || tree.children[0] !== headings[0]))) return;
  const reader = headingReader(model);
  const [question, answer] = [labelPattern(model['question-labels']), labelPattern(model['answer-labels'])];
  const asked = (node: RootContent): Asked | undefined => {
    const words = boldOnly(node) ?? numberedLine(node);
    return words ? { words } : labelledQuestion(node, question, answer);
  };
  const questions = new Map<RootContent, Asked>();
  const answered = (found: Asked | undefined, next: RootContent | undefined, ask: (node: RootContent) => Asked | undefined) =>
    found && (found.answer || (next && !ask(next))) && reader.isQuestion(reader.text(toString({ type: 'paragraph', children: found.words })));
  tree.children.forEach((node, i) => {
    const found = asked(node);
    // A question with no answer of its own (the next line asks again) is none.
    if (answered(found, tree.children[i + 1], asked)) questions.set(node, found!);
  });
  // Plain question lines, when no line is marked as a question: in a note that says it collects
  // questions, or where they are dense enough not to be an article's rhetorical questions.
  if (questions.size === 0) {
    const lines = model['question-lines'];
    const plain = (node: RootContent): Asked | undefined => {
      const words = plainQuestionLine(node, lines['max-chars']);
      return words ? { words } : undefined;
    };
    const found = new Map<RootContent, Asked>();
    tree.children.forEach((node, i) => {
      const line = plain(node);
      if (answered(line, tree.children[i + 1], plain)) found.set(node, line!);
    });
    const title = file.data.meta?.title ?? (headings[0] ? toString(headings[0]) : '');
    if (collectionCue(title, model) !== undefined || found.size >= lines.share * tree.children.length) for (const [node, line] of found) questions.set(node, line);
  }
  if (questions.size < model['min-questions']) return;
  tree.children = tree.children.flatMap((node) => {
    const found = questions.get(node);
    if (!found) return [node];
    const heading: Heading = { type: 'heading', depth: 2, children: found.words, ...(node.position ? { position: node.position } : {}) };
    return found.answer ? [heading, found.answer] : [heading];
  });
  fixed(file, 'bold-question-heading', questions.size);
}

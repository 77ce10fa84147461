import type { Code, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { visit } from '../tree/visit.ts';
import type { Markup } from '../rules/schemas.ts';
import { fixed, type NoteFile } from '../types.ts';
import { markdownCodeRuns } from './plain-text.ts';

/** A block Markdown made of lines it saw no structure in: a paragraph of plain text, or a list of such items (a YAML sequence). */
function plainBlock(node: RootContent): boolean {
  // A placeholder in a command (`kubectl logs <pod-name>`) is HTML to Markdown, and words to a reader.
  const plainParagraph = (p: RootContent) => p.type === 'paragraph' && p.children.every((c: PhrasingContent) => c.type === 'text' || c.type === 'break' || (c.type === 'html' && PLACEHOLDER.test(c.value)));
  if (plainParagraph(node)) return true;
  return node.type === 'list' && (node as List).children.every((item) => item.children.every(plainBlock));
}

const PLACEHOLDER = /^<[a-z][\w-]*>$/;
/** The lines of a plain paragraph, as Markdown read them. */
const linesOf = (paragraph: Paragraph) => paragraph.children.map((c) => (c.type === 'text' || c.type === 'html' ? c.value : '\n')).join('').split('\n');
/** A term and what it is, in a list (`kubelet : talks to the container runtime`): no command. */
const DEFINITION = /^\S+\s+[:：]\s/;
/** What only code writes: an option, an assignment, a path, a pipe, a prompt, a redirection. */
const CODE_MARK = /\s--?\w|=|\/|\||&&|\$|>/;

/**
 * Commands, their output and manifests that a Markdown note's author did not put in a fence: a
 * page showed them as prose, the output's columns and the manifest's indentation gone
 * (`kubectl get pods` and the table it printed in one line; `spec:` `replicas: 3` flush left).
 * The note's lines (`text`, the Markdown as parsed) are read for code as a plain-text note's are
 * (plain-text.ts): a YAML document or a shell session. The blocks Markdown made of such a run
 * become one code block of its lines, as written, when they are all plain (a paragraph of text, a
 * list of such items) and lie wholly in the run. A paragraph whose last lines start the run (a
 * lead-in line right above a command) keeps its first lines. Commands under a list item's words
 * become code blocks in the item (commandsInItems). Counted in the report's fixes.
 */
export function unfencedCode(tree: Root, text: string, file: NoteFile, rules: Markup): void {
  const lines = text.split('\n');
  const runs = markdownCodeRuns(lines, rules['plain-text'], rules['shell-commands']);
  // Each run by its first and last line (1-based, as positions count them).
  const spans: { start: number; end: number; code: Code }[] = [];
  // A word alone (`docker` as a label under a picture) names a program, and a line that ends a
  // sentence (`kubectl controls the cluster.`) is prose about one: neither is a command.
  const prose = (run: Code) => !/\S\s+\S/.test(run.value) || /[.!?。！？]$/.test(run.value.split('\n')[0]!.trim());
  // `Key: value` lines with nothing nested under any of them are a note app's properties
  // (Created: …, Tags: …) or a list of settings in prose as often as YAML: only a manifest that nests is taken.
  const flat = (run: Code) => run.lang === 'yaml' && !run.value.split('\n').some((line) => /^\s+\S/.test(line));
  for (const [index, run] of runs) if (run && run.lang !== 'mermaid' && !prose(run) && !flat(run)) spans.push({ start: index + 1, end: index + run.value.split('\n').length, code: run });
  const out: RootContent[] = [];
  let made = 0;
  for (let i = 0; i < tree.children.length; i++) {
    const node = tree.children[i]!;
    const from = node.position?.start.line;
    const span = from === undefined ? undefined : spans.find((s) => s.start >= from && s.start <= (node.position?.end.line ?? from));
    if (!span || !plainBlock(node)) {
      out.push(node);
      continue;
    }
    // The blocks from this one on that the run holds whole; the first may start above the run.
    let last = i;
    while (last + 1 < tree.children.length && (tree.children[last + 1]!.position?.start.line ?? Infinity) <= span.end) last++;
    const covered = tree.children.slice(i, last + 1);
    const whole = covered.every((b, k) => plainBlock(b) && (b.position?.end.line ?? Infinity) <= span.end && (k > 0 || b.position?.start.line === span.start || b.type === 'paragraph'));
    if (!whole) {
      out.push(node);
      continue;
    }
    const lead = span.start - from!;
    if (lead > 0) {
      // The paragraph's lines above the run stay a paragraph.
      const kept = linesOf(node as Paragraph).slice(0, lead).join('\n');
      out.push({ type: 'paragraph', children: [{ type: 'text', value: kept }], position: { start: node.position!.start, end: { line: span.start - 1, column: 1 } } });
    }
    out.push({ ...span.code, position: { start: { line: span.start, column: 1 }, end: { line: span.end, column: (lines[span.end - 1]?.length ?? 0) + 1 } } });
    made++;
    i = last;
  }
  tree.children = out;
  made += commandsInItems(tree, rules, prose);
  fixed(file, 'unfenced-code', made);
}

/**
 * Commands written under a list item's words without a fence (an install note's steps:
 * `1. 关闭 swap` with `swapoff -a` on the next line): Markdown makes them lines of the item's
 * paragraph. The paragraph's lines (their indentation already gone, so shell sessions only)
 * become its words and code blocks in their order. Returns how many code blocks it made.
 */
function commandsInItems(tree: Root, rules: Markup, prose: (run: Code) => boolean): number {
  let made = 0;
  visit(tree, 'listItem', (item: ListItem) => {
    item.children = item.children.flatMap((child): ListItem['children'] => {
      if (child.type !== 'paragraph' || !plainBlock(child)) return [child];
      const lines = linesOf(child);
      const runs = markdownCodeRuns(lines, rules['plain-text'], rules['shell-commands']);
      const blocks: ListItem['children'] = [];
      let words: string[] = [];
      const flush = () => {
        if (words.length) blocks.push({ type: 'paragraph', children: [{ type: 'text', value: words.join('\n') }] });
        words = [];
      };
      // A command is taken when the item's words introduce it (`查看日志：`), it spans lines, or it
      // reads as code; a line of prose in an item starts with a program's name as often.
      const introduced = (i: number) => i > 0 && /[:：]\s*$/.test(lines[i - 1] ?? '');
      const taken = (run: Code, i: number) =>
        run.lang === 'bash' && !prose(run) && !run.value.split('\n').some((l) => DEFINITION.test(l)) && (introduced(i) || run.value.includes('\n') || CODE_MARK.test(run.value));
      for (let i = 0; i < lines.length; i++) {
        const run = runs.get(i);
        if (run && taken(run, i)) {
          flush();
          blocks.push({ ...run });
          made++;
          i += run.value.split('\n').length - 1;
        } else words.push(lines[i]!);
      }
      flush();
      return blocks.some((b) => b.type === 'code') ? blocks : [child];
    });
  });
  return made;
}

import type { Code, Heading, List, ListItem, Paragraph, Root, RootContent, Table } from 'mdast';
import { looksLikeYaml, YAML_KEY } from '../clean/detect-code-language.ts';
import { toTable } from '../clean/tab-tables.ts';
import type { Markup } from '../rules/schemas.ts';
import { escapeRegExp } from '../text/escape-reg-exp.ts';
import { cjkShare, DEFINITION, textWidth } from '../text/line-patterns.ts';
import { hardWrapRuns } from './hard-wraps.ts';

/** The line shapes of content/markup.yaml (`plain-text`), compiled once per reading. */
interface LineShapes {
  numberedHeading: RegExp;
  numberedStep: RegExp;
  sentenceEnd: RegExp;
  goesOn: RegExp;
  prompt: RegExp;
  diagramStart: RegExp;
  maxHeading: number;
  maxTitleLine: number;
}

function shapes(rules: Markup['plain-text']): LineShapes {
  return {
    numberedHeading: new RegExp(rules['numbered-heading'], 'u'),
    numberedStep: new RegExp(rules['numbered-step'], 'u'),
    sentenceEnd: new RegExp(rules['sentence-end'], 'u'),
    goesOn: new RegExp(rules['sentence-goes-on'], 'u'),
    prompt: new RegExp(rules.prompt, 'u'),
    diagramStart: new RegExp(rules['diagram-start'], 'u'),
    maxHeading: rules['max-heading'],
    maxTitleLine: rules['max-title-line'],
  };
}

type LineKind =
  | { kind: 'blank' }
  | { kind: 'heading'; depth: 1 | 2 | 3; text: string }
  | { kind: 'step'; number: number; text: string }
  | { kind: 'definition'; term: string; colon: string; text: string }
  | { kind: 'paragraph'; text: string; byline?: true };

function position(line: number, length: number) {
  return { start: { line, column: 1 }, end: { line, column: length + 1 } };
}

/** A line that starts with punctuation carries on the line before it. */
const CONTINUATION = /^[：:，,、。；;）)」』》]/;

function classify(line: string, next: string | undefined, first: boolean, shape: LineShapes, afterProse: boolean, codeNext = false, blankAfter = false): LineKind {
  const text = line.trim();
  if (!text) return { kind: 'blank' };
  // `# 一、概述` on a line of its own: the author wrote a Markdown heading in a text note.
  const marked = /^#{1,6}\s+(\S.*)$/.exec(text);
  if (marked) return { kind: 'heading', depth: 2, text: marked[1] ?? text };
  const step = shape.numberedStep.exec(text);
  if (step) return { kind: 'step', number: Number(step[1]), text: step[2] ?? '' };
  if (shape.numberedHeading.test(text) && text.length <= shape.maxHeading && !shape.sentenceEnd.test(text)) return { kind: 'heading', depth: 2, text };
  const definition = DEFINITION.exec(text);
  // The note's first line, set apart by a blank line, titles it even with a colon in it
  // (Kubernetes 健康检查：三种探针) when more is said before the colon than after it (作者：张三 is a byline).
  if (definition && first && blankAfter && text.length <= shape.maxHeading && !shape.sentenceEnd.test(text) && textWidth(definition[1] ?? '') > textWidth(definition[3] ?? '')) return { kind: 'heading', depth: 1, text };
  if (definition && /\S/.test(definition[3] ?? '')) {
    return { kind: 'definition', term: definition[1] ?? '', colon: definition[2] ?? ':', text: definition[3] ?? '' };
  }
  // A line the next one carries on (`Secret` / `：存储敏感信息`) titles nothing, nor does a table row copied with its cells
  // tab-separated, nor a web address on its own, nor a line without a letter (a page number: - 2 -).
  const titleLike = /\p{L}/u.test(text) && !/\S\t+\S/.test(text) && !/^(https?:\/\/|www\.)\S+$/.test(text) && !shape.sentenceEnd.test(text) && !shape.goesOn.test(text) && !CONTINUATION.test(text) && next !== undefined && !CONTINUATION.test(next.trim());
  // The first line of a note is its title (a question too: 什么是 Istio?), as long as a heading may be;
  // later short lines title what follows them.
  if (first && next !== undefined && !CONTINUATION.test(next.trim()) && !shape.sentenceEnd.test(text.replace(/[?？]$/, '')) && text.length <= shape.maxHeading) return { kind: 'heading', depth: 1, text };
  const short = titleLike && text.length <= shape.maxTitleLine;
  // Before the note's first sentences, short lines are its byline (张三 / 云原生工程师), not headings.
  if (short && !afterProse) return { kind: 'paragraph', text, byline: true };
  // A short line titles what follows when more is said below it, or code is shown (`配置 Endpoints` above a manifest).
  if (short && (codeNext || (next ?? '').trim().length > text.length)) return { kind: 'heading', depth: 3, text };
  return { kind: 'paragraph', text };
}

/**
 * Gives structure to a note with no markup: headings (`一、前言`, short title lines),
 * numbered steps as ordered lists, runs of `名词:解释` lines as lists, other lines as paragraphs.
 * The words are kept as they are.
 */
/** How a note's questions read (page-model.yaml): what asks, and how many questions make a list of them. */
export interface QuestionReader {
  asks: (text: string) => boolean;
  min: number;
}

export function plainTextToMdast(text: string, rules: Markup['plain-text'], firstLine = 1, shellCommands: readonly string[] = [], questions?: QuestionReader): Root {
  const shape = shapes(rules);
  const lines = text.split('\n');
  const children: RootContent[] = [];
  let list: List | undefined;
  let listKind: 'step' | 'definition' | undefined;
  let seenContent = false;
  let seenProse = false;
  // The next non-blank line after each line, found in one pass from the end.
  const nextIndex: number[] = new Array(lines.length);
  for (let i = lines.length - 1, next = -1; i >= 0; i--) {
    nextIndex[i] = next;
    if ((lines[i] ?? '').trim() !== '') next = i;
  }
  const nextNonBlank = (i: number) => (nextIndex[i] === -1 ? undefined : lines[nextIndex[i] ?? -1]);
  // Blocks of lines read whole: unfenced code, and tables copied with tab-separated cells.
  const code = codeRuns(lines, shape, typedCommand(rules, shellCommands), cjkShare(text) >= 0.05);
  const blocks = new Map<number, Code | Table | null>([...code, ...tableRuns(lines, code)]);
  const asked = askedLines(lines, shape, nextIndex, questions);
  // Lines a printed page broke (a PDF copy), joined: a line that is a block, a heading or a step stands alone.
  const alone = lines.map((line, i) => {
    const text = line.trim();
    return blocks.has(i) || asked.has(i) || /^#{1,6}\s/.test(text) || shape.numberedHeading.test(text) || shape.numberedStep.test(text) || shape.prompt.test(text);
  });
  const wraps = hardWrapRuns(lines, (i) => !alone[i] && !alone[i + 1], { minWidth: rules['min-wrap-width'], goesOn: shape.goesOn });
  let joinedUpTo = -1;

  lines.forEach((written, i) => {
    if (i <= joinedUpTo) return;
    const wrapped = wraps?.get(i);
    if (wrapped) joinedUpTo = wrapped.end;
    const raw = wrapped?.text ?? written;
    const last = wrapped?.end ?? i;
    const lineNo = firstLine + i;
    // Where the line, or the lines joined into it, stand in the note.
    const place = wrapped ? { start: { line: lineNo, column: 1 }, end: { line: firstLine + last, column: (lines[last] ?? '').length + 1 } } : position(lineNo, raw.length);
    const run = blocks.get(i);
    if (run === null) return;
    if (run) {
      list = undefined;
      listKind = undefined;
      seenContent = true;
      const height = run.type === 'code' ? run.value.split('\n').length : run.children.length;
      children.push({ ...run, position: { start: { line: lineNo, column: 1 }, end: { line: lineNo + height - 1, column: 1 } } });
      return;
    }
    const line = asked.has(i) ? ({ kind: 'heading', depth: 2, text: raw.trim() } as const) : classify(raw, nextNonBlank(last), !seenContent, shape, seenProse, code.get(nextIndex[last] ?? -1) !== undefined, (lines[last + 1] ?? '').trim() === '' && nextIndex[last] !== -1);
    if (line.kind !== 'blank' && line.kind !== 'heading' && !(line.kind === 'paragraph' && line.byline) && seenContent) seenProse = true;
    if (line.kind === 'blank') return;
    seenContent = true;
    if (line.kind === 'step' || line.kind === 'definition') {
      // Numbering that starts again or skips (`4. 挂载卷的步骤` then `1. 创建 PVC`) starts a new list:
      // a list numbers its items one after another, and the reader must see the note's numbers.
      const follows = line.kind !== 'step' || (list?.start ?? 1) + (list?.children.length ?? 0) === line.number;
      if (!list || listKind !== line.kind || !follows) {
        list = {
          type: 'list',
          ordered: line.kind === 'step',
          spread: false,
          children: [],
          ...(line.kind === 'step' ? { start: line.number } : {}),
          position: position(lineNo, raw.length),
        };
        listKind = line.kind;
        children.push(list);
      }
      const paragraph: Paragraph =
        line.kind === 'step'
          ? { type: 'paragraph', children: [{ type: 'text', value: line.text }] }
          : { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: line.term }] }, { type: 'text', value: `${line.colon}${line.text}` }] };
      const item: ListItem = { type: 'listItem', spread: false, children: [paragraph], position: position(lineNo, raw.length) };
      list.children.push(item);
      if (list.position) list.position.end = position(lineNo, raw.length).end;
      return;
    }
    list = undefined;
    listKind = undefined;
    if (line.kind === 'heading') {
      const heading: Heading = { type: 'heading', depth: line.depth, children: [{ type: 'text', value: line.text }], position: place };
      children.push(heading);
    } else {
      children.push({ type: 'paragraph', children: [{ type: 'text', value: line.text }], position: place });
    }
  });
  // A definition "list" of one line is just a paragraph with a colon.
  return { type: 'root', children: children.map((node) => (node.type === 'list' && !node.ordered && node.children.length < 2 ? unwrapSingle(node) : node)) };
}

function unwrapSingle(list: List): RootContent {
  const item = list.children[0];
  const paragraph = item?.children[0];
  if (paragraph?.type !== 'paragraph') return list;
  const text = paragraph.children.map((c) => (c.type === 'text' ? c.value : c.type === 'strong' ? c.children.map((s) => (s.type === 'text' ? s.value : '')).join('') : '')).join('');
  return { type: 'paragraph', children: [{ type: 'text', value: text }], ...(list.position ? { position: list.position } : {}) };
}

/**
 * A copied interview list numbers its questions (`1.为什么HDFS不适合存储小文件？`) and answers
 * each below it, in sentences or in numbered points of its own. A numbered line that asks (as
 * page-model.yaml says a question reads) and is followed by something other than another such
 * line is a question of the list, when the note has at least `min` of them: each becomes a
 * heading, so the note splits per question as one written with headings does. Returns their line indexes.
 */
function askedLines(lines: string[], shape: LineShapes, nextIndex: number[], questions: QuestionReader | undefined): Set<number> {
  if (!questions) return new Set();
  const asks = (i: number) => {
    const step = shape.numberedStep.exec((lines[i] ?? '').trim());
    return !!step && questions.asks(step[2] ?? '');
  };
  const found = new Set<number>();
  lines.forEach((_line, i) => {
    const next = nextIndex[i] ?? -1;
    if (asks(i) && next !== -1 && !asks(next)) found.add(i);
  });
  return found.size >= questions.min ? found : new Set();
}

/** A row of a table copied from a page: its cells separated by tabs, a tab between two of its words at least. */
const tableRow = (line: string) => /\S\t+\S/.test(line);
const cellCount = (line: string) => line.replace(/^ +| +$/g, '').split('\t').length;

/**
 * A table copied from a rendered page: two or more lines in a row, outside code, whose cells
 * are separated by tabs, as many in each (an empty cell leaves two tabs in a row, or one at the
 * line's end); the first with a tab between two words. Returns, by
 * line index, the table that starts there, or null for the lines it covers.
 */
function tableRuns(lines: string[], code: Map<number, Code | null>): Map<number, Table | null> {
  const tables = new Map<number, Table | null>();
  for (let i = 0; i < lines.length; i++) {
    if (code.has(i) || !tableRow(lines[i] ?? '')) continue;
    const width = cellCount(lines[i] ?? '');
    let end = i;
    while (end + 1 < lines.length && !code.has(end + 1) && /\S/.test(lines[end + 1] ?? '') && cellCount(lines[end + 1] ?? '') === width) end++;
    if (end === i) continue;
    tables.set(i, toTable(lines.slice(i, end + 1).map((line) => line.replace(/^ +| +$/g, ''))));
    for (let j = i + 1; j <= end; j++) tables.set(j, null);
    i = end;
  }
  return tables;
}

/** A shell comment line (`# 查看 Service`, `## 创建目录`, `#查看状态`). */
const SHELL_COMMENT = /^\s*#/;
/** A fence line: its backticks or tildes, and the language after them. */
const FENCE = /^\s*(`{3,}|~{3,})\s*([\w+#.-]*)\s*$/;
/** Punctuation of code rather than of prose. */
const CODE_MARKS = /[=(){}$|<>\[\]]|--|::|^\s*\.\//;
const STRONG_CODE_MARKS = /[=${}|<>]|--/;

/**
 * A command typed without a prompt (`kubectl scale deployment nginx --replicas=5`): a line that
 * starts with one of the shell commands markup.yaml lists and holds no Chinese, which a sentence
 * about the command would (`kubectl 是命令行工具`).
 */
function commandLine(commands: readonly string[]): (line: string) => boolean {
  if (commands.length === 0) return () => false;
  const start = new RegExp(`^(?:sudo\\s+)?(?:${commands.map(escapeRegExp).join('|')})(?:\\s|$)`);
  return (line) => start.test(line) && !/\p{Script=Han}/u.test(line);
}

/** A command typed after a prompt (`$ kubectl get pods`, `[root@master01 ~]# …`) or without one. */
export function typedCommand(rules: Markup['plain-text'], shellCommands: readonly string[]): (line: string) => boolean {
  const prompt = new RegExp(rules.prompt, 'u');
  const isCommand = commandLine(shellCommands);
  return (line) => prompt.test(line) || isCommand(line);
}

/**
 * The code runs of a Markdown note's lines that its author did not fence: YAML documents and
 * shell sessions (commands, typed with a prompt or without one, and what they printed), found as
 * in a plain-text note, without the looser test of lines with the punctuation of code (Markdown
 * writes links, tables and emphasis with the same marks). See unfenced-code.ts.
 */
export function markdownCodeRuns(lines: string[], rules: Markup['plain-text'], shellCommands: readonly string[]): Map<number, Code | null> {
  return codeRuns(lines, shapes(rules), typedCommand(rules, shellCommands), false);
}

/**
 * Unfenced code in a plain-text note: a YAML document (`apiVersion: apps/v1`, `kind: …`, indented
 * keys), a run of commands typed after `$ ` or without a prompt, or, in a note written in Chinese,
 * lines with no Chinese and the punctuation of code; with the `# ` comments beside them. Returns,
 * by line index, the code block that starts there, or null for the lines it covers.
 */
function codeRuns(lines: string[], { prompt, diagramStart }: Pick<LineShapes, 'prompt' | 'diagramStart'>, typed: (line: string) => boolean, chinese: boolean): Map<number, Code | null> {
  const runs = new Map<number, Code | null>();
  // A prompt with nothing typed after it (`[root@node1 ~]#`): the commands follow on the next lines.
  const barePrompt = (line: string) => !prompt.test(line) && !/\p{Script=Han}/u.test(line) && prompt.test(`${line.trim()} x`);
  // In a note written in Chinese, a line with no Chinese and the punctuation of code
  // (`sum by (method) (http_requests_total)`, `--pod-infra-container-image=…`) is code.
  // A row of a copied table (`--eviction-hard<tab>--image-gc-high-threshold`) is not.
  const codeLike = (line: string) => chinese && line.trim() !== '' && !/\p{Script=Han}/u.test(line) && !tableRow(line) && CODE_MARKS.test(line) && !/[.!?]$/.test(line.trim());
  const code = (line: string) => typed(line) || barePrompt(line) || codeLike(line);
  // An indented line with no Chinese (`"port": 1990` in a JSON document) goes on with the code above it.
  const indented = (line: string) => /^\s+\S/.test(line) && !/\p{Script=Han}/u.test(line);
  // A comment beside code (`# 查看 Service`, `# 输出：…`) or in a row of comments (`# lo:回环接口`) is code too,
  // and so is one above a command with blank lines between: a copy of a code block that spaced them.
  // The first line after each one that is not blank (lines.length when none is), in one pass from the end.
  const filledAfter: number[] = new Array(lines.length);
  for (let j = lines.length - 1, next = lines.length; j >= 0; j--) {
    filledAfter[j] = next;
    if ((lines[j] ?? '').trim() !== '') next = j;
  }
  const nextFilled = (j: number) => filledAfter[j] ?? lines.length;
  // Found from the end, so a long run of comments is one pass, not a deep recursion.
  const above: boolean[] = new Array(lines.length + 1).fill(false);
  for (let j = lines.length - 1; j >= 0; j--) above[j] = SHELL_COMMENT.test(lines[j] ?? '') && (typed(lines[nextFilled(j)] ?? '') || (above[nextFilled(j)] ?? false));
  const commentAbove = (j: number): boolean => above[j] ?? false;
  const comment = (j: number) => commentAbove(j) || (SHELL_COMMENT.test(lines[j] ?? '') && [lines[j - 1] ?? '', lines[j + 1] ?? ''].some((l) => code(l) || SHELL_COMMENT.test(l)));
  const yamlStart = (line: string) => YAML_KEY.test(line) && !/^\s/.test(line);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    let end = i;
    let lang: string | undefined;
    // A Markdown fence in a text note (```bash … ```) opens code, to its closing fence or the end.
    const fence = FENCE.exec(line);
    if (fence) {
      const close = lines.findIndex((l, j) => j > i && l.trim() === fence[1]);
      end = close === -1 ? lines.length - 1 : close;
      runs.set(i, { type: 'code', lang: fence[2] || null, meta: null, value: lines.slice(i + 1, close === -1 ? end + 1 : end).join('\n') });
      for (let j = i + 1; j <= end; j++) runs.set(j, null);
      i = end;
      continue;
    }
    // A diagram's source shown as text (`flowchart TB` and its indented lines, blank lines among them) is a diagram.
    if (diagramStart.test(line.trim())) {
      const inside = (j: number) => /^\s+\S/.test(lines[j] ?? '');
      while (end + 1 < lines.length && (inside(end + 1) || ((lines[end + 1] ?? '').trim() === '' && inside(nextFilled(end + 1))))) end++;
      if (end > i) {
        runs.set(i, { type: 'code', lang: 'mermaid', meta: null, value: lines.slice(i, end + 1).join('\n').trimEnd() });
        for (let j = i + 1; j <= end; j++) runs.set(j, null);
        i = end;
        continue;
      }
    }
    // A comment right above a manifest (`# 稳定版本`) belongs to it.
    if (yamlStart(line) || (SHELL_COMMENT.test(line) && yamlStart(lines[i + 1] ?? ''))) {
      while (end + 1 < lines.length && /^(\s+\S|- |---|[A-Za-z_][\w./-]*:(\s|$)|#)/.test(lines[end + 1] ?? '')) end++;
      const value = lines.slice(i, end + 1).join('\n');
      if (end - i >= 2 && looksLikeYaml(value)) lang = 'yaml';
    } else if (code(line) || comment(i)) {
      // The run goes on through code, comments, the line after one that ends in a backslash, and,
      // once a command was typed, what it printed: the lines up to a blank one, with no Chinese.
      let session = typed(line) || barePrompt(line);
      const output = (next: string) => session && next.trim() !== '' && !/\p{Script=Han}/u.test(next);
      while (end + 1 < lines.length && (code(lines[end + 1] ?? '') || comment(end + 1) || indented(lines[end + 1] ?? '') || /\\\s*$/.test(lines[end] ?? '') || output(lines[end + 1] ?? '') || commentAbove(end))) {
        // Through the blank lines between a comment and its command.
        if (commentAbove(end)) end = nextFilled(end) - 1;
        end++;
        session ||= typed(lines[end] ?? '') || barePrompt(lines[end] ?? '');
      }
      // A run with a command is a shell session. Otherwise one line is code only with the stronger
      // marks (`=`, `$`, `|`, braces, `--`): `Deployment (apps/v1)` may title a section.
      if (lines.slice(i, end + 1).some((l) => typed(l) || barePrompt(l))) lang = 'bash';
      else if (end > i || STRONG_CODE_MARKS.test(line)) lang = '';
    }
    if (lang === undefined) continue;
    runs.set(i, { type: 'code', lang: lang || null, meta: null, value: lines.slice(i, end + 1).join('\n') });
    for (let j = i + 1; j <= end; j++) runs.set(j, null);
    i = end;
  }
  return runs;
}

import type { Actors } from '../rules/schemas.ts';
import type { Mention } from './actors.ts';
import type { Statement } from './statements.ts';
import { textWidth } from '../text/line-patterns.ts';

/** A label line's width in half-width units (a CJK character counts 2): about 220 px at 16 px. */
export const LINE_WIDTH = 28;
/** Messages wrap narrower: Mermaid spaces participants as far apart as their widest message. */
export const MESSAGE_WIDTH = 16;
/** A step longer than this (about 80 Chinese characters) is a paragraph, not something to draw. */
export const MAX_LABEL_WIDTH = 160;


/** Text that is safe inside a Mermaid label: no statement separators, entities or arrows. */
export function mermaidText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/;/g, '；')
    .replace(/#/g, '＃')
    .replace(/%/g, '％')
    .replace(/"/g, '”')
    .replace(/[<>{}]/g, (c) => ({ '<': '‹', '>': '›', '{': '（', '}': '）' })[c] ?? c)
    .replace(/-+>|=>/g, '→')
    .replace(/:/g, '：')
    .trim();
}

/**
 * Breaks a label into lines of at most LINE_WIDTH units, never inside a Latin word, never
 * dropping a character: a diagram wraps its labels instead of cutting them.
 */
export function wrapLabel(text: string, width = LINE_WIDTH): string[] {
  const tokens = text.match(/[A-Za-z0-9_./:@'’-]+|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    // A long Latin word after a short start stays on its line rather than leave a word alone.
    if (line && textWidth(line) + textWidth(token) > width && textWidth(line) >= width * 0.4 && !/^\s+$/.test(token)) {
      lines.push(line.trim());
      line = '';
    }
    line += line === '' ? token.trimStart() : token;
  }
  if (line.trim()) lines.push(line.trim());
  // No line opens with closing punctuation, and a last line of one character joins the one before.
  for (let i = 1; i < lines.length; i++) {
    const punctuation = /^[，,。.、；;：:！!？?）)」』”]+/.exec(lines[i] ?? '')?.[0];
    if (punctuation) {
      lines[i - 1] += punctuation;
      lines[i] = (lines[i] ?? '').slice(punctuation.length).trim();
    }
  }
  // Nor ends with opening punctuation: it moves to the next line.
  for (let i = 0; i < lines.length - 1; i++) {
    const opening = /[（(「『“‹]+$/.exec(lines[i] ?? '')?.[0];
    if (opening) {
      lines[i] = (lines[i] ?? '').slice(0, -opening.length).trimEnd();
      lines[i + 1] = `${opening}${lines[i + 1] ?? ''}`;
    }
  }
  const last = lines.at(-1);
  if (lines.length > 1 && last !== undefined && textWidth(last) <= 2) lines.splice(-2, 2, `${lines.at(-2) ?? ''}${last}`);
  return lines.filter(Boolean);
}

const label = (text: string, width = LINE_WIDTH) => wrapLabel(mermaidText(text), width).join('<br/>');

/** What a step shows in a diagram: its name when it has one, else its first sentence. */
export function statementText(step: { text: string; name?: string }): string {
  const shown = step.name ?? step.text.split(/[。！？!?]|\.\s/)[0] ?? step.text;
  return shown.trim().replace(/[；;，,、：:]+$/, '').trim();
}

export interface SequenceStep {
  text: string;
  mentions: Mention[];
  statement: Statement;
}

/**
 * A sequence diagram: a numbered message per step that states its sender and receiver, a
 * numbered note over its subject for a step that names only its doer. The numbers match the
 * step list the diagram stands beside.
 */
export function sequenceDiagram(steps: SequenceStep[], caption: string, actors: Actors): string {
  const name = (id: string) => actors.actors.find((a) => a.id === id)?.label ?? id;
  const used: string[] = [];
  const use = (id: string) => used.includes(id) || used.push(id);
  for (const { statement } of steps) {
    if (statement.message) [statement.message.from, statement.message.to].forEach(use);
    else if (statement.subject) use(statement.subject.id);
  }
  const lines = ['sequenceDiagram', `  accTitle: ${mermaidText(caption)}`];
  for (const id of used) lines.push(`  participant ${id} as ${mermaidText(name(id))}`);
  steps.forEach(({ text, statement }, i) => {
    const subject = statement.subject;
    // The doer's name opening the step is already the arrow's tail (or the note's place).
    const shown = subject && subject.start === 0 ? text.slice(subject.end).replace(/^[\s的]+/, '') : text;
    const words = `${i + 1}. ${label(shown || text, MESSAGE_WIDTH)}`;
    if (statement.message) lines.push(`  ${statement.message.from}->>${statement.message.to}: ${words}`);
    else if (subject) lines.push(`  Note over ${subject.id}: ${words}`);
  });
  return `${lines.join('\n')}\n`;
}

/** A flowchart of the steps in order, top-down, numbered like the list beside it (or, for an arrow chain, as written). */
export function flowchart(steps: string[], caption: string, numbered = true): string {
  const direction = steps.length <= 4 && steps.every((s) => textWidth(s) <= 16) ? 'LR' : 'TD';
  const lines = [`flowchart ${direction}`, `  accTitle: ${mermaidText(caption)}`];
  steps.forEach((step, i) => lines.push(`  s${i + 1}["${numbered ? `${i + 1}. ` : ''}${label(step)}"]`));
  for (let i = 1; i < steps.length; i++) lines.push(`  s${i} --> s${i + 1}`);
  return `${lines.join('\n')}\n`;
}

import type { Actors } from '../rules/schemas.ts';
import type { Mention } from './actors.ts';

/** Label width in half-width units: a CJK character counts 2, a Latin one 1. */
const MAX_WIDTH = 46;

function cut(text: string): string {
  let width = 0;
  let out = '';
  for (const ch of text) {
    const w = /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
    if (width + w > MAX_WIDTH - 2) return `${out.trimEnd()}…`;
    width += w;
    out += ch;
  }
  return out;
}

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

/** A step shortened to a label: its name or its first clause, cut at MAX_LABEL characters. */
export function shorten(text: string): string {
  // `名称：说明` steps are named by their name.
  const named = /^([^：:]{2,24})[：:]/.exec(text.trim())?.[1];
  const clause = named ?? text.split(/[。；;，,]/)[0] ?? text;
  return mermaidText(cut(clause.trim()));
}

export interface Step {
  text: string;
  mentions: Mention[];
}

export interface Direction {
  receive: string[];
  send: string[];
}

/** Who sends to whom in a step: the first two actors, turned round when the text says the second one sends. */
export function messageOf(step: Step, direction: Direction): { from: string; to: string } | undefined {
  const distinct = step.mentions.filter((m, i, all) => all.findIndex((o) => o.id === m.id) === i);
  const [a, b] = distinct;
  if (!a || !b) return undefined;
  const between = step.text.slice(a.end, b.start);
  const receives = direction.receive.some((w) => between.includes(w));
  const lastReceive = Math.max(...direction.receive.map((w) => between.lastIndexOf(w)));
  const sendsAfter = direction.send.some((w) => between.indexOf(w, lastReceive + 1) > lastReceive);
  return receives && !sendsAfter ? { from: b.id, to: a.id } : { from: a.id, to: b.id };
}

/** A sequence diagram: a message per step with two actors, a note for a step with one. */
export function sequenceDiagram(steps: Step[], caption: string, actors: Actors, direction: Direction): string {
  const label = (id: string) => actors.actors.find((a) => a.id === id)?.label ?? id;
  // Participants: only actors that send, receive or carry a note, in order of appearance.
  const messages = steps.map((step) => messageOf(step, direction));
  const used: string[] = [];
  const use = (id: string) => used.includes(id) || used.push(id);
  steps.forEach((step, i) => {
    const message = messages[i];
    if (message) [message.from, message.to].forEach(use);
    else if (step.mentions[0]) use(step.mentions[0].id);
  });
  const lines = ['sequenceDiagram', `  accTitle: ${mermaidText(caption)}`, '  autonumber'];
  for (const id of used) lines.push(`  participant ${id} as ${mermaidText(label(id))}`);
  const span = used.length > 1 ? `${used[0]},${used.at(-1)}` : (used[0] ?? '');
  steps.forEach((step, i) => {
    // The sender's name opening the step is already the arrow's tail.
    const first = step.mentions[0];
    const text = first && first.start === 0 ? step.text.slice(first.end) : step.text;
    const message = messages[i];
    if (message) lines.push(`  ${message.from}->>${message.to}: ${shorten(text)}`);
    else if (first) lines.push(`  Note over ${first.id}: ${shorten(text)}`);
    else if (span) lines.push(`  Note over ${span}: ${shorten(step.text)}`);
  });
  return `${lines.join('\n')}\n`;
}

/** A flowchart of the steps in order (for steps without clear senders, and arrow chains). */
export function flowchart(steps: string[], caption: string, chain = false): string {
  const lines = ['flowchart LR', `  accTitle: ${mermaidText(caption)}`];
  steps.forEach((step, i) => lines.push(`  s${i + 1}["${chain ? mermaidText(cut(step)) : shorten(step)}"]`));
  for (let i = 1; i < steps.length; i++) lines.push(`  s${i} --> s${i + 1}`);
  return `${lines.join('\n')}\n`;
}

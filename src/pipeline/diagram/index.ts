import { createHash } from 'node:crypto';
import type { Code, RootContent } from 'mdast';
import type { Actors, PageModel } from '../rules/schemas.ts';
import type { DiagramRecord, DiagramSpec } from '../../schema.ts';
import type { Cut } from '../types.ts';
import { actorFinder } from './actors.ts';
import { captionOf } from './caption.ts';
import { findCandidates, type Candidate } from './candidates.ts';
import { flowchart, MAX_LABEL_WIDTH, mermaidText, sequenceDiagram, statementText, type SequenceStep } from './mermaid-code.ts';
import { textWidth } from '../text/line-patterns.ts';
import { svgFileName } from './settings.ts';
import { readStatement } from './statements.ts';

export type { DiagramRecord, DiagramSpec } from '../../schema.ts';

const MIN_STEPS = 3;
const MIN_ACTORS = 2;
const MIN_MESSAGES = 2;

export function diagramId(code: string): string {
  return `d-${createHash('sha256').update(code).digest('hex').slice(0, 12)}`;
}

/** A diagram's spec: its id, the code, and the SVG file it is drawn in. */
export function diagramSpec(code: string, rest: Omit<DiagramSpec, 'id' | 'code' | 'file'>): DiagramSpec {
  return { id: diagramId(code), code, file: svgFileName(code), ...rest };
}

/** The diagram placeholder in a section: a `mermaid` code node carrying its spec in `data`. */
export function diagramNode(spec: DiagramSpec): Code {
  return { type: 'code', lang: 'mermaid', meta: null, value: spec.code, data: { diagram: spec } as never };
}

type Verdict = { code?: string; kind: DiagramRecord['kind']; reason: string };

/**
 * Truth over coverage: a sequence diagram only when every step is either a message whose sender
 * and receiver the step states, or something its stated doer does; otherwise a flowchart of the
 * steps in order, which is faithful by construction; or nothing, with the reason.
 */
function judge(candidate: Candidate, caption: string, actors: Actors, find: ReturnType<typeof actorFinder>): Verdict {
  const steps = candidate.steps;
  if (steps.length < MIN_STEPS) return { kind: 'flowchart', reason: `only ${steps.length} steps` };
  if (candidate.kind === 'chain') {
    if (!steps.some((s) => find(s.text).length > 0)) return { kind: 'flowchart', reason: 'the chain names no actor' };
    return { kind: 'flowchart', code: flowchart(steps.map((s) => s.text), caption, false), reason: `arrow chain of ${steps.length} steps` };
  }
  const around = `${candidate.heading} ${candidate.leadIn}`.toLowerCase();
  const cue = actors['process-cues'].find((c) => around.includes(c.toLowerCase()));
  if (!cue) return { kind: 'flowchart', reason: 'no word around the steps says they are a process' };
  const notCue = actors['not-process-cues'].find((c) => (candidate.leadIn || candidate.heading).toLowerCase().includes(c.toLowerCase()));
  if (notCue) return { kind: 'flowchart', reason: `a list of ${notCue}, not a process` };
  if (candidate.subHeaded) return { kind: 'flowchart', reason: 'the items are sub-headings of phases, not steps' };
  const shown = steps.map(statementText);
  const long = shown.find((s) => textWidth(s) > MAX_LABEL_WIDTH);
  if (long) return { kind: 'flowchart', reason: `a step is a paragraph, too long to draw (${long.slice(0, 20)}…)` };
  const named = new Set(steps.flatMap((s) => find(s.text).map((m) => m.id)));
  if (named.size < MIN_ACTORS) return { kind: 'flowchart', reason: `the steps name ${named.size} actor(s)` };
  const read: SequenceStep[] = shown.map((text, i) => {
    const mentions = find(text);
    const statement = readStatement(text, mentions, actors.messages);
    const body = steps[i]?.body;
    if (statement.message || !body) return { text, mentions, statement };
    // `注册节点：kubelet 向 API Server 发送注册请求。` the name is shown; the explanation's first
    // clause may state who sends to whom, never a later one.
    const first = body.split(/[。！？!?]|\.\s/)[0] ?? body;
    const explained = readStatement(first, find(first), actors.messages, true);
    return { text, mentions, statement: explained.message ? { ...statement, message: explained.message } : statement };
  });
  const messages = read.filter((s) => s.statement.message).length;
  const unplaced = read.filter((s) => !s.statement.message && !s.statement.subject).length;
  if (unplaced === 0 && messages >= MIN_MESSAGES && messages * 2 >= read.length) {
    return { kind: 'sequence', code: sequenceDiagram(read, caption, actors), reason: `${steps.length} steps, ${messages} stating sender and receiver (cue: ${cue})` };
  }
  const why = unplaced ? `${unplaced} step(s) name no doer` : `${messages} of ${steps.length} steps state a sender and a receiver`;
  return { kind: 'flowchart', code: flowchart(shown, caption), reason: `${steps.length} steps in order; no sequence diagram: ${why} (cue: ${cue})` };
}

/**
 * Finds the workflows a section describes and puts a diagram right after each, in the note's
 * order, the steps staying as text. A note's own `mermaid` blocks become diagrams too. Every
 * diagram made and every candidate refused is recorded with the reason.
 */
export function extractDiagrams(section: Cut, actors: Actors, model: PageModel): { children: RootContent[]; records: DiagramRecord[]; specs: DiagramSpec[] } {
  const find = actorFinder(actors);
  const records: DiagramRecord[] = [];
  const specs: DiagramSpec[] = [];
  const base = { source: section.source, section: section.heading };
  // The note's own diagrams.
  const own = section.children.map((node) => {
    if (node.type !== 'code' || node.lang !== 'mermaid') return node;
    // ```mermaid "标题": the info string after the language names the diagram.
    const title = node.meta?.trim().replace(/^["'“]|["'”]$/g, '').trim();
    const spec = diagramSpec(node.value, { caption: title || captionOf('', section.heading, actors.captions, model), ...base, author: true });
    specs.push(spec);
    records.push({ ...base, kind: 'author', made: true, reason: 'a mermaid block in the note', id: spec.id });
    return diagramNode(spec);
  });
  const inserts = new Map<number, Code[]>();
  const captions: string[] = [];
  for (const candidate of findCandidates(section.children, section.heading, actors['sequence-words'])) {
    const caption = mermaidText(candidate.label || captionOf(candidate.leadIn, candidate.heading, actors.captions, model));
    const verdict = judge(candidate, caption, actors, find);
    if (!verdict.code) {
      records.push({ ...base, kind: verdict.kind, made: false, reason: `${verdict.reason}: ${candidate.steps.slice(0, 2).map((s) => s.name ?? s.text).join(' / ').slice(0, 60)}…` });
      continue;
    }
    const spec = diagramSpec(verdict.code, { caption, ...base, author: false });
    if (specs.some((s) => s.id === spec.id)) continue;
    specs.push(spec);
    captions.push(caption);
    inserts.set(candidate.after, [...(inserts.get(candidate.after) ?? []), diagramNode(spec)]);
    records.push({ ...base, kind: verdict.kind, made: true, reason: verdict.reason, id: spec.id });
  }
  // Two diagrams of one section under one name are told apart by their order.
  const generated = specs.filter((s) => !s.author);
  const named = new Map(generated.map((spec) => [spec, generated.filter((s) => s.caption === spec.caption)]));
  for (const [spec, same] of named) if (same.length > 1) spec.caption = `${spec.caption}（${same.indexOf(spec) + 1}）`;
  const children = own.flatMap((node, i) => [node, ...(inserts.get(i) ?? [])]);
  return { children, records, specs };
}

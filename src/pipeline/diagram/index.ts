import { createHash } from 'node:crypto';
import type { Code, RootContent } from 'mdast';
import type { Actors } from '../rules/schemas.ts';
import type { DiagramRecord, DiagramSpec } from '../../schema.ts';
import type { Section } from '../types.ts';
import { actorFinder } from './actors.ts';
import { findCandidates, type Candidate } from './candidates.ts';
import { flowchart, mermaidText, sequenceDiagram, type Step } from './mermaid-code.ts';

export type { DiagramRecord, DiagramSpec } from '../../schema.ts';

const MIN_STEPS = 3;
const MIN_ACTORS = 2;
const MIN_SHARE = 0.5;

export function diagramId(code: string): string {
  return `d-${createHash('sha256').update(code).digest('hex').slice(0, 12)}`;
}

/** The diagram placeholder in a section: a `mermaid` code node carrying its spec in `data`. */
export function diagramNode(spec: DiagramSpec): Code {
  return { type: 'code', lang: 'mermaid', meta: null, value: spec.code, data: { diagram: spec } as never };
}

function judge(candidate: Candidate, actors: Actors, find: ReturnType<typeof actorFinder>): { code?: string; kind: DiagramRecord['kind']; reason: string } {
  const context = candidate.context.join(' ').toLowerCase();
  const caption = candidate.context.at(-1) ?? '';
  const cue = actors['process-cues'].find((c) => context.includes(c.toLowerCase()));
  const notCue = actors['not-process-cues'].find((c) => (candidate.context.slice(1).join(' ') || context).toLowerCase().includes(c.toLowerCase()));
  const kind = candidate.kind === 'chain' ? 'flowchart' : 'sequence';
  if (candidate.steps.length < MIN_STEPS) return { kind, reason: `only ${candidate.steps.length} steps` };
  const steps: Step[] = candidate.steps.map((text) => ({ text, mentions: find(text) }));
  const withActor = steps.filter((s) => s.mentions.length > 0).length;
  const distinct = new Set(steps.flatMap((s) => s.mentions.map((m) => m.id))).size;
  if (candidate.kind === 'chain') {
    if (withActor === 0) return { kind, reason: 'the chain names no actor' };
    return { kind, code: flowchart(candidate.steps, caption || candidate.steps.join(' → '), true), reason: `arrow chain of ${steps.length} steps, ${withActor} naming an actor` };
  }
  if (!cue) return { kind, reason: 'no word around the list says it is a process' };
  if (notCue) return { kind, reason: `a list of ${notCue}, not a process` };
  if (distinct < MIN_ACTORS) return { kind, reason: `the steps name ${distinct} actor(s)` };
  if (withActor / steps.length < MIN_SHARE) return { kind, reason: `only ${withActor} of ${steps.length} steps name an actor` };
  const messages = steps.filter((s) => new Set(s.mentions.map((m) => m.id)).size >= 2).length;
  if (messages * 2 >= withActor) {
    return { kind: 'sequence', code: sequenceDiagram(steps, caption, actors, { receive: actors['receive-words'], send: actors['send-words'] }), reason: `${steps.length} steps, ${messages} between two actors (cue: ${cue})` };
  }
  return { kind: 'flowchart', code: flowchart(candidate.steps, caption), reason: `${steps.length} steps without clear senders (cue: ${cue})` };
}

/**
 * Finds the workflows a section describes and puts a diagram right after each, the steps
 * staying as text. A note's own `mermaid` blocks become diagrams too. Every diagram made and
 * every candidate refused is recorded with the reason.
 */
export function extractDiagrams(section: Section, actors: Actors): { children: RootContent[]; records: DiagramRecord[]; specs: DiagramSpec[] } {
  const find = actorFinder(actors);
  const records: DiagramRecord[] = [];
  const specs: DiagramSpec[] = [];
  const children = [...section.children];
  const base = { source: section.source, section: section.heading };
  // The note's own diagrams.
  children.forEach((node, i) => {
    if (node.type !== 'code' || node.lang !== 'mermaid') return;
    // ```mermaid "标题": the info string after the language names the diagram.
    const title = node.meta?.trim().replace(/^["'“]|["'”]$/g, '').trim();
    const spec: DiagramSpec = { id: diagramId(node.value), code: node.value, caption: title || section.heading, ...base, author: true };
    children[i] = diagramNode(spec);
    specs.push(spec);
    records.push({ ...base, kind: 'author', made: true, reason: 'a mermaid block in the note', id: spec.id });
  });
  const inserts: { after: number; node: Code }[] = [];
  for (const candidate of findCandidates(section.children, section.heading)) {
    const verdict = judge(candidate, actors, find);
    if (!verdict.code) {
      records.push({ ...base, kind: verdict.kind, made: false, reason: `${verdict.reason}: ${candidate.steps.slice(0, 2).join(' / ').slice(0, 60)}…` });
      continue;
    }
    const caption = mermaidText(candidate.context.at(-1) ?? section.heading).replace(/[:：]$/, '');
    const spec: DiagramSpec = { id: diagramId(verdict.code), code: verdict.code, caption, ...base, author: false };
    if (specs.some((s) => s.id === spec.id)) continue;
    specs.push(spec);
    inserts.push({ after: candidate.after, node: diagramNode(spec) });
    records.push({ ...base, kind: verdict.kind, made: true, reason: verdict.reason, id: spec.id });
  }
  for (const { after, node } of inserts.sort((a, b) => b.after - a.after)) children.splice(after + 1, 0, node);
  return { children, records, specs };
}

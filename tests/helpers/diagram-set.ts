import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { clean } from '../../src/pipeline/clean/index.ts';
import { extractDiagrams } from '../../src/pipeline/diagram/index.ts';
import { readNote } from '../../src/pipeline/read/index.ts';
import { segment } from '../../src/pipeline/segment/index.ts';
import { rules } from './rules.ts';

const caseSchema = z.object({
  name: z.string(),
  kind: z.enum(['sequence', 'flowchart', 'none']),
  /** Sender, receiver and the step the message draws. */
  messages: z.array(z.tuple([z.string(), z.string(), z.number().int()])).default([]),
  markdown: z.string(),
  /** The note's file name: its extension picks the reader (Markdown unless told). */
  file: z.string().default('case.md'),
});
export type DiagramCase = z.infer<typeof caseSchema>;

export const DIAGRAM_CASES: DiagramCase[] = z.array(caseSchema).parse(parse(readFileSync(new URL('../fixtures/diagram-set/cases.yaml', import.meta.url), 'utf8')));

export interface Drawn {
  kind: 'sequence' | 'flowchart' | 'none';
  messages: [string, string, number][];
  code: string;
  /** Why each candidate was drawn or refused. */
  reasons: string[];
}

/** The numbered messages of a sequence diagram's code: sender, receiver and the step they draw. */
export function messagesOf(code: string): [string, string, number][] {
  return [...code.matchAll(/^ {2}(\w+)->>(\w+): (\d+)\./gm)].map((m): [string, string, number] => [m[1] ?? '', m[2] ?? '', Number(m[3])]);
}

/** Runs a case through read → clean → segment → diagram, as the pipeline does, and reads back what was drawn. */
export function drawCase(c: DiagramCase): Drawn {
  const note = readNote(new TextEncoder().encode(c.markdown), c.file, rules);
  clean(note.tree, note.file, rules);
  const results = segment(note.tree, note.file, rules.pageModel, rules.taxonomy).sections.map((s) => extractDiagrams(s, rules.actors, rules.pageModel));
  const specs = results.flatMap((r) => r.specs);
  const reasons = results.flatMap((r) => r.records.map((d) => d.reason));
  const code = specs.map((s) => s.code).join('\n');
  const kind = /^sequenceDiagram/m.test(code) ? 'sequence' : /^flowchart/m.test(code) ? 'flowchart' : 'none';
  return { kind, messages: messagesOf(code), code, reasons };
}

/** Message precision (messages drawn that the case expects, at their step) and the share of processes that get a diagram. */
export function scoreCases(cases = DIAGRAM_CASES): { drawnMessages: number; rightMessages: number; processes: number; withDiagram: number; kindsRight: number } {
  let drawnMessages = 0;
  let rightMessages = 0;
  let processes = 0;
  let withDiagram = 0;
  let kindsRight = 0;
  for (const c of cases) {
    const drawn = drawCase(c);
    drawnMessages += drawn.messages.length;
    rightMessages += drawn.messages.filter((m) => c.messages.some((e) => e.join() === m.join())).length;
    if (c.kind !== 'none') {
      processes++;
      if (drawn.kind !== 'none') withDiagram++;
    }
    if (drawn.kind === c.kind) kindsRight++;
  }
  return { drawnMessages, rightMessages, processes, withDiagram, kindsRight };
}

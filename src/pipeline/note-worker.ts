/**
 * One worker thread of a parallel ingest (notes-in-parallel.ts): it takes notes from the shared
 * list until none is left, runs the per-note stages on each, and sends each result back
 * serialised, as the note cache keeps it. It loads the rules, and what earlier ingests found
 * to compile, itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serialize } from 'node:v8';
import { compiledThisRun, rememberCompiled } from './emit/compile-mdx.ts';
import { processNote } from './index.ts';
import type { NoteWorkerData, NoteWorkerMessage } from './notes-in-parallel.ts';
import { loadRules } from './rules/index.ts';

const { rulesDir, compiled, inputs, claim, checkParts } = workerData as NoteWorkerData;
const post = (message: NoteWorkerMessage, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(message, transfer);
const rules = loadRules(rulesDir);
rememberCompiled(compiled);
for (let index = Atomics.add(claim, 0, 1); index < inputs.length; index = Atomics.add(claim, 0, 1)) {
  const input = inputs[index]!;
  try {
    const bytes = serialize(processNote(input, rules, checkParts));
    const result = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    post({ index, result }, [result]);
  } catch (error) {
    post({ index, error: (error as Error).stack ?? String(error) });
    break;
  }
}
post({ done: compiledThisRun() });

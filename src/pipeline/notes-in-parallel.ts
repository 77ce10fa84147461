/**
 * The per-note stages over many notes on several threads: this thread and `threads - 1` worker
 * threads (note-worker.ts) take notes from one shared list, so a thread that meets long notes
 * simply takes fewer. Notes are independent until they are merged into pages (index.ts), and
 * their stages are most of an ingest's time. Every result takes the form the note cache gives it (V8's
 * serialiser, both ways), wherever it was made, so the pages are the same bytes as a run on one
 * thread makes.
 */
import { availableParallelism } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { addCompiled, type compiledThisRun } from './emit/compile-mdx.ts';
import { processNote, type NoteResult, type SourceInput } from './index.ts';
import type { ErrorReport } from './report/index.ts';
import type { Rules } from './rules/schemas.ts';

/** What a worker is given: where the rules and the compile memory are, the notes, and the shared count of notes taken. */
export interface NoteWorkerData {
  rulesDir: string;
  compiled?: string | undefined;
  inputs: SourceInput[];
  claim: Int32Array;
  /** Whether each part is compiled as MDX (processNote's checkParts). */
  checkParts: boolean;
}

/** What a worker sends: a note's result (serialised), the error that stopped it, or its end with what its MDX check met. */
export type NoteWorkerMessage = { index: number; result: ArrayBuffer } | { index: number; error: string } | { done: ReturnType<typeof compiledThisRun> };

type Result = NoteResult | ErrorReport;

/**
 * Below this many notes to read, one thread. A worker's start (the pipeline's modules and the
 * rules, about half a second) is paid back at about five milliseconds a note on two cores: the
 * 81 notes of the shared corpus took 0.3 s longer on two threads, and a thousand notes 25-26 s
 * instead of 31 s.
 */
export const PARALLEL_FROM = 200;

/** The threads a parallel ingest uses by default: one per core, at most four. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Runs processNote over `inputs` on `threads` threads, calling `onResult` with each note's index
 * and result as it is ready (in no set order). Rejects with the first failure: a worker's names
 * its note, this thread's is thrown as it is, as on one thread.
 */
export async function processNotesInParallel(inputs: SourceInput[], rules: Rules, setup: { rulesDir: string; compiled?: string | undefined; checkParts: boolean }, threads: number, onResult: (index: number, result: Result) => void): Promise<void> {
  const claim = new Int32Array(new SharedArrayBuffer(4));
  const stopAll = () => Atomics.store(claim, 0, inputs.length);
  const failure = (index: number, error: string) => new Error(`${inputs[index]?.name ?? 'a note'}: ${error}`);
  const data: NoteWorkerData = { ...setup, inputs, claim };
  const workers = Array.from({ length: Math.max(0, threads - 1) }, () => {
    const worker = new Worker(new URL('./note-worker.ts', import.meta.url), { workerData: data });
    const finished = new Promise<void>((resolve, reject) => {
      let done = false;
      worker.on('message', (message: NoteWorkerMessage) => {
        if ('done' in message) {
          addCompiled(message.done);
          done = true;
        } else if ('error' in message) {
          stopAll();
          reject(failure(message.index, message.error));
        } else onResult(message.index, deserialize(new Uint8Array(message.result)) as Result);
      });
      worker.once('error', (error) => {
        stopAll();
        reject(error);
      });
      worker.once('exit', (code) => (done ? resolve() : reject(new Error(`A note worker stopped (exit code ${code}) before its notes were done.`))));
    });
    // A failure is taken up below, once this thread's own notes are done; until then it must not count as unhandled.
    finished.catch(() => {});
    return { worker, finished };
  });
  try {
    for (let index = Atomics.add(claim, 0, 1); index < inputs.length; index = Atomics.add(claim, 0, 1)) {
      onResult(index, deserialize(serialize(processNote(inputs[index]!, rules, setup.checkParts))) as Result);
      // Lets the workers' results in as they come, for the progress lines.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(workers.map((w) => w.finished));
  } catch (error) {
    stopAll();
    await Promise.all(workers.map((w) => w.worker.terminate()));
    throw error;
  }
}

/**
 * One worker thread of the MDX check of written pages (check-pages.ts): it takes bodies from the
 * shared list until none is left and says of each whether it compiles. It runs at the lowest
 * priority (on Linux a thread's own), so the cores go to Astro first.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { PAGE_CHECK_NICE } from '../background.ts';
import type { PageCheckData, PageCheckMessage } from './check-pages.ts';
import { compileError } from './compile-mdx.ts';

try {
  setPriority(PAGE_CHECK_NICE);
} catch {
  // A system that refuses only makes the check compete with Astro as any thread does.
}
const { bodies, claim } = workerData as PageCheckData;
for (let index = Atomics.add(claim, 0, 1); index < bodies.length; index = Atomics.add(claim, 0, 1)) {
  const error = compileError(bodies[index]!);
  parentPort?.postMessage({ index, ...(error ? { error } : {}) } satisfies PageCheckMessage);
}

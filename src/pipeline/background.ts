/**
 * Lowering the pipeline's priority once Astro has what it waits for: what the pipeline still does
 * in npm run build (the MDX check of the written pages, the drawing of the diagrams) then takes
 * the time Astro leaves on the cores, not Astro's own.
 */
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The nice value the pipeline's work after the ingest runs at (the drawing of the diagrams, which Astro's bundling waits for): below Astro's. */
export const BACKGROUND_NICE = 10;
/** The nice value of the MDX check of the written pages, which nothing waits for but the build's end: the lowest. */
export const PAGE_CHECK_NICE = 19;

/**
 * Gives every thread of this process the nice value `nice`, unless it is lower already, and so
 * every thread and process it starts from now on (they take their starter's). On Linux a nice value
 * is a thread's own: each thread of the process is set, V8's helper threads among them. Elsewhere
 * the process is set. A system that refuses leaves the priorities as they are.
 */
export function runInBackground(nice = BACKGROUND_NICE): void {
  const threads = process.platform === 'linux' ? readdirSync('/proc/self/task').map(Number) : [0];
  for (const thread of threads) {
    try {
      if (getPriority(thread) < nice) setPriority(thread, nice);
    } catch {
      // A thread that ended meanwhile, or a system that does not allow it.
    }
  }
}

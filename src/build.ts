/**
 * `npm run build`: the handbook from the raw notes. Three processes: the pipeline (ingest, then
 * diagrams, then the MDX check of the written pages: `cli.ts prepare`); Astro's build (pages,
 * Pagefind's index, the search box's titles), started at the same time but held before it reads
 * content/ until the notes are ingested, and before it takes in the diagrams until they are drawn,
 * and started again if the pipeline had to write pages again (one did not compile); then
 * the PDF (src/book/cli.ts), which starts once Astro has given its memory back. This script only
 * starts them and holds no memory of its own while they work. It and the pipeline run on Node's
 * own TypeScript support (the code keeps to syntax it can strip: erasableSyntaxOnly), with no tsx
 * start. Each step prints its progress; the first that fails ends the build with its exit code.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { cacheDir, DIAGRAMS_DRAWN_MESSAGE, INGESTED_MESSAGE, REWRITTEN_MESSAGE, root } from './pipeline/step-basics.ts';
import { AFTER_PIPELINE_ENV, DRAWN_MESSAGE, PREPARED_MESSAGE, WAITING_DIAGRAMS_MESSAGE, WAITING_MESSAGE } from './site/after-pipeline.ts';

const node = process.execPath;
/**
 * The bundler inside astro build (rolldown) allocates with mimalloc, which by default commits its
 * arenas whole and keeps freed pages a while: told not to, the build's peak memory on the shared
 * corpus falls from 0.93 GB to 0.73 GB, at no cost in time. A value already set is kept.
 */
export const BUNDLER_MEMORY = { MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_PURGE_DELAY: '0' };

/** The folder astro build writes to: its --outDir, else dist/. */
export function outDirOf(args: string[]): string {
  const at = args.findIndex((arg) => arg === '--outDir' || arg.startsWith('--outDir='));
  const value = at < 0 ? undefined : args[at]?.includes('=') ? args[at]?.slice('--outDir='.length) : args[at + 1];
  return value || 'dist';
}

/**
 * Node keeps the code it compiled for the pipeline's and the PDF step's own modules (about a
 * hundred TypeScript files, stripped and compiled at every start) in .cache/node-compile/: their
 * start takes 0.27 s instead of 0.45 s. Node checks each entry against the file's content. Astro's
 * start gained nothing from it here, so its step goes without. A value already set is kept.
 */
const COMPILE_CACHE = { NODE_COMPILE_CACHE: join(cacheDir, 'node-compile') };

const astroArgs = process.argv.slice(2);
/** A step of the build: a Node process, its arguments (a script and its options) and what its environment adds. */
export type Step = { name: string; args: string[]; env?: Record<string, string> };
const pipeline: Step = { name: 'the pipeline', args: ['src/pipeline/cli.ts', 'prepare'], env: COMPILE_CACHE };
/**
 * V8's flags for astro build. A small young generation: Astro's build allocates in bursts, and a
 * larger one only raises its peak. A heap that grows at most twofold between full collections:
 * V8 otherwise lets it grow up to fourfold while collecting is cheap, and the bundler's garbage
 * piles up. astro build alone on a thousand notes peaked at 1.32-1.63 GB in 56-64 s; held to
 * twofold, 1.04-1.07 GB in 60-69 s. On the shared corpus, 0.51-0.56 GB instead of 0.65-0.74, in
 * the same time.
 */
export const ASTRO_V8_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=100'];
const astro: Step = { name: 'astro build', args: [...ASTRO_V8_FLAGS, 'node_modules/astro/bin/astro.mjs', 'build', ...astroArgs], env: { ...BUNDLER_MEMORY, [AFTER_PIPELINE_ENV]: '1' } };
// The same small young generation: the book's pages are read one at a time, and their trees are garbage at once.
const book: Step = { name: 'the PDF', args: ['--max-semi-space-size=8', 'src/book/cli.ts', '--site', outDirOf(astroArgs)], env: COMPILE_CACHE };

type Ended = { status: number | null; signal: NodeJS.Signals | null; error: Error | undefined };
const start = (step: Step, ipc = false) => spawn(node, step.args, { cwd: root, stdio: ipc ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit', env: { ...step.env, ...process.env } });
/** A child's end: 'close' comes after 'exit', and after 'error' when it could not start. */
const ended = (child: ChildProcess) =>
  new Promise<Ended>((resolve) => {
    let error: Error | undefined;
    child.on('error', (e) => (error ??= e));
    child.once('close', (status, signal) => resolve({ status, signal, error }));
  });
/** Ends the build with a step's exit code, saying why when the step did not exit by itself. */
function fail(step: Step, end: Ended): never {
  if (end.error || end.signal) console.error(`✗ ${step.name} did not finish: ${end.error?.message ?? `killed by ${end.signal}`}`);
  process.exit(end.status ?? 1);
}

/**
 * Runs the three steps as npm run build does, ending the process with the first failure's exit
 * code (see the head of this file). The steps are given, so that tests can run the way they speak
 * to each other with processes of their own.
 */
export async function runBuild({ pipeline, astro, book }: { pipeline: Step; astro: Step; book: Step }): Promise<void> {
  // Astro starts beside the pipeline and waits twice (src/site/after-pipeline.ts): before it reads
  // content/, for the word that the notes are ingested; before it takes in the diagrams, for the
  // word that they are drawn. Its start overlaps the ingest, and its bundling of the pages the
  // drawing and the MDX check of the pages. Each question is heard from the moment it starts, and
  // answered once its answer holds (or the pipeline has ended well, which holds every answer).
  const pipelineChild = start(pipeline, true);
  const pipelineEnded = ended(pipelineChild);
  const succeeded = new Promise<void>((resolve) => void pipelineEnded.then((end) => end.status === 0 && resolve()));
  const told = (word: string) => new Promise<void>((resolve) => pipelineChild.on('message', (message) => message === word && resolve()));
  const ingested = told(INGESTED_MESSAGE);
  const drawn = told(DIAGRAMS_DRAWN_MESSAGE);
  const startAstro = () => {
    const child = start(astro, true);
    const answer = (message: string) => child.connected && child.send(message);
    child.on('message', (message) => {
      if (message === WAITING_MESSAGE) void Promise.race([ingested, succeeded]).then(() => answer(PREPARED_MESSAGE));
      else if (message === WAITING_DIAGRAMS_MESSAGE) void Promise.race([drawn, succeeded]).then(() => answer(DRAWN_MESSAGE));
    });
    return { child, ended: ended(child) };
  };
  let astroRun = startAstro();
  // The pipeline wrote pages again after Astro began to read them (a page did not compile as
  // MDX): this Astro has read what is no longer there. Another starts on the mended pages.
  pipelineChild.on('message', (message) => {
    if (message !== REWRITTEN_MESSAGE) return;
    console.log('Starting astro build again on the pages written again.');
    astroRun.child.kill();
    astroRun = startAstro();
  });
  const prepared = await pipelineEnded;
  if (prepared.status !== 0) {
    // Astro has not taken in what failed: stop it, and end with the pipeline's message and code.
    astroRun.child.kill();
    await astroRun.ended;
    fail(pipeline, prepared);
  }
  // Astro may also have ended on its own (a bad option, a broken config).
  const built = await astroRun.ended;
  if (built.status !== 0) fail(astro, built);
  const printed = await ended(start(book));
  if (printed.status !== 0) fail(book, printed);
}

if (import.meta.main) await runBuild({ pipeline, astro, book });

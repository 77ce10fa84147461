/**
 * `npm run build`: the handbook from the raw notes. Three processes, one after the other: the
 * pipeline (ingest, then diagrams: `cli.ts prepare`), Astro's build (pages, Pagefind's index, the
 * search box's titles), then the PDF (src/book/cli.ts), which starts once Astro has given its
 * memory back. This script only starts them and holds no memory of its own while they work. It and the pipeline run on Node's own TypeScript support (the code
 * keeps to syntax it can strip: erasableSyntaxOnly), with no tsx start. Each step
 * prints its progress; the first that fails ends the build with its exit code.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
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
export const COMPILE_CACHE = { NODE_COMPILE_CACHE: `${root}.cache/node-compile` };

const astroArgs = process.argv.slice(2);
const steps: { name: string; args: string[]; env?: Record<string, string> }[] = [
  { name: 'the pipeline', args: ['src/pipeline/cli.ts', 'prepare'], env: COMPILE_CACHE },
  // A small young generation: Astro's build allocates in bursts, and a larger one only raises its peak.
  { name: 'astro build', args: ['--max-semi-space-size=8', 'node_modules/astro/bin/astro.mjs', 'build', ...astroArgs], env: BUNDLER_MEMORY },
  // The same small young generation: the book's pages are read one at a time, and their trees are garbage at once.
  { name: 'the PDF', args: ['--max-semi-space-size=8', 'src/book/cli.ts', '--site', outDirOf(astroArgs)], env: COMPILE_CACHE },
];
if (import.meta.main) {
  for (const step of steps) {
    const run = spawnSync(node, step.args, { cwd: root, stdio: 'inherit', env: { ...step.env, ...process.env } });
    if (run.status !== 0) {
      if (run.error || run.signal) console.error(`✗ ${step.name} did not finish: ${run.error?.message ?? `killed by ${run.signal}`}`);
      process.exit(run.status ?? 1);
    }
  }
}

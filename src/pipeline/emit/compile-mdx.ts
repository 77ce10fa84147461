import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createProcessor } from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import { installedPackages, writeCacheFile } from '../cache-file.ts';

/** The syntax the site compiles pages with: MDX, GFM and the directives Starlight's asides use. */
const processor = createProcessor({ remarkPlugins: [remarkGfm, remarkDirective] });

/**
 * Bodies known to compile, by a hash of their text: an ingest that meets the same text again (a
 * rebuild after one note was added) does not parse it again. Only successes are kept, so a body
 * that fails is compiled every time and its message is always the compiler's own.
 */
const known = new Set<string>();
/** The known bodies this run met: kept first for the next one. */
const met = new Set<string>();
/**
 * The most bodies kept. Those an earlier run knew are kept after this run's, while there is room:
 * a run that took most notes from the note cache (note-cache.ts) meets few bodies, and the next
 * run that reads every note again (the code or the rules changed) still finds them known.
 */
export const KEEP_COMPILED = 50_000;
/** Bodies compiled in this run, and bodies taken as compiling from an earlier one. */
export const compileCounts = { compiled: 0, remembered: 0 };

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 24);

/** Where and why a body does not compile: the compiler's message (its first line) and the line of the body it points at. */
export interface CompileError {
  message: string;
  line?: number;
}

/** Compiles an MDX body as the site will, with no memory: why it does not compile, or undefined when it does. */
export function compileError(body: string): CompileError | undefined {
  compileCounts.compiled++;
  try {
    processor.processSync(body);
  } catch (error) {
    const line = (error as { line?: unknown }).line;
    return { message: (error as Error).message.split('\n')[0] ?? String(error), ...(typeof line === 'number' ? { line } : {}) };
  }
  return undefined;
}

/** Is this body known to compile, from this run or an earlier one? Counted as remembered when it is. */
export function knownToCompile(body: string): boolean {
  const key = hashOf(body);
  if (!known.has(key)) return false;
  met.add(key);
  compileCounts.remembered++;
  return true;
}

/** Takes a body as compiling (compiled here, or by another thread): the next ingest need not compile it again. */
export function compiledWell(body: string): void {
  const key = hashOf(body);
  known.add(key);
  met.add(key);
}

/** Compiles an MDX page body as the site will; returns the error message, or undefined when it compiles. */
export function mdxError(body: string): string | undefined {
  if (knownToCompile(body)) return undefined;
  const error = compileError(body);
  if (error) return error.message;
  compiledWell(body);
  return undefined;
}

/** What this thread's MDX check met in this run, and its counts: for the thread that gathers a parallel ingest (notes-in-parallel.ts). */
export function compiledThisRun(): { met: string[]; counts: typeof compileCounts } {
  return { met: [...met], counts: { ...compileCounts } };
}

/** Takes into this run what another thread's check met (known to compile) and counted. */
export function addCompiled(other: ReturnType<typeof compiledThisRun>): void {
  for (const key of other.met) {
    known.add(key);
    met.add(key);
  }
  compileCounts.compiled += other.counts.compiled;
  compileCounts.remembered += other.counts.remembered;
}

/** The installed packages when this run started (rememberCompiled): the key its memory is kept under. */
let runPackages: string | undefined;

/**
 * Starts a run, with its counts at nought: with what an earlier ingest found to compile (`file`,
 * kept by keepCompiled), if it was made with the packages installed now; with nothing known when
 * there is no such file, or none is given.
 */
export function rememberCompiled(file?: string): void {
  known.clear();
  met.clear();
  Object.assign(compileCounts, { compiled: 0, remembered: 0 });
  const packages = (runPackages = file ? installedPackages() : undefined);
  if (!file || !packages || !existsSync(file)) return;
  const [header, ...keys] = readFileSync(file, 'utf8').split('\n');
  if (header === `packages ${packages}`) for (const key of keys) if (key) known.add(key);
}

/**
 * Keeps the bodies this run (begun by rememberCompiled) found to compile for the next ingest
 * (written whole: cache-file.ts). A folder that cannot be written only means the next ingest
 * checks everything again.
 */
export function keepCompiled(file: string): void {
  const packages = runPackages;
  if (!packages) return;
  const earlier = [...known].filter((key) => !met.has(key)).sort();
  const keys = [...[...met].sort(), ...earlier].slice(0, KEEP_COMPILED);
  writeCacheFile(file, [`packages ${packages}`, ...keys].join('\n') + '\n');
}

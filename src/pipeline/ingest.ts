import { resolve } from 'node:path';
import { forgetPicturesByName } from './clean/local-images.ts';
import { checkPages, type PageCompileError } from './emit/check-pages.ts';
import { compileCounts, keepCompiled, rememberCompiled } from './emit/compile-mdx.ts';
import { writeOutput, type WriteResult } from './emit/write.ts';
import { byName, cacheKey, listSources, progressOf, runPipeline, type NoteCache, type ProgressEvent, type SourceInput } from './index.ts';
import { defaultThreads, PARALLEL_FROM, processNotesInParallel } from './notes-in-parallel.ts';
import type { IngestReport } from './report/index.ts';
import { draftCaches, loadCaches, noteCacheFingerprint, saveCaches } from './note-cache.ts';
import { loadRules } from './rules/index.ts';
import { splitEvernoteExports } from './read/evernote.ts';
import { convertWordNotes } from './read/word.ts';
import type { Rules } from './rules/schemas.ts';

export interface IngestOptions {
  /** The notes folder. */
  sources: string;
  /** Its notes, when the caller has read them already. */
  inputs?: SourceInput[];
  /** Where the chapters go (the project's content/ folder, or --out). */
  out: string;
  /** Where the rules files are (the project's content/ folder). */
  rulesDir: string;
  /** Those rules, when the caller has loaded them already. */
  rules?: Rules;
  /**
   * A folder that keeps per-note results and pages between ingests (note-cache.ts): a rebuild
   * reads again only the notes that changed, and writes again only the pages they changed.
   */
  noteCache?: string;
  /**
   * A file that keeps, between ingests, the page bodies the MDX check found to compile
   * (emit/compile-mdx.ts): a rebuild checks only text it has not seen compile.
   */
  compiled?: string;
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Told once the pages are written, before the caches are kept for the next ingest: npm run
   * build lets Astro read the pages then (about a second sooner on a thousand notes).
   */
  onWritten?: () => void;
  /**
   * The threads the notes to read are shared among (notes-in-parallel.ts). By default one per
   * core (at most four) once there are PARALLEL_FROM notes to read, else one.
   */
  threads?: number;
  /**
   * How the ingest makes sure every page compiles as MDX (one that does not would fail the site's
   * build). 'parts', the default: each part of a note is compiled before the parts are merged,
   * and a block that does not compile is shown as its text (emit/ensure-compiles.ts). 'pages':
   * the pages are compiled once they are written (and onWritten told), on threads of the lowest
   * priority (emit/check-pages.ts), while Astro reads them: the run's `checkWrittenPages` says
   * which do not compile, and the caches are kept only when all do. npm run build takes 'pages', and
   * ingests again with 'parts' when a page fails.
   */
  mdxCheck?: 'parts' | 'pages';
}

/** What the MDX check of written pages found: the pages that do not compile, and its counts. */
export interface PagesChecked {
  failed: PageCompileError[];
  checked: { compiled: number; remembered: number };
}

export interface IngestRun {
  report: IngestReport;
  written: WriteResult;
  notes: number;
  seconds: number;
  /** Page bodies compiled by the MDX check, and those known to compile from an earlier ingest. */
  checked: { compiled: number; remembered: number };
  /** Notes whose results were kept from an earlier ingest, and notes read afresh. */
  reused: { kept: number; read: number };
  /** The threads the notes read afresh were shared among. */
  threads: number;
  /**
   * With `mdxCheck: 'pages'`: starts the check of the written pages, which ends once the caches
   * are kept (or left: a page failed). The caller starts it when it suits: npm run build once the
   * diagrams are drawn, which must be ready before Astro's bundling ends, while the check may run
   * until Astro's end.
   */
  checkWrittenPages?: () => Promise<PagesChecked>;
}

/**
 * Reads the notes of a folder, runs the pipeline and writes what changed: one ingest. The notes
 * to read are shared among threads (see IngestOptions.threads); the pages are the same bytes however many.
 */
export async function ingestFolder(options: IngestOptions): Promise<IngestRun> {
  const started = performance.now();
  forgetPicturesByName();
  const rules = options.rules ?? loadRules(options.rulesDir);
  // Evernote exports split into their notes, and Word documents become HTML pages first: the
  // per-note stages take one note at a time, and synchronously.
  const listed = splitEvernoteExports(options.inputs ?? listSources(resolve(options.sources), rules.markup), rules.markup.evernote);
  const inputs = await convertWordNotes(listed, rules.markup.word);
  rememberCompiled(options.compiled);
  const kept = options.noteCache ? { dir: options.noteCache, fingerprint: noteCacheFingerprint(options.rulesDir, resolve(options.sources)) } : undefined;
  const caches = kept ? loadCaches(kept.dir, kept.fingerprint) : undefined;
  const before = new Set(caches?.notes.keys());
  const pagesBefore = new Map(caches?.pages);
  const checkParts = options.mdxCheck !== 'pages';
  const parallel = await readInParallel(inputs, rules, options, caches?.notes, checkParts);
  const { files, assets, report } = runPipeline(inputs, rules, parallel ? undefined : options.onProgress, parallel?.notes ?? caches?.notes, caches?.pages, checkParts);
  const reused = [...(caches?.notes.keys() ?? [])].filter((key) => before.has(key)).length;
  const pagesChanged = caches && (caches.pages.size !== pagesBefore.size || [...caches.pages].some(([key, memo]) => pagesBefore.get(key) !== memo));
  const written = writeOutput(resolve(options.out), files, rules.taxonomy.chapters.map((c) => c.slug), assets);
  options.onWritten?.();
  const changed = kept && caches && (reused !== before.size || reused !== caches.notes.size || pagesChanged);
  const run: IngestRun = { report, written, notes: inputs.length, seconds: (performance.now() - started) / 1000, checked: { ...compileCounts }, reused: { kept: reused, read: inputs.length - reused }, threads: parallel?.threads ?? 1 };
  if (checkParts) {
    if (changed) saveCaches(kept.dir, kept.fingerprint, caches);
    if (options.compiled) keepCompiled(options.compiled);
    return run;
  }
  // Results and pages are kept for the next ingest only once every page compiles; they are
  // written now all the same, so this process holds them no longer. What compiled is kept in any case.
  const draft = changed ? draftCaches(kept.dir, kept.fingerprint, caches) : undefined;
  const pages = files.filter((file) => file.path.endsWith('.mdx'));
  const checkWrittenPages = () =>
    checkPages(pages).then((failed) => {
      if (failed.length === 0) draft?.commit();
      else draft?.discard();
      if (options.compiled) keepCompiled(options.compiled);
      return { failed, checked: { ...compileCounts } };
    });
  return { ...run, checkWrittenPages };
}

/**
 * The per-note stages of the notes not in the cache, on several threads, their results put into
 * the cache (a fresh one when the ingest keeps none) for runPipeline to take as they are, and the
 * number of threads. Progress is told in the notes' order, as each note and those before it are
 * ready. Undefined when one thread is to do it all: runPipeline then reads the notes itself.
 */
async function readInParallel(inputs: SourceInput[], rules: ReturnType<typeof loadRules>, options: IngestOptions, cache: NoteCache | undefined, checkParts: boolean): Promise<{ notes: NoteCache; threads: number } | undefined> {
  const sorted = byName(inputs);
  const keys = sorted.map(cacheKey);
  const fresh = keys.flatMap((key, i) => (cache?.has(key) ? [] : [i]));
  const threads = Math.min(fresh.length, options.threads ?? (fresh.length >= PARALLEL_FROM ? defaultThreads() : 1));
  if (threads < 2) return undefined;
  const notes: NoteCache = cache ?? new Map();
  let told = 0;
  const tell = () => {
    for (; told < sorted.length && notes.has(keys[told]!); told++) options.onProgress?.(progressOf(sorted[told]!, notes.get(keys[told]!)!));
  };
  await processNotesInParallel(fresh.map((i) => sorted[i]!), rules, { rulesDir: options.rulesDir, compiled: options.compiled, checkParts }, threads, (index, result) => {
    notes.set(keys[fresh[index]!]!, result);
    tell();
  });
  tell();
  return { notes, threads };
}

/** What an ingest made, in one line. */
export function madeSummary(run: IngestRun): string {
  const s = run.report.summary;
  return `${s.sources} notes → ${s.sections} sections → ${s.pages} pages; ${s.dropped} blocks dropped, ${s.images} images, ${s.diagrams} diagrams`;
}

/** The one-line summary of an ingest: what it made, and what it wrote. */
export function summary(run: IngestRun): string {
  return `${madeSummary(run)}; ${run.written.written.length} files written, ${run.written.unchanged.length} unchanged, ${run.written.removed.length} removed`;
}

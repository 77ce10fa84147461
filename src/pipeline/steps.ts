/**
 * The pipeline's two steps as functions, for the command line (cli.ts: ingest, diagrams, and prepare,
 * the first process of npm run build): each prints its progress and throws a StepError, with a hint, when it cannot go on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkPages, describePageError } from './emit/check-pages.ts';
import { listNotes } from './index.ts';
import { loadRules } from './rules/index.ts';
import { ingestFolder, madeSummary, summary, type IngestOptions, type PagesChecked } from './ingest.ts';
import { cacheDir, compiledFile, contentDir, sourcesDir, StepError } from './step-basics.ts';

export interface IngestStepOptions {
  sources?: string | undefined;
  out?: string | undefined;
  /** A note that cannot be read fails the step. */
  strict?: boolean;
  quiet?: boolean;
  /** Told once the pages are written (IngestOptions.onWritten). */
  onWritten?: () => void;
  /** How the pages are made sure to compile (IngestOptions.mdxCheck). */
  mdxCheck?: IngestOptions['mdxCheck'];
}

/** What the ingest ended with: what it made, in a line, and how many things it warned about. */
export interface IngestOutcome {
  summary: string;
  warnings: number;
  /** With `mdxCheck: 'pages'`: the check of the written pages, to start (see settlePages). */
  checkWrittenPages?: () => Promise<PagesChecked>;
}

/** Rebuilds the chapters from the raw notes (HANDBOOK_SOURCES, else content/sources/). */
export async function ingestStep(options: IngestStepOptions = {}): Promise<IngestOutcome> {
  const outDir = resolve(options.out ?? contentDir);
  const sources = sourcesDir(options.sources);
  if (!existsSync(sources)) throw new StepError(`The sources folder ${sources} does not exist.`, 'Pass --sources DIR or set HANDBOOK_SOURCES to a folder of notes.');
  const rules = loadRules(contentDir);
  const { inputs, skipped } = listNotes(sources, rules.markup);
  if (inputs.length === 0) throw new StepError(`The sources folder ${sources} holds no notes.`, 'Drop notes into it: Markdown, HTML pages, plain text, .rst, .adoc, .ipynb, .docx or .enex.');
  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  log(`Ingesting notes from ${sources}`);
  if (skipped.length) log(`  ${skipped.length} file(s) skipped as no notes (not-notes and not-note-names in content/markup.yaml): ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''}`);
  const run = await ingestFolder({ sources, inputs, out: outDir, rulesDir: contentDir, rules, compiled: compiledFile, noteCache: cacheDir, ...(options.onWritten ? { onWritten: options.onWritten } : {}), ...(options.mdxCheck ? { mdxCheck: options.mdxCheck } : {}), onProgress: (e) => log(`  ${e.ok ? '✓' : '✗'} ${e.file}: ${e.detail}`) });
  const { report, written: result } = run;
  log(`Done in ${run.seconds.toFixed(2)} s: ${summary(run)}.`);
  log(`  Notes: ${run.reused.read} read afresh${run.threads > 1 ? ` on ${run.threads} threads` : ''}, ${run.reused.kept} unchanged since the last ingest (.cache/notes-*.v8).`);
  if (!run.checkWrittenPages) log(`  MDX check: ${run.checked.compiled} part(s) compiled, ${run.checked.remembered} known to compile from an earlier ingest (.cache/mdx-compiled.txt).`);
  for (const path of result.skipped) console.warn(`  ! ${path} is hand-written (no \`generated: true\`): left as it is.`);
  if (report.errors.length) {
    console.error(`${report.errors.length} note(s) could not be read:`);
    for (const e of report.errors) console.error(`  ✗ ${e.file}: ${e.reason}. ${e.hint}`);
    if (options.strict) throw new StepError(`${report.errors.length} note(s) could not be read (--strict).`);
  }
  return { summary: madeSummary(run), warnings: result.skipped.length + report.errors.length, ...(run.checkWrittenPages ? { checkWrittenPages: run.checkWrittenPages } : {}) };
}

/**
 * Runs the MDX check of the pages an ingest wrote (`mdxCheck: 'pages'`). When a page does
 * not compile, ingests again with each part compiled, so what does not compile is shown as its
 * text with a warning in the report (emit/ensure-compiles.ts), and compiles the pages that failed
 * once more. Resolves with whether the pages were written again; throws when a mended page still
 * does not compile.
 */
export async function settlePages(outcome: IngestOutcome, options: Omit<IngestStepOptions, 'onWritten' | 'mdxCheck'> = {}): Promise<boolean> {
  if (!outcome.checkWrittenPages) return false;
  const { failed, checked } = await outcome.checkWrittenPages();
  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  log(`MDX check: ${checked.compiled} page(s) compiled once written, ${checked.remembered} known to compile from an earlier build (.cache/mdx-compiled.txt).`);
  if (failed.length === 0) return false;
  const outDir = resolve(options.out ?? contentDir);
  console.warn(`! ${failed.length} page(s) would not compile as MDX:`);
  for (const error of failed) console.warn(`  ${describePageError(error, outDir)}`);
  console.warn('  Ingesting again with each part compiled: what does not compile is shown as its text, and named in the report.');
  await ingestStep({ ...options, mdxCheck: 'parts' });
  const still = await checkPages(failed.map(({ path }) => ({ path, content: readFileSync(join(outDir, path), 'utf8') })));
  if (still.length) throw new StepError(`${still.length} page(s) still would not compile as MDX once every part compiles:\n${still.map((e) => `  ${describePageError(e, outDir)}`).join('\n')}`, 'Pages join parts that each compile; report the notes these pages come from.');
  return true;
}

/**
 * Checks every diagram in content/diagrams.json with Mermaid's parser and draws the ones not yet
 * in content/diagrams/ (one SVG each, committed with the chapters). Returns how many things it
 * warned about.
 */
export async function diagramsStep(content = contentDir): Promise<number> {
  const { renderDiagrams } = await import('./diagram/render.ts');
  const { diagramSpecSchema } = await import('../schema.ts');
  const { launchChromium, CHROMIUM } = await import('./browser.ts');
  const file = resolve(content, 'diagrams.json');
  if (!existsSync(file)) throw new StepError(`${file} does not exist.`, 'Run npm run ingest first.');
  const specs = diagramSpecSchema.array().parse(JSON.parse(readFileSync(file, 'utf8')));
  const started = performance.now();
  console.log(`Diagrams: ${specs.length} in ${file}`);
  const result = await renderDiagrams(specs, resolve(content, 'diagrams'), launchChromium, (done, total) => console.log(`  drawn ${done}/${total} with Mermaid in Chromium`));
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(2)} s: ${result.rendered} drawn, ${result.kept} already drawn, ${result.removed.length} old files removed, ${result.invalid.length} invalid; ${result.renders} Mermaid render(s): one per diagram, two for a diagram drawn in each theme.`);
  if (result.noBrowser) {
    console.warn(`! ${result.missing.length} diagram(s) have no SVG yet and no browser could be started (${CHROMIUM}: ${result.noBrowser}).`);
    for (const spec of result.missing) console.warn(`  ${spec.source} § ${spec.section}: 「${spec.caption}」`);
    console.warn('  Their steps stay on the pages as text. Install Debian\'s chromium (or set CHROMIUM_PATH) and build again to draw them.');
  }
  for (const { spec, reason } of result.unthemed) console.warn(`! ${spec.source} § ${spec.section}: 「${spec.caption}」 keeps its light colours in the dark theme (${reason}).`);
  let fatal = false;
  for (const { spec, error } of result.invalid) {
    const where = `${spec.source} § ${spec.section}`;
    if (spec.author) console.warn(`! The mermaid block in ${where} is invalid; it is shown as code.\n  ${error.split('\n')[0]}`);
    else {
      console.error(`✗ The diagram made from ${where} is invalid: ${error.split('\n')[0]}`);
      fatal = true;
    }
  }
  if (fatal) throw new StepError('Generated diagrams must be valid Mermaid.', 'Report the note and section above; the workflow extraction wrote bad Mermaid.');
  return (result.noBrowser ? 1 : 0) + result.unthemed.length + result.invalid.length;
}

#!/usr/bin/env node
/**
 * `npm run ingest [-- --sources DIR] [--out DIR] [--strict] [--quiet]`: rebuilds the chapters from the raw notes.
 * `npm run diagrams`: renders the diagrams to SVG (see diagram/render.ts).
 * `npm run verify [-- --site DIR]`: checks a built site against its sources (see verify/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { listSources } from './index.ts';
import { ingestFolder, summary } from './ingest.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const contentDir = resolve(root, 'content');

function fail(message: string, hint?: string): never {
  console.error(`✗ ${message}${hint ? `\n  Hint: ${hint}` : ''}`);
  process.exit(1);
}

function ingest(args: string[]): void {
  const { values } = parseArgs({ args, options: { sources: { type: 'string' }, out: { type: 'string' }, strict: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false } } });
  const outDir = resolve(values.out ?? contentDir);
  const sourcesDir = resolve(values.sources ?? process.env['HANDBOOK_SOURCES'] ?? resolve(contentDir, 'sources'));
  if (!existsSync(sourcesDir)) fail(`The sources folder ${sourcesDir} does not exist.`, 'Pass --sources DIR or set HANDBOOK_SOURCES to a folder of notes.');
  const inputs = listSources(sourcesDir);
  if (inputs.length === 0) fail(`The sources folder ${sourcesDir} holds no notes.`, 'Drop .md, .html or .txt notes into it.');
  const log = values.quiet ? () => {} : (line: string) => console.log(line);
  log(`Ingesting notes from ${sourcesDir}`);
  const run = ingestFolder({ sources: sourcesDir, inputs, out: outDir, rulesDir: contentDir, onProgress: (e) => log(`  ${e.ok ? '✓' : '✗'} ${e.file}: ${e.detail}`) });
  const { report, written: result } = run;
  log(`Done in ${run.seconds.toFixed(2)} s: ${summary(run)}.`);
  for (const path of result.skipped) console.warn(`  ! ${path} is hand-written (no \`generated: true\`): left as it is.`);
  if (report.errors.length) {
    console.error(`${report.errors.length} note(s) could not be read:`);
    for (const e of report.errors) console.error(`  ✗ ${e.file}: ${e.reason}. ${e.hint}`);
    if (values.strict) process.exit(1);
  }
}

/**
 * `npm run diagrams`: checks every diagram in content/diagrams.json with Mermaid's parser and
 * draws the ones not yet in content/diagrams/ (one SVG each, committed with the chapters).
 */
async function diagrams(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { content: { type: 'string' } } });
  const { renderDiagrams } = await import('./diagram/render.ts');
  const { diagramSpecSchema } = await import('../schema.ts');
  const { launchChromium, CHROMIUM } = await import('./browser.ts');
  const content = resolve(values.content ?? contentDir);
  const file = resolve(content, 'diagrams.json');
  if (!existsSync(file)) fail(`${file} does not exist.`, 'Run npm run ingest first.');
  const specs = diagramSpecSchema.array().parse(JSON.parse(readFileSync(file, 'utf8')));
  const started = performance.now();
  console.log(`Diagrams: ${specs.length} in ${file}`);
  const result = await renderDiagrams(specs, resolve(content, 'diagrams'), launchChromium, (done, total) => console.log(`  drawn ${done}/${total} with Mermaid in Chromium`));
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(2)} s: ${result.rendered} drawn, ${result.kept} already drawn, ${result.removed.length} old files removed, ${result.invalid.length} invalid.`);
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
  if (fatal) fail('Generated diagrams must be valid Mermaid.', 'Report the note and section above; the workflow extraction wrote bad Mermaid.');
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'ingest') ingest(rest);
  else if (command === 'diagrams') await diagrams(rest);
  else if (command === 'verify') {
    const { verify } = await import('./verify/index.ts');
    process.exit(verify(rest, { root, contentDir }));
  } else fail(`Unknown command ${command ?? '(none)'}.`, 'Use `ingest`, `diagrams` or `verify`.');
} catch (error) {
  fail((error as Error).message);
}

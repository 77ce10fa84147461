#!/usr/bin/env node
/**
 * `npm run ingest [-- --sources DIR] [--out DIR] [--strict] [--quiet]`: rebuilds the chapters from the raw notes.
 * `npm run diagrams [-- --content DIR]`: renders the diagrams to SVG (see diagram/render.ts).
 * `npm run verify [-- --site DIR]`: checks a built site against its sources (see verify/).
 * `cli.ts prepare`: ingest, then diagrams, in one process (the first half of `npm run build`, src/build.ts),
 *   saying between them to npm run build, when it started this, that the pages are written.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheDir, contentDir, INGESTED_MESSAGE, root, sourcesDir, StepError } from './step-basics.ts';

function fail(message: string, hint?: string): never {
  console.error(`✗ ${message}${hint ? `\n  Hint: ${hint}` : ''}`);
  process.exit(1);
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'ingest') {
    const { values } = parseArgs({ args: rest, options: { sources: { type: 'string' }, out: { type: 'string' }, strict: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false } } });
    const { ingestStep } = await import('./steps.ts');
    await ingestStep(values);
  } else if (command === 'diagrams') {
    const { values } = parseArgs({ args: rest, options: { content: { type: 'string' } } });
    const { diagramsStep } = await import('./steps.ts');
    await diagramsStep(resolve(values.content ?? contentDir));
  } else if (command === 'prepare') {
    // Nothing read has changed and content/ is as the last prepare left it: the pipeline is not even loaded (prepared.ts).
    const prepared = await import('./prepared.ts');
    const folders = { sources: sourcesDir(), content: contentDir };
    const inputs = existsSync(folders.sources) ? prepared.inputsKey(folders) : undefined;
    const made = inputs && prepared.unchangedSince(cacheDir, folders, inputs);
    if (made) console.log(`Nothing to prepare: the notes, the rules and the code are as the last build read them, and content/ as it left it (${made}).\n  Delete .cache/prepared.json to prepare afresh.`);
    else {
      prepared.forgetPrepared(cacheDir);
      const { diagramsStep, ingestStep } = await import('./steps.ts');
      // Started by npm run build: Astro may read the pages as soon as they are written, while the
      // caches are kept and the diagrams drawn.
      const ingested = await ingestStep({ onWritten: () => process.send?.(INGESTED_MESSAGE) });
      const drawingWarnings = await diagramsStep();
      if (inputs && ingested.warnings + drawingWarnings === 0) prepared.rememberPrepared(cacheDir, folders, inputs, ingested.summary);
    }
  } else if (command === 'verify') {
    const { verify } = await import('./verify/index.ts');
    process.exit(await verify(rest, { root, contentDir }));
  } else fail(`Unknown command ${command ?? '(none)'}.`, 'Use `ingest`, `diagrams`, `prepare` or `verify`.');
} catch (error) {
  fail((error as Error).message, error instanceof StepError ? error.hint : undefined);
}

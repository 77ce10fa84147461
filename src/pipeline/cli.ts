#!/usr/bin/env node
/**
 * `npm run ingest [-- --sources DIR] [--out DIR] [--strict] [--quiet]`: rebuilds the chapters from the raw notes.
 * `npm run diagrams [-- --content DIR]`: renders the diagrams to SVG (see diagram/render.ts).
 * `npm run verify [-- --site DIR]`: checks a built site against its sources (see verify/).
 * `cli.ts prepare`: ingest, then diagrams, in one process (the first half of `npm run build`, src/build.ts),
 *   saying between them to npm run build, when it started this, that the pages are written (and
 *   once more if it had to write them again: a page did not compile as MDX).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheDir, contentDir, DIAGRAMS_DRAWN_MESSAGE, INGESTED_MESSAGE, REWRITTEN_MESSAGE, root, sourcesDir, StepError } from './step-basics.ts';

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
      const { diagramsStep, ingestStep, settlePages } = await import('./steps.ts');
      const { PAGE_CHECK_NICE, runInBackground } = await import('./background.ts');
      // Started by npm run build: Astro may read the pages as soon as they are written, while the
      // diagrams are drawn and the pages compiled as MDX, at a lower priority than Astro's. A page
      // that does not compile is written again, mended, and Astro starts again on it.
      const told = () => {
        process.send?.(INGESTED_MESSAGE);
        if (process.send) runInBackground();
      };
      const ingested = await ingestStep({ onWritten: told, ...(process.send ? { mdxCheck: 'pages' as const } : {}) });
      // The diagrams first: Astro's bundling waits for them, while the check may run to Astro's end.
      const drawingWarnings = await diagramsStep();
      process.send?.(DIAGRAMS_DRAWN_MESSAGE);
      // From here on nothing waits for this process but the end of the build: the check (and V8's
      // threads that collect its garbage) takes only what Astro leaves.
      if (process.send) runInBackground(PAGE_CHECK_NICE);
      const rewritten = await settlePages(ingested);
      if (rewritten) process.send?.(REWRITTEN_MESSAGE);
      if (inputs && !rewritten && ingested.warnings + drawingWarnings === 0) prepared.rememberPrepared(cacheDir, folders, inputs, ingested.summary);
    }
  } else if (command === 'verify') {
    const { verify } = await import('./verify/index.ts');
    process.exit(await verify(rest, { root, contentDir }));
  } else fail(`Unknown command ${command ?? '(none)'}.`, 'Use `ingest`, `diagrams`, `prepare` or `verify`.');
} catch (error) {
  fail((error as Error).message, error instanceof StepError ? error.hint : undefined);
}

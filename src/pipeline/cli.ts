#!/usr/bin/env node
/**
 * `npm run ingest [-- --sources DIR] [--out DIR] [--strict] [--quiet]`: rebuilds the chapters from the raw notes.
 * `npm run diagrams [-- --content DIR]`: renders the diagrams to SVG (see diagram/render.ts).
 * `npm run verify [-- --site DIR]`: checks a built site against its sources (see verify/).
 * `cli.ts prepare`: ingest, then diagrams, in one process (the first half of `npm run build`, src/build.ts).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, diagramsStep, ingestStep, root, StepError } from './steps.ts';

function fail(message: string, hint?: string): never {
  console.error(`✗ ${message}${hint ? `\n  Hint: ${hint}` : ''}`);
  process.exit(1);
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'ingest') {
    const { values } = parseArgs({ args: rest, options: { sources: { type: 'string' }, out: { type: 'string' }, strict: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false } } });
    ingestStep(values);
  } else if (command === 'diagrams') {
    const { values } = parseArgs({ args: rest, options: { content: { type: 'string' } } });
    await diagramsStep(resolve(values.content ?? contentDir));
  } else if (command === 'prepare') {
    ingestStep();
    await diagramsStep();
  } else if (command === 'verify') {
    const { verify } = await import('./verify/index.ts');
    process.exit(verify(rest, { root, contentDir }));
  } else fail(`Unknown command ${command ?? '(none)'}.`, 'Use `ingest`, `diagrams`, `prepare` or `verify`.');
} catch (error) {
  fail((error as Error).message, error instanceof StepError ? error.hint : undefined);
}

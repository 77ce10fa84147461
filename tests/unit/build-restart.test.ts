import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/project-copy.ts';

/**
 * npm run build's three steps (src/build.ts runBuild) played by small processes that speak as
 * the real ones do: the pipeline's words, Astro's questions (src/site/after-pipeline.ts). Each
 * writes what it did into a log, so the order of what happened can be read back.
 */
const messages = `${ROOT}src/pipeline/step-basics.ts`;
const questions = `${ROOT}src/site/after-pipeline.ts`;

/** A pipeline that ingests, draws, then (when told to) says it wrote the pages again, and ends with `code`. */
const pipeline = (log: string, rewrite: boolean, code = 0) => `
import { appendFileSync } from 'node:fs';
const { INGESTED_MESSAGE, DIAGRAMS_DRAWN_MESSAGE, REWRITTEN_MESSAGE } = await import(${JSON.stringify(messages)});
const say = (word) => new Promise((resolve) => process.send(word, resolve));
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
await pause(200);
appendFileSync(${JSON.stringify(log)}, 'pipeline: pages written\\n');
await say(INGESTED_MESSAGE);
await pause(200);
appendFileSync(${JSON.stringify(log)}, 'pipeline: diagrams drawn\\n');
await say(DIAGRAMS_DRAWN_MESSAGE);
// The MDX check: long enough for Astro to have taken in the diagrams, however loaded the machine.
await pause(1500);
if (${rewrite}) {
  appendFileSync(${JSON.stringify(log)}, 'pipeline: pages written again\\n');
  await say(REWRITTEN_MESSAGE);
}
await pause(200);
appendFileSync(${JSON.stringify(log)}, 'pipeline: ended\\n');
process.exit(${code});
`;

/** An Astro that asks its two questions, then builds for a while. */
const astro = (log: string) => `
import { appendFileSync } from 'node:fs';
const { afterPipeline, afterDiagrams } = await import(${JSON.stringify(questions)});
await afterPipeline();
appendFileSync(${JSON.stringify(log)}, 'astro: content read\\n');
await afterDiagrams();
appendFileSync(${JSON.stringify(log)}, 'astro: diagrams taken in\\n');
await new Promise((resolve) => setTimeout(resolve, 3500));
appendFileSync(${JSON.stringify(log)}, 'astro: built\\n');
process.exit(0);
`;

const book = (log: string) => `require('node:fs').appendFileSync(${JSON.stringify(log)}, 'book: printed\\n');`;

function build(rewrite: boolean, pipelineCode = 0): { status: number | null; log: string[]; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-build-'));
  const log = join(dir, 'log');
  writeFileSync(log, '');
  writeFileSync(join(dir, 'pipeline.mjs'), pipeline(log, rewrite, pipelineCode));
  writeFileSync(join(dir, 'astro.mjs'), astro(log));
  writeFileSync(join(dir, 'book.cjs'), book(log));
  const step = (name: string, file: string, env?: Record<string, string>) => ({ name, args: [join(dir, file)], ...(env ? { env } : {}) });
  const steps = { pipeline: step('the pipeline', 'pipeline.mjs'), astro: step('astro build', 'astro.mjs', { HANDBOOK_AFTER_PIPELINE: '1' }), book: step('the PDF', 'book.cjs') };
  const runner = join(dir, 'run.mjs');
  writeFileSync(runner, `const { runBuild } = await import(${JSON.stringify(`${ROOT}src/build.ts`)});\nawait runBuild(${JSON.stringify(steps)});\n`);
  const run = spawnSync(`${ROOT}node_modules/.bin/node`, [runner], { encoding: 'utf8', timeout: 30_000 });
  return { status: run.status, log: readFileSync(log, 'utf8').trim().split('\n'), output: `${run.stdout}${run.stderr}` };
}

describe('npm run build runs its steps as they speak to each other (src/build.ts)', () => {
  /** Where a line is in the log (its first place), for the order of what two processes did. */
  const at = (log: string[], line: string, from = 0) => log.indexOf(line, from);

  it('Astro reads the pages once they are written, takes in the diagrams once drawn, and the book comes last', () => {
    const { status, log, output } = build(false);
    expect(status, output).toBe(0);
    expect(log.filter((l) => l.startsWith('pipeline'))).toEqual(['pipeline: pages written', 'pipeline: diagrams drawn', 'pipeline: ended']);
    expect(log.filter((l) => l.startsWith('astro'))).toEqual(['astro: content read', 'astro: diagrams taken in', 'astro: built']);
    expect(at(log, 'astro: content read')).toBeGreaterThan(at(log, 'pipeline: pages written'));
    expect(at(log, 'astro: diagrams taken in')).toBeGreaterThan(at(log, 'pipeline: diagrams drawn'));
    // The diagrams are taken in while the pipeline still checks the pages, not once it has ended.
    expect(at(log, 'astro: diagrams taken in')).toBeLessThan(at(log, 'pipeline: ended'));
    expect(log.at(-1)).toBe('book: printed');
  });

  it('pages written again (one did not compile as MDX): the Astro that read the old ones is stopped, another builds the new ones', () => {
    const { status, log, output } = build(true);
    expect(status, output).toBe(0);
    expect(output).toContain('Starting astro build again');
    // The first Astro never finished; the second read the pages written again, and it alone built.
    expect(log.filter((l) => l.startsWith('pipeline'))).toEqual(['pipeline: pages written', 'pipeline: diagrams drawn', 'pipeline: pages written again', 'pipeline: ended']);
    expect(log.filter((l) => l.startsWith('astro'))).toEqual(['astro: content read', 'astro: diagrams taken in', 'astro: content read', 'astro: diagrams taken in', 'astro: built']);
    const again = at(log, 'pipeline: pages written again');
    expect(at(log, 'astro: content read', at(log, 'astro: content read') + 1)).toBeGreaterThan(again);
    expect(log.at(-1)).toBe('book: printed');
  });

  it('a pipeline that fails ends the build with its code, and no book is printed', () => {
    const { status, log } = build(false, 3);
    expect(status).toBe(3);
    expect(log).not.toContain('astro: built');
    expect(log).not.toContain('book: printed');
  });
});

describe('the pipeline gives way to Astro once the pages are written (src/pipeline/background.ts)', () => {
  it.runIf(process.platform === 'linux')('every thread of the process, and every process it starts after, runs at the nice value asked for', () => {
    const script = `
      import { readdirSync, readFileSync } from 'node:fs';
      import { execFileSync } from 'node:child_process';
      const { runInBackground } = await import(${JSON.stringify(`${ROOT}src/pipeline/background.ts`)});
      const niceOf = (stat) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      const before = readdirSync('/proc/self/task').map((t) => niceOf(readFileSync('/proc/self/task/' + t + '/stat', 'utf8')));
      runInBackground(7);
      const after = readdirSync('/proc/self/task').map((t) => niceOf(readFileSync('/proc/self/task/' + t + '/stat', 'utf8')));
      const child = Number(execFileSync('sh', ['-c', 'cut -d" " -f19 /proc/$$/stat'], { encoding: 'utf8' }));
      console.log(JSON.stringify({ threads: before.length, after: [...new Set(after)], child }));
    `;
    const run = spawnSync(`${ROOT}node_modules/.bin/node`, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout) as { threads: number; after: number[]; child: number };
    // Node's own threads (V8's helpers, libuv's) are there from the start: each is set, not only the main one.
    expect(seen.threads).toBeGreaterThan(3);
    expect(seen).toMatchObject({ after: [7], child: 7 });
  });
});

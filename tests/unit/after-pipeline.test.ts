import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AFTER_PIPELINE_ENV, DRAWN_MESSAGE, PREPARED_MESSAGE, WAITING_DIAGRAMS_MESSAGE, WAITING_MESSAGE } from '../../src/site/after-pipeline.ts';
import { ROOT } from '../helpers/project-copy.ts';

/** What the pages' loader does (src/content.config.ts): wait, twice as two loads would, then say so. */
const CONFIG = `
const { afterPipeline } = await import(${JSON.stringify(`${ROOT}src/site/after-pipeline.ts`)});
await afterPipeline();
await afterPipeline();
console.log('content read');
`;
/** The loader, then the diagram component's load (astro.config.mjs), twice as two bundles would. */
const WITH_DIAGRAMS = `${CONFIG}
const { afterDiagrams } = await import(${JSON.stringify(`${ROOT}src/site/after-pipeline.ts`)});
await Promise.all([afterDiagrams(), afterDiagrams()]);
console.log('diagrams read');
`;
const node = `${ROOT}node_modules/.bin/node`;

/** A process that waits as astro build does when npm run build starts it, with the channel npm run build gives it. */
function astroUnderBuild(flag = '1', script = CONFIG): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(node, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, [AFTER_PIPELINE_ENV]: flag } });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  // Its exit and all it printed ('close' is not emitted once this side has cut the channel).
  const exit = Promise.all([once(child, 'exit'), once(child.stdout!, 'end'), once(child.stderr!, 'end')]).then(([[code]]) => code as number | null);
  return { child, output: () => output, exit };
}

describe('astro build started beside the pipeline waits for it (src/site/after-pipeline.ts)', () => {
  it('asks once, reads nothing until the answer, then goes on and ends by itself', async () => {
    const { child, output, exit } = astroUnderBuild();
    const asked: unknown[] = [];
    child.on('message', (message) => asked.push(message));
    await once(child, 'message');
    // The pipeline is still at work: Astro holds, however long that takes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(output()).toBe('');
    expect(child.exitCode).toBeNull();
    child.send(PREPARED_MESSAGE);
    expect(await exit).toBe(0);
    expect(output()).toBe('content read\n');
    expect(asked).toEqual([WAITING_MESSAGE]);
  });

  it('asks again before it takes in the diagrams, holds until the answer, then ends by itself', async () => {
    const { child, output, exit } = astroUnderBuild('1', WITH_DIAGRAMS);
    const asked: unknown[] = [];
    child.on('message', (message) => asked.push(message));
    await once(child, 'message');
    child.send(PREPARED_MESSAGE);
    await once(child, 'message');
    expect(asked).toEqual([WAITING_MESSAGE, WAITING_DIAGRAMS_MESSAGE]);
    // The diagrams are still being drawn: the pages are read, the diagrams not yet.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(output()).toBe('content read\n');
    expect(child.exitCode).toBeNull();
    child.send(DRAWN_MESSAGE);
    expect(await exit).toBe(0);
    expect(output()).toBe('content read\ndiagrams read\n');
    expect(asked).toEqual([WAITING_MESSAGE, WAITING_DIAGRAMS_MESSAGE]);
  });

  it.each([
    { when: 'without answering', script: CONFIG, answered: [], reason: 'the notes were prepared', unread: 'content read' },
    { when: 'before the diagrams are drawn', script: WITH_DIAGRAMS, answered: [PREPARED_MESSAGE], reason: 'the diagrams were drawn', unread: 'diagrams read' },
  ])('stops with the reason when the build goes away $when', async ({ script, answered, reason, unread }) => {
    const { child, output, exit } = astroUnderBuild('1', script);
    await once(child, 'message');
    for (const answer of answered) {
      child.send(answer);
      await once(child, 'message');
    }
    child.disconnect();
    expect(await exit).not.toBe(0);
    expect(output()).toContain(`npm run build ended before ${reason}.`);
    expect(output()).not.toContain(unread);
  });

  it('started any other way (astro build or dev alone, astro sync), it does not wait', async () => {
    const alone = spawnSync(node, ['--input-type=module', '-e', CONFIG], { encoding: 'utf8', env: { ...process.env, [AFTER_PIPELINE_ENV]: '1' } });
    expect(alone.stdout).toBe('content read\n');
    const { child, output, exit } = astroUnderBuild('');
    const asked: unknown[] = [];
    child.on('message', (message) => asked.push(message));
    expect(await exit).toBe(0);
    expect(output()).toBe('content read\n');
    expect(asked).toEqual([]);
  });
});

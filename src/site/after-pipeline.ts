/**
 * `npm run build` starts astro build while the pipeline is still writing content/ (src/build.ts):
 * Astro's own start (its modules, its integrations', its config, the bundler's setup) takes about
 * two seconds that the pipeline's work can fill. The pages' loader, the first thing that reads
 * content/ (src/content.config.ts), waits here until the build says the notes are prepared.
 * Started any other way (astro build or astro dev alone, astro sync), it does not wait.
 */

/** Set by npm run build on the astro build it starts beside the pipeline. */
export const AFTER_PIPELINE_ENV = 'HANDBOOK_AFTER_PIPELINE';
/** What Astro sends when it has come to the point where it reads content/. */
export const WAITING_MESSAGE = 'waiting';
/** What npm run build answers once the pipeline has written content/ (and Astro is waiting). */
export const PREPARED_MESSAGE = 'prepared';

const pending = Symbol.for('handbook.after-pipeline');
type Holder = { [pending]?: Promise<void> };

/**
 * Says {@link WAITING_MESSAGE} to npm run build and resolves on its answer,
 * {@link PREPARED_MESSAGE}; at once when this process was not started that way. The build answers
 * only what was asked, so no message can come before this process listens for it. One wait per
 * process, however often it is asked. Rejects when the build goes away without answering,
 * so Astro stops with a reason instead of waiting for ever.
 */
export function afterPipeline(): Promise<void> {
  if (process.env[AFTER_PIPELINE_ENV] !== '1' || !process.send) return Promise.resolve();
  const holder = globalThis as Holder;
  holder[pending] ??= new Promise<void>((resolve, reject) => {
    process.once('message', (message) => {
      // The channel would keep this process alive after the build.
      process.disconnect?.();
      if (message === PREPARED_MESSAGE) resolve();
      else reject(new Error(`npm run build sent ${JSON.stringify(message)} instead of ${JSON.stringify(PREPARED_MESSAGE)}.`));
    });
    process.once('disconnect', () => reject(new Error('npm run build ended before the notes were prepared.')));
    process.send?.(WAITING_MESSAGE);
  });
  return holder[pending];
}

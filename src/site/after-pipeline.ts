/**
 * `npm run build` starts astro build while the pipeline is still at work (src/build.ts): Astro's
 * own start (its modules, its integrations', its config, the bundler's setup) takes about two
 * seconds that the ingest can fill, and its bundling of the pages several more that the drawing
 * of the diagrams can fill. Two things wait here for the build's word:
 * - the pages' loader, the first thing that reads content/ (src/content.config.ts), until the
 *   notes are ingested;
 * - the diagram component's module, the only thing that reads content/diagrams/ (its SVGs are
 *   taken in when the bundler loads it: astro.config.mjs), until the diagrams are drawn.
 * Started any other way (astro build or astro dev alone, astro sync), nothing waits.
 */

/** Set by npm run build on the astro build it starts beside the pipeline. */
export const AFTER_PIPELINE_ENV = 'HANDBOOK_AFTER_PIPELINE';
/** What Astro sends when it has come to the point where it reads content/. */
export const WAITING_MESSAGE = 'waiting';
/** What npm run build answers once the pipeline has ingested the notes: content/ holds every page (the diagrams may still be drawing). */
export const PREPARED_MESSAGE = 'prepared';
/** What Astro sends when it is about to take in the drawn diagrams. */
export const WAITING_DIAGRAMS_MESSAGE = 'waiting for diagrams';
/** What npm run build answers once the pipeline has drawn the diagrams (its MDX check of the pages may go on). */
export const DRAWN_MESSAGE = 'drawn';

const ANSWERS = new Set([PREPARED_MESSAGE, DRAWN_MESSAGE]);
const pending = Symbol.for('handbook.after-pipeline');
type Holder = { [pending]?: Map<string, Promise<void>> };

/**
 * Sends `question` to npm run build and resolves on `answer`; at once when this process was not
 * started that way. The build answers only what was asked, so no answer can come before this
 * process listens for it. One wait per question and process, however often it is asked (the
 * promise is kept on globalThis: the config and the pages' modules are loaded apart). Rejects
 * when the build goes away without answering, so Astro stops with a reason instead of waiting for
 * ever. Once answered, it no longer listens: the channel then keeps nothing alive.
 */
function ask(question: string, answer: string, what: string): Promise<void> {
  if (process.env[AFTER_PIPELINE_ENV] !== '1' || !process.send) return Promise.resolve();
  const waits = ((globalThis as Holder)[pending] ??= new Map());
  const known = waits.get(question);
  if (known) return known;
  const wait = new Promise<void>((resolve, reject) => {
    const stop = () => {
      process.off('message', heard);
      process.off('disconnect', gone);
    };
    const heard = (message: unknown) => {
      if (message === answer) {
        stop();
        resolve();
      } else if (typeof message !== 'string' || !ANSWERS.has(message)) {
        stop();
        reject(new Error(`npm run build sent ${JSON.stringify(message)} instead of ${JSON.stringify(answer)}.`));
      }
    };
    const gone = () => {
      stop();
      reject(new Error(`npm run build ended before ${what}.`));
    };
    process.on('message', heard);
    process.on('disconnect', gone);
    process.send?.(question);
  });
  waits.set(question, wait);
  return wait;
}

/** Resolves once the pipeline has written the pages into content/. */
export const afterPipeline = (): Promise<void> => ask(WAITING_MESSAGE, PREPARED_MESSAGE, 'the notes were prepared');

/** Resolves once the pipeline has drawn the diagrams into content/diagrams/. */
export const afterDiagrams = (): Promise<void> => ask(WAITING_DIAGRAMS_MESSAGE, DRAWN_MESSAGE, 'the diagrams were drawn');

/**
 * What the pipeline's command line and its steps share, light enough to load before a step's own
 * modules: the folders, and the error a step ends with.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const contentDir = resolve(root, 'content');
/** Where the caches between runs live (note results, the MDX check, what the last prepare left). */
export const cacheDir = resolve(root, '.cache');
/** The MDX check's memory of page bodies that compile (emit/compile-mdx.ts). */
export const compiledFile = resolve(cacheDir, 'mdx-compiled.txt');

/** The notes folder: the one given, else HANDBOOK_SOURCES, else the content folder's sources/ (an empty value counts as none). */
export function sourcesDir(given?: string, content = contentDir): string {
  return resolve(given || process.env['HANDBOOK_SOURCES'] || resolve(content, 'sources'));
}

/**
 * What `cli.ts prepare` tells npm run build (src/build.ts) over its channel once the notes are
 * ingested and content/ holds every page: Astro may read them while the diagrams are drawn.
 */
export const INGESTED_MESSAGE = 'ingested';

/**
 * What `cli.ts prepare` tells npm run build once the diagrams are drawn into content/diagrams/:
 * Astro may take them in, while the pages are still compiled as MDX.
 */
export const DIAGRAMS_DRAWN_MESSAGE = 'diagrams drawn';

/**
 * What `cli.ts prepare` tells npm run build when it has written pages again after Astro began to
 * read them: a page did not compile as MDX, and the notes were ingested again with each part
 * compiled (ingestFolder's mdxCheck). Astro is started again on the mended pages.
 */
export const REWRITTEN_MESSAGE = 'rewritten';

/** A step that cannot go on: the message, and what to do about it. */
export class StepError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

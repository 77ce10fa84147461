import type { z } from 'zod';

/**
 * A file the pipeline wrote into content/, read the first time it is asked for and checked
 * against its contract in src/schema.ts: a file the site cannot read fails the build, naming the field.
 */
export function contentFile<T>(raw: string, schema: z.ZodType<T>): () => T {
  let cached: T | undefined;
  return () => (cached ??= schema.parse(JSON.parse(raw)));
}

import { parse } from 'yaml';
import raw from '../../content/taxonomy.yaml?raw';
import { taxonomySchema, type Taxonomy } from '../pipeline/rules/schemas.ts';

let cached: Taxonomy | undefined;

/** Chapter and group names for the site, from the same data file the pipeline uses. */
export function taxonomy(): Taxonomy {
  cached ??= taxonomySchema.parse(parse(raw));
  return cached;
}

import raw from '../../content/glossary.json?raw';
import { glossarySchema, type Glossary } from '../schema.ts';

let cached: Glossary | undefined;

/** The glossary: written by the pipeline from content/terms.yaml, checked against the contract. */
export function glossary(): Glossary {
  cached ??= glossarySchema.parse(JSON.parse(raw));
  return cached;
}

/** The id of the element that holds a term's definition on a page (the link's description). */
export const definitionId = (id: string): string => `term-def-${id}`;

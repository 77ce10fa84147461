import raw from '../../content/glossary.json?raw';
import { glossarySchema, type Glossary } from '../schema.ts';
import { contentFile } from './content-file.ts';

let byId: Map<string, Glossary['terms'][number]> | undefined;

/** The glossary: written by the pipeline from content/terms.yaml, checked against the contract. */
export const glossary = contentFile(raw, glossarySchema);

/** One entry by its id (every term link and tooltip on every page asks: one lookup table for all). */
export function glossaryEntry(id: string): Glossary['terms'][number] | undefined {
  byId ??= new Map(glossary().terms.map((t) => [t.id, t]));
  return byId.get(id);
}

/** The id of the element that holds a term's definition on a page (the link's description). */
export const definitionId = (id: string): string => `term-def-${id}`;

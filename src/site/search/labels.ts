import raw from '../../../content/search.json?raw';
import { searchDictSchema } from '../../schema.ts';

let cached: Record<string, string> | undefined;

/** The search box's strings (content/search.yaml, through content/search.json), read once per build. */
export function searchLabels(): Record<string, string> {
  cached ??= searchDictSchema.parse(JSON.parse(raw)).labels;
  return cached;
}

import raw from '../../../content/search.json?raw';
import { searchDictSchema } from '../../schema.ts';
import { contentFile } from '../content-file.ts';

const dict = contentFile(raw, searchDictSchema);

/** The search box's strings (content/search.yaml, through content/search.json), read once per build. */
export const searchLabels = (): Record<string, string> => dict().labels;

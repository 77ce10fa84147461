import raw from '../../content/ui.json?raw';
import { uiStringsSchema } from '../schema.ts';
import { contentFile } from './content-file.ts';

/** The site's own words (content/ui.yaml, through content/ui.json), checked against the contract once per build. */
export const ui = contentFile(raw, uiStringsSchema);

import raw from '../../content/chapters.json?raw';
import { chaptersSchema } from '../schema.ts';
import { contentFile } from './content-file.ts';

/** The chapters the site shows, with their groups: written by the pipeline, checked against the contract. */
export const shownChapters = contentFile(raw, chaptersSchema);

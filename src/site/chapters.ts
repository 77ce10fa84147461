import raw from '../../content/chapters.json?raw';
import { chaptersSchema, type Chapters } from '../schema.ts';

let cached: Chapters | undefined;

/** The chapters the site shows, with their groups: written by the pipeline, checked against the contract. */
export function shownChapters(): Chapters {
  cached ??= chaptersSchema.parse(JSON.parse(raw));
  return cached;
}

import raw from '../../content/ui.json?raw';
import { uiStringsSchema, type UiStrings } from '../schema.ts';

let cached: UiStrings | undefined;

/** The site's own words (content/ui.yaml, through content/ui.json), checked against the contract once per build. */
export function ui(): UiStrings {
  cached ??= uiStringsSchema.parse(JSON.parse(raw));
  return cached;
}

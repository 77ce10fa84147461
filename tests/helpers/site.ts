import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { htmlFiles as listHtmlFiles } from '../../src/pipeline/verify/html-files.ts';

export const siteDir = () => inject('siteDir');
export const siteBase = () => inject('siteBase');

/** Every HTML file of the built site (the test build unless another is named). */
export function htmlFiles(dir = siteDir()): string[] {
  return listHtmlFiles(dir);
}

/** The URL path (under the base) a built HTML file is served at. */
export function urlOf(file: string): string {
  return `${siteBase()}${file.replace(/index\.html$/, '')}`;
}

export function readHtml(file: string): string {
  return readFileSync(join(siteDir(), file), 'utf8');
}

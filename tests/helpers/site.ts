import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inject } from 'vitest';

export const siteDir = () => inject('siteDir');
export const siteBase = () => inject('siteBase');

/** Every HTML file of the built site, as paths relative to its root. */
export function htmlFiles(dir = siteDir()): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : walk(path);
      return name.endsWith('.html') ? [relative(dir, path)] : [];
    });
  return walk(dir).sort();
}

/** The URL path (under the base) a built HTML file is served at. */
export function urlOf(file: string): string {
  return `${siteBase()}${file.replace(/index\.html$/, '')}`;
}

export function readHtml(file: string): string {
  return readFileSync(join(siteDir(), file), 'utf8');
}

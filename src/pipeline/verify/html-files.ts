import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every HTML page of a built site, as sorted paths relative to its root (search index and bundles skipped). */
export function htmlFiles(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : walk(path);
      return name.endsWith('.html') ? [relative(dir, path)] : [];
    });
  return walk(dir).sort();
}

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { TITLES_FILE } from './name.ts';

interface Fragment {
  url: string;
  meta?: { title?: string };
  anchors?: { element: string; text: string }[];
}

/**
 * Written after Pagefind indexed the site (an `astro:build:done` step): for every page Pagefind
 * knows, its URL, title and h2 headings (the questions the page answers), keyed by the id a search
 * result carries. With it the search box ranks every result by what its title and headings name
 * and lists the results at once; it fetches a page's fragment (its excerpt) only when shown.
 */
export function writeSearchTitles(dist: string, base = '/'): { pages: number; bytes: number } {
  const dir = join(dist, 'pagefind', 'fragment');
  const titles: Record<string, [string, string, ...string[]]> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.pf_fragment')).sort()) {
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    // Pagefind's fragments are gzip of a signature followed by the page's JSON.
    const fragment = JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
    const headings = (fragment.anchors ?? []).filter((a) => a.element === 'h2').map((a) => a.text.trim());
    // Pagefind's URLs are from the site root; links on the site carry the base path (/<repository>/ on GitHub Pages).
    titles[name.replace(/\.pf_fragment$/, '')] = [`${base.replace(/\/$/, '')}${fragment.url}`, fragment.meta?.title ?? '', ...new Set(headings)];
  }
  const content = JSON.stringify(titles);
  writeFileSync(join(dist, 'pagefind', TITLES_FILE), content);
  return { pages: Object.keys(titles).length, bytes: Buffer.byteLength(content) };
}

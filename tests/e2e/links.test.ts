import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { htmlFiles, readHtml, siteBase, siteDir, urlOf } from '../helpers/site.ts';

const parser = unified().use(rehypeParse);

function idsOf(file: string): Set<string> {
  const tree = parser.parse(readHtml(file));
  return new Set(selectAll('[id]', tree).map((e) => String(e.properties['id'])));
}

/** The built file a URL path resolves to, the way GitHub Pages resolves it. */
function fileFor(path: string): string | undefined {
  const rel = decodeURIComponent(path.slice(siteBase().length));
  const candidates = [rel, join(rel, 'index.html'), `${rel}.html`];
  return candidates.find((c) => existsSync(join(siteDir(), c)) && statSync(join(siteDir(), c)).isFile());
}

describe(`built under BASE_PATH, every internal link resolves`, () => {
  it('links, anchors and assets', () => {
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(40);
    const broken: string[] = [];
    const idCache = new Map<string, Set<string>>();
    let checked = 0;
    for (const file of files) {
      const tree = parser.parse(readHtml(file));
      const pageUrl = new URL(urlOf(file), 'http://site.test');
      const refs = [
        ...selectAll('a[href]', tree).map((e: Element) => String(e.properties['href'])),
        ...selectAll('link[href]', tree).map((e: Element) => String(e.properties['href'])),
        ...selectAll('script[src], img[src]', tree).map((e: Element) => String(e.properties['src'])),
      ];
      for (const ref of refs) {
        const url = new URL(ref, pageUrl);
        if (url.host !== 'site.test') continue;
        checked++;
        if (!url.pathname.startsWith(siteBase())) {
          broken.push(`${file}: ${ref} (outside the base path)`);
          continue;
        }
        const target = fileFor(url.pathname);
        if (!target) {
          broken.push(`${file}: ${ref}`);
          continue;
        }
        const anchor = decodeURIComponent(url.hash.slice(1));
        if (anchor && target.endsWith('.html')) {
          if (!idCache.has(target)) idCache.set(target, idsOf(target));
          if (!idCache.get(target)?.has(anchor)) broken.push(`${file}: ${ref} (no #${anchor})`);
        }
      }
    }
    console.log(`internal links checked: ${checked} in ${files.length} pages; broken: ${broken.length}`);
    expect(broken).toEqual([]);
  });

  it('publishes the ingest report and a sitemap', () => {
    expect(existsSync(join(siteDir(), 'ingest-report.json'))).toBe(true);
    expect(existsSync(join(siteDir(), 'sitemap-index.xml'))).toBe(true);
    expect(existsSync(join(siteDir(), '404.html'))).toBe(true);
  });

  it('gives the 404 page links that work at any missing URL (they carry the base path)', () => {
    // GitHub Pages serves 404.html at the missing URL itself: a relative link would resolve against it.
    const page = parser.parse(readFileSync(join(siteDir(), '404.html'), 'utf8'));
    const hrefs = selectAll('.hero a[href]', page).map((a) => String((a as Element).properties['href']));
    expect(hrefs).toEqual([siteBase(), `${siteBase()}questions/`]);
  });
});

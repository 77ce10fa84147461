import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { htmlFiles, readHtml, siteBase, siteDir, urlOf } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { QUERIES } from './search-queries.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveStatic(siteDir(), siteBase());
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Hit {
  url: string;
  title: string;
}

/** Runs queries through the real Pagefind index of the built site, in the browser. */
async function search(queries: string[], depth = 3): Promise<Hit[][]> {
  // A string, so the test runner does not rewrite the dynamic import meant for the browser.
  const script = `(async () => {
    const pagefind = await import(${JSON.stringify(`${siteBase()}pagefind/pagefind.js`)});
    await pagefind.init();
    const out = [];
    for (const q of ${JSON.stringify(queries)}) {
      const result = await pagefind.search(q);
      const top = await Promise.all(result.results.slice(0, ${depth}).map((r) => r.data()));
      out.push(top.map((d) => ({ url: d.url, title: d.meta.title })));
    }
    return out;
  })()`;
  return (await page.evaluate(script)) as Hit[][];
}

/** Pairs of a page and another name of a glossary term it links, a name its text never uses. */
function aliasQueries(): { query: string; url: string }[] {
  const pairs: { query: string; url: string }[] = [];
  for (const file of htmlFiles()) {
    const html = readHtml(file);
    // The page's text, without the hidden definitions (which name the aliases).
    const text = (html.split('<div class="term-defs"')[0] ?? '').replace(/<[^>]+>/g, ' ').toLowerCase();
    for (const m of html.matchAll(/<a class="term"[^>]* data-aliases="([^"]+)"/g)) {
      const alias = (m[1] ?? '').split(' ').find((a) => a.length >= 3 && /^[\p{Script=Han}A-Za-z]+$/u.test(a) && !text.includes(a.toLowerCase()));
      if (alias) pairs.push({ query: alias, url: urlOf(file) });
    }
  }
  // Names that many pages share say little about one page: the rarest first.
  const count = new Map<string, number>();
  for (const p of pairs) count.set(p.query, (count.get(p.query) ?? 0) + 1);
  return pairs.filter((p) => count.get(p.query) === 1).slice(0, 12);
}

describe('Chinese search (Pagefind on the built site, real Chromium)', () => {
  it('finds a page by another name of a term it mentions (中文 ↔ English, abbreviations)', async () => {
    const pairs = aliasQueries();
    expect(pairs.length).toBeGreaterThanOrEqual(8);
    const hits = await search(pairs.map((p) => p.query), 10);
    const misses = pairs.filter((p, i) => !(hits[i] ?? []).some((h) => h.url === p.url)).map((p) => `${p.query} → ${p.url}`);
    expect(misses).toEqual([]);
  });

  it(`recall@3 ≥ 95% on ${QUERIES.length} queries`, async () => {
    const hits = await search(QUERIES.map((q) => q.query));
    const misses: string[] = [];
    QUERIES.forEach(({ query, page: expected }, i) => {
      const top = hits[i] ?? [];
      const found = top.some((h) => h.url.replace(/\/$/, '').split('/').pop() === expected || h.title.includes(expected));
      if (!found) misses.push(`${query} → wanted ${expected}, got ${top.map((h) => h.title).join(' | ') || 'nothing'}`);
    });
    const recall = (QUERIES.length - misses.length) / QUERIES.length;
    console.log(`search recall@3: ${QUERIES.length - misses.length}/${QUERIES.length} = ${(recall * 100).toFixed(1)}%`);
    if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
    expect(QUERIES.length).toBeGreaterThanOrEqual(30);
    // The home page and the chapter indexes are ways in, never answers.
    const entrances = hits.flat().filter((h) => new RegExp(`^${siteBase()}((components|networking|storage|security|ecosystem)/)?$`).test(h.url));
    expect(entrances.map((h) => h.url)).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('the search dialog finds a Chinese query and a click lands on the section', async () => {
    const p = await browser.newPage();
    await p.goto(server.url);
    await p.click('site-search button[data-open-modal]');
    await p.fill('#starlight__search input', '网络策略原理');
    const result = p.locator('#starlight__search .pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    await result.click();
    await p.waitForURL(/networking\/network-policy\//);
    expect(decodeURIComponent(p.url())).toMatch(/network-policy\/#?/);
    await expect.poll(() => p.locator('h1').textContent()).toContain('网络策略');
    await p.close();
  });

  it('the search dialog speaks Chinese: result count, load more, no results, clear', async () => {
    const p = await browser.newPage();
    await p.goto(server.url);
    await p.click('site-search button[data-open-modal]');
    await p.fill('#starlight__search input', 'Pod');
    const message = p.locator('#starlight__search .pagefind-ui__message');
    await expect.poll(() => message.textContent(), { timeout: 15_000 }).toMatch(/^找到 \d+ 条与「Pod」相关的结果$/);
    expect(await p.locator('#starlight__search .pagefind-ui__button').first().textContent()).toBe('加载更多结果');
    expect(await p.locator('#starlight__search .pagefind-ui__search-clear').textContent()).toBe('清除');
    await p.fill('#starlight__search input', 'zzqqxx');
    await expect.poll(() => message.textContent(), { timeout: 15_000 }).toBe('没有找到与「zzqqxx」相关的结果');
    await p.close();
  });
});

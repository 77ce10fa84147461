import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { siteDir, siteBase } from '../helpers/site.ts';
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
async function search(queries: string[]): Promise<Hit[][]> {
  // A string, so the test runner does not rewrite the dynamic import meant for the browser.
  const script = `(async () => {
    const pagefind = await import(${JSON.stringify(`${siteBase()}pagefind/pagefind.js`)});
    await pagefind.init();
    const out = [];
    for (const q of ${JSON.stringify(queries)}) {
      const result = await pagefind.search(q);
      const top = await Promise.all(result.results.slice(0, 3).map((r) => r.data()));
      out.push(top.map((d) => ({ url: d.url, title: d.meta.title })));
    }
    return out;
  })()`;
  return (await page.evaluate(script)) as Hit[][];
}

describe('Chinese search (Pagefind on the built site, real Chromium)', () => {
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

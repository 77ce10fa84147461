import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageWeight } from '../../bench/site-weight.ts';
import { glossarySchema } from '../../src/schema.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { askSearchBox, recall, type Answer } from '../helpers/search-box.ts';
import { htmlFiles, readHtml, siteBase, siteDir, urlOf } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { NATURAL } from '../search/bundled-questions.ts';
import { KEYWORDS } from '../search/keyword-queries.ts';

let server: StaticServer;
let browser: Browser;
const answers = new Map<string, Answer>();

beforeAll(async () => {
  server = await serveStatic(siteDir(), siteBase());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const startPage = () => `${server.url}components/etcd/`;

async function ask(queries: string[]): Promise<Answer[]> {
  const list = await askSearchBox(browser, startPage(), queries);
  for (const a of list) answers.set(a.query, a);
  return list;
}

/** Pairs of a page and another name of a glossary term it links, a name its text never uses. */
function aliasQueries(): { query: string; url: string }[] {
  const glossary = glossarySchema.parse(JSON.parse(readFileSync(new URL('../../content/glossary.json', import.meta.url), 'utf8')));
  const names = new Map(glossary.terms.map((t) => [t.id, [t.name, ...t.aliases]]));
  const pairs: { query: string; url: string }[] = [];
  for (const file of htmlFiles()) {
    const html = readHtml(file);
    // The page's text, without the hidden definitions (which name the aliases).
    const text = (html.split('<div class="term-defs"')[0] ?? '').replace(/<[^>]+>/g, ' ').toLowerCase();
    for (const m of html.matchAll(/<a class="term"[^>]* data-term="([^"]+)"/g)) {
      const alias = (names.get(m[1] ?? '') ?? []).find((a) => a.length >= 3 && /^[\p{Script=Han}A-Za-z]+$/u.test(a) && !text.includes(a.toLowerCase()));
      if (alias) pairs.push({ query: alias, url: urlOf(file) });
    }
  }
  // Names that many pages share say little about one page: the rarest first.
  const count = new Map<string, number>();
  for (const p of pairs) count.set(p.query, (count.get(p.query) ?? 0) + 1);
  return pairs.filter((p) => count.get(p.query) === 1).slice(0, 12);
}

describe('the search box answers a learner’s questions (real Chromium, real Pagefind index)', () => {
  it(`recall@3 ≥ 90% on ${NATURAL.length} natural questions, none without results`, async () => {
    const r = recall(NATURAL, await ask(NATURAL.map((q) => q.query)));
    console.log(`search recall@3, natural questions: ${r.found}/${NATURAL.length} = ${((r.found / NATURAL.length) * 100).toFixed(1)}%`);
    if (r.misses.length) console.log(`misses:\n  ${r.misses.join('\n  ')}`);
    expect(NATURAL.length).toBeGreaterThanOrEqual(60);
    expect(r.empty).toEqual([]);
    expect(r.found / NATURAL.length).toBeGreaterThanOrEqual(0.9);
  });

  it(`recall@3 = 100% on ${KEYWORDS.length} keyword queries`, async () => {
    const r = recall(KEYWORDS, await ask(KEYWORDS.map((q) => q.query)));
    console.log(`search recall@3, keywords: ${r.found}/${KEYWORDS.length} = ${((r.found / KEYWORDS.length) * 100).toFixed(1)}%`);
    expect(r.misses).toEqual([]);
    expect(r.empty).toEqual([]);
  });

  it('never offers the home page or a chapter index as an answer', () => {
    expect(answers.size).toBeGreaterThanOrEqual(100);
    const entrances = [...answers.values()].flatMap((a) => a.top.map((t) => t.url)).filter((url) => new RegExp(`^${siteBase()}((components|networking|storage|security|ecosystem)/)?$`).test(url));
    expect(entrances).toEqual([]);
  });

  it('finds a page by another name of a term it mentions (中文 ↔ English, abbreviations)', async () => {
    const pairs = aliasQueries();
    expect(pairs.length).toBeGreaterThanOrEqual(8);
    const found = await askSearchBox(browser, startPage(), pairs.map((p) => p.query), 8);
    const misses = pairs.filter((p, i) => !(found[i]?.top ?? []).some((t) => t.url === p.url)).map((p) => `${p.query} → ${p.url}`);
    expect(misses).toEqual([]);
  });
});

describe('the search dialog', () => {
  it('weighs little on every page: a chapter page loads at most 12 KB gzip of scripts before any search', () => {
    // The dictionary, Pagefind and the titles file come when the box first opens; no validator ships.
    const weight = pageWeight(siteDir(), siteBase(), 'components/etcd/index.html');
    expect(weight.jsGz).toBeLessThanOrEqual(12 * 1024);
  });

  it('speaks Chinese: result count, load more, no results, clear, close; no English string', async () => {
    const p = await browser.newPage();
    await p.goto(startPage());
    await p.click('handbook-search button[data-open-search]');
    await p.fill('handbook-search input', 'Pod');
    await p.waitForFunction(() => document.querySelector<HTMLElement>('handbook-search')?.dataset.state === 'found');
    expect(await p.locator('handbook-search .search-status').textContent()).toMatch(/^找到 \d+ 个与「Pod」相关的页面$/);
    expect(await p.locator('handbook-search .search-more').textContent()).toBe('加载更多结果');
    expect(await p.locator('handbook-search .search-more').isVisible()).toBe(true);
    expect(await p.locator('handbook-search .search-clear').textContent()).toBe('清除');
    expect(await p.locator('handbook-search .search-close').textContent()).toBe('关闭');
    // Every string of the dialog's own (the query and the results aside) is Chinese.
    const chrome = await p.evaluate(() => {
      const root = document.querySelector('handbook-search');
      const texts = [...(root?.querySelectorAll('button, .search-status, .search-notes, label') ?? [])].map((e) => e.textContent ?? '');
      const attrs = [...(root?.querySelectorAll('[placeholder], [aria-label]') ?? [])].flatMap((e) => [e.getAttribute('placeholder') ?? '', e.getAttribute('aria-label') ?? '']);
      return [...texts, ...attrs].map((t) => t.replace(/「[^」]*」/g, '').replace(/Ctrl|K/g, ''));
    });
    expect(chrome.filter((t) => /[A-Za-z]{2,}/.test(t))).toEqual([]);
    const listed = await p.locator('handbook-search .search-result').count();
    await p.click('handbook-search .search-more');
    await expect.poll(() => p.locator('handbook-search .search-result').count()).toBeGreaterThan(listed);
    // Excerpts come as results scroll into view: the first has one, one far down has none yet.
    await expect.poll(() => p.locator('handbook-search .search-result').first().locator(':scope > .search-excerpt').count()).toBe(1);
    expect(await p.locator('handbook-search .search-result').last().locator(':scope > .search-excerpt').count()).toBe(0);
    await p.fill('handbook-search input', 'zzqqxx');
    await p.waitForFunction(() => document.querySelector<HTMLElement>('handbook-search')?.dataset.state === 'none');
    expect(await p.locator('handbook-search .search-status').textContent()).toBe('没有找到与「zzqqxx」相关的结果');
    await p.click('handbook-search .search-clear');
    expect(await p.locator('handbook-search input').inputValue()).toBe('');
    await p.close();
  });

  it('says what it left out, what else it searched, and when no page holds every word', async () => {
    const [plain, partial] = await askSearchBox(browser, startPage(), ['pv 是什么', 'calico zzqqxx']);
    expect(plain?.state).toBe('found');
    expect(plain?.notes).toContain('已忽略：是什么');
    expect(plain?.notes).toMatch(/同时搜索了：.*持久卷/);
    expect(partial?.state).toBe('partial');
    expect(partial?.notes).toContain('没有同时包含全部词语的结果，以下为部分匹配');
    expect(partial?.top[0]?.title).toBe('Calico');
  });

  it('opens with Ctrl+K, moves with the arrow keys, and a result opens the page with the words marked', async () => {
    const p = await browser.newPage();
    await p.goto(startPage());
    await p.keyboard.press('Control+k');
    await expect.poll(() => p.evaluate(() => document.activeElement?.matches('handbook-search input'))).toBe(true);
    await p.keyboard.type('网络策略原理');
    await p.waitForFunction(() => document.querySelector<HTMLElement>('handbook-search')?.dataset.state === 'found');
    await p.keyboard.press('ArrowDown');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toContain('网络策略');
    await p.keyboard.press('Enter');
    await p.waitForURL(/networking\/network-policy\/\?hl=/);
    const marks = await p.locator('.sl-markdown-content mark.search-hit').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks).toContain('网络策略');
    await p.keyboard.press('Control+k');
    await p.keyboard.press('Escape');
    expect(await p.locator('handbook-search dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await p.close();
  });
});

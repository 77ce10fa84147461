import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../helpers/site.ts';
import { servedSite } from '../helpers/served-site.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

const site = servedSite();

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await site.browser.newPage({ viewport });
  await page.goto(site.server.url + path);
  return page;
}

describe('the handbook in a browser', () => {
  it('home page: what it is, a card per chapter with topic counts, the four chapters in the sidebar in order', async () => {
    const page = await open('');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('h1').first().textContent()).toContain('Kubernetes 学习手册');
    const cards = await page.locator('.card .title').allTextContents();
    expect(cards.map((c) => c.replace(/（.*/, '').trim())).toEqual(['组件与资源对象', '网络', '存储', '安全']);
    for (const card of cards) expect(card).toMatch(/（\d+ 个主题）/);
    await page.close();
    const chapter = await open('networking/');
    const groups = await chapter.locator('nav.sidebar details > summary .group-label').allTextContents();
    const top = groups.map((g) => g.trim()).filter((g) => ['组件与资源对象', '网络', '存储', '安全'].includes(g));
    expect(top).toEqual(['组件与资源对象', '网络', '存储', '安全']);
    expect(await chapter.locator('.chapter-index li a').count()).toBeGreaterThan(3);
    await chapter.close();
  });

  it('a topic page: provenance, table of contents, prev/next, copy button on code', async () => {
    const page = await open('components/etcd/');
    expect(await page.locator('.provenance').textContent()).toContain('002_6466444e8c26ab99.txt');
    expect(await page.locator('starlight-toc a').count()).toBeGreaterThan(1);
    expect(await page.locator('.pagination-links a').count()).toBeGreaterThan(0);
    await page.close();
    // One question, nothing to navigate: no table of contents.
    const single = await open('components/daemonset/');
    expect(await single.locator('h2').count()).toBeLessThan(2);
    expect(await single.locator('starlight-toc').count()).toBe(0);
    await single.close();
    const code = await open('networking/calico/');
    expect(await code.locator('.expressive-code .copy button').count()).toBeGreaterThan(0);
    await code.close();
  });

  it('a picture standing between blocks is spaced from them as a block is (its link is no inline gap)', async () => {
    const page = await open('components/components-overview/');
    // Every picture of the site is on the web: here each is answered with a small picture of known size.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#888"/></svg>' }));
    await page.reload();
    const gaps = await page.evaluate(() =>
      [...document.querySelectorAll('.sl-markdown-content > a.note-image')].map((a) => {
        const box = a.getBoundingClientRect();
        const before = a.previousElementSibling?.getBoundingClientRect();
        const after = a.nextElementSibling?.getBoundingClientRect();
        return { above: before ? box.top - before.bottom : undefined, below: after ? after.top - box.bottom : undefined, display: getComputedStyle(a).display };
      }),
    );
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) {
      expect(gap.display).toBe('block');
      if (gap.above !== undefined) expect(gap.above).toBeGreaterThanOrEqual(16);
      if (gap.below !== undefined) expect(gap.below).toBeGreaterThanOrEqual(16);
    }
    await page.close();
  });

  it('dark mode: the theme toggle switches the page colours', async () => {
    const page = await open('components/etcd/');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.selectOption('starlight-theme-select select', 'light');
    const light = await background();
    await page.selectOption('starlight-theme-select select', 'dark');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await background()).not.toBe(light);
    await page.close();
  });

  it('mobile: the menu opens the sidebar and a link in it navigates', async () => {
    const page = await open('components/', { width: 375, height: 800 });
    const menu = page.locator('button[popovertarget="starlight__sidebar"]');
    await menu.click();
    const link = page.locator('nav.sidebar a', { hasText: '问题索引' }).first();
    await link.waitFor({ state: 'visible' });
    await link.click();
    await page.waitForURL(/questions\/$/);
    expect(await page.locator('.question-index li').count()).toBeGreaterThan(50);
    await page.close();
  });

  it('no console errors and no failed requests to the site on any page', async () => {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    let current = '';
    page.on('pageerror', (e) => errors.push(`${current}: ${e.message}`));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const origin = msg.location().url;
      // Pictures a note links on another host cannot load on this closed network.
      if (origin && !origin.startsWith(site.server.url.replace(/\/[^/]*\/$/, ''))) return;
      errors.push(`${current}: ${msg.text()}`);
    });
    page.on('response', (r) => {
      if (r.url().startsWith(site.server.url) && r.status() >= 400) errors.push(`${current}: ${r.status()} ${r.url()}`);
    });
    const files = htmlFiles().filter((f) => f !== '404.html');
    for (const file of files) {
      current = file;
      await page.goto(site.server.url + file.replace(/index\.html$/, ''), { waitUntil: 'load' });
    }
    await page.close();
    expect(files.length).toBeGreaterThan(40);
    expect(errors).toEqual([]);
  });

  it('axe-core: no serious or critical accessibility violations', async () => {
    const pages = ['', 'components/', 'components/etcd/', 'security/rbac/', 'questions/', 'report/'];
    const found: string[] = [];
    for (const path of pages) {
      for (const theme of ['light', 'dark']) {
        const page = await open(path);
        await page.evaluate((t) => localStorage.setItem('starlight-theme', t), theme);
        await page.reload();
        if (path === 'components/etcd/') {
          // The search dialog open, with results and their excerpts, as a reader sees it.
          await page.click('handbook-search button[data-open-search]');
          await page.fill('handbook-search input', 'pv 和 pvc 的区别');
          await page.locator('handbook-search .search-result[data-loaded]').first().waitFor();
        }
        await page.addScriptTag({ path: AXE });
        const violations = (await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run(document);
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
        })) as { id: string; impact: string; nodes: number }[];
        for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`/${path} (${theme}): ${v.id} ×${v.nodes}`);
        await page.close();
      }
    }
    expect(found).toEqual([]);
  });
});

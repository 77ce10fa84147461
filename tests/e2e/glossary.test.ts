import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossarySchema } from '../../src/schema.ts';
import { CONTENT_DIR } from '../helpers/rules.ts';
import { servedSite } from '../helpers/served-site.ts';
import { htmlFiles, readHtml, siteBase } from '../helpers/site.ts';

const site = servedSite();
const glossary = glossarySchema.parse(JSON.parse(readFileSync(`${CONTENT_DIR}glossary.json`, 'utf8')));

describe('the glossary page and the term links', () => {
  it('lists every term (at least 120) with its own anchor, and every term link on every page leads to one, once per page', () => {
    const html = readHtml('glossary/index.html');
    const ids = [...html.matchAll(/<div class="glossary-entry" id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(120);
    expect(ids).toEqual(glossary.terms.map((t) => t.id));
    let links = 0;
    for (const file of htmlFiles()) {
      const page = readHtml(file);
      const linked = [...page.matchAll(/<a class="term" href="([^"]+)" data-term="([^"]+)" aria-describedby="([^"]+)"/g)];
      links += linked.length;
      const terms = linked.map((m) => m[2]);
      expect(new Set(terms).size, file).toBe(terms.length);
      for (const [, href, id, described] of linked) {
        expect(href).toBe(`${siteBase()}glossary/#${id}`);
        expect(ids).toContain(id);
        expect(page, `${file}: the definition of ${id}`).toContain(`<div id="${described}">`);
      }
    }
    expect(links).toBeGreaterThan(100);
  });

  it('shows a term’s definition as a tooltip on hover and on keyboard focus, closes it with Esc, and moves no text', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.server.url}networking/kube-proxy/`);
    await page.evaluate(() => {
      (window as unknown as { shift: number }).shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) (window as unknown as { shift: number }).shift += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: false });
    });
    const term = page.locator('a.term').first();
    const id = (await term.getAttribute('data-term')) ?? '';
    const entry = glossary.terms.find((t) => t.id === id);
    const tip = page.getByRole('tooltip');
    await term.scrollIntoViewIfNeeded();
    const before = await page.locator('.sl-markdown-content').boundingBox();

    await term.hover();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(entry?.definition);
    expect(await tip.textContent()).toContain(entry?.name);
    expect(await page.locator('.sl-markdown-content').boundingBox()).toEqual(before);
    const box = await tip.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 1280).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.mouse.move(5, 5);

    // Keyboard: Tab until a term link has the focus.
    await page.locator('main h1').click();
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.matches('a.term') ?? false)); i++) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement).dataset['term']);
    expect(focused).toBeTruthy();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(glossary.terms.find((t) => t.id === focused)?.definition);
    // Screen readers get the same text: the link is described by the definition.
    const description = await page.evaluate(() => {
      const link = document.activeElement as HTMLElement;
      return document.getElementById(link.getAttribute('aria-describedby') ?? '')?.textContent;
    });
    expect(description).toContain(glossary.terms.find((t) => t.id === focused)?.definition);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.matches('a.term'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0);

    // Following the link lands on the entry.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/glossary\/#/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(focused);
    await page.close();
  });

  it('keeps the definitions hidden and out of the search index', () => {
    const html = readHtml('networking/kube-proxy/index.html');
    expect(html).toMatch(/<div class="term-defs" hidden data-pagefind-ignore>/);
  });
});

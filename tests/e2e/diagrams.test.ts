import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { CONTENT_DIR } from '../helpers/rules.ts';
import { siteBase, siteDir } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];

const report = JSON.parse(readFileSync(`${CONTENT_DIR}ingest-report.json`, 'utf8')) as { diagrams: { made: boolean; kind: string; page: string; source: string }[] };
/** Every page with a diagram, and the one with the Pod-creation sequence diagram of the plain-text note. */
const diagramPages = [...new Set(report.diagrams.filter((d) => d.made).map((d) => d.page))].sort();
const target = report.diagrams.find((d) => d.made && d.kind === 'sequence' && d.source.startsWith('004'))?.page ?? '';
/** A page with a picture in its text. */
const imagePage = 'components/kubernetes-overview';

beforeAll(async () => {
  server = await serveStatic(siteDir(), siteBase());
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${server.url}${target}/`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const svg = () => page.locator('figure.diagram svg').first();

/** The smallest label on the page as drawn, in CSS pixels: font size × the scale the SVG is shown at. */
function smallestLabels(p: Page) {
  return p.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>('figure.diagram svg')].map((s) => {
      const frame = s.parentElement as HTMLElement;
      const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
      const sizes = [...s.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim()).map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale);
      return { id: s.id, smallest: Math.min(...sizes), labels: sizes.length, scale, scrolls: frame.scrollWidth > frame.clientWidth + 1 };
    }),
  );
}

describe('diagrams on the built site', () => {
  it('are figures named by their caption, one inline SVG each, with real text', async () => {
    expect(target).not.toBe('');
    const figure = page.locator('figure.diagram').first();
    await expect.poll(() => figure.isVisible()).toBe(true);
    const labelledBy = await figure.getAttribute('aria-labelledby');
    expect((await page.locator(`#${labelledBy}`).textContent())?.trim()).toMatch(/^图：.+/);
    expect(await figure.locator('svg').count()).toBe(1);
    const text = await svg().locator('text').allTextContents();
    for (const actor of ['kubectl', 'kube-apiserver', 'etcd', 'kubelet']) expect(text.join(' ')).toContain(actor);
    // Numbered like the steps beside it, nothing cut.
    expect(text.join(' ')).toMatch(/1\. .*10\. /s);
    expect(text.join(' ')).not.toContain('…');
  });

  it('text stays inside its boxes', async () => {
    const overflow = await svg().evaluate((s) => {
      const out: string[] = [];
      let checked = 0;
      for (const group of s.querySelectorAll('g')) {
        const rect = group.querySelector(':scope > rect');
        const text = group.querySelector(':scope > text');
        if (!rect || !text) continue;
        checked++;
        const r = (rect as SVGGraphicsElement).getBBox();
        const t = (text as SVGGraphicsElement).getBBox();
        if (t.width > r.width + 1 || t.height > r.height + 1) out.push(`${text.textContent}: ${t.width.toFixed(0)}×${t.height.toFixed(0)} in ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
      }
      return { checked, out };
    });
    expect(overflow.checked).toBeGreaterThan(3);
    expect(overflow.out).toEqual([]);
  });

  it('follow the theme toggle with one SVG: its colours change, nothing is swapped', async () => {
    const colours = () => svg().evaluate((s) => getComputedStyle(s.querySelector('rect') as Element).fill);
    await page.selectOption('starlight-theme-select select', 'light');
    const light = await colours();
    const id = await svg().getAttribute('id');
    await page.selectOption('starlight-theme-select select', 'dark');
    expect(await svg().getAttribute('id')).toBe(id);
    expect(await colours()).not.toBe(light);
    await page.selectOption('starlight-theme-select select', 'light');
  });

  it('no label under 12 px at 1280 px wide; on a 390 px phone, at full size and scrolling sideways when wider', async () => {
    expect(diagramPages.length).toBeGreaterThan(3);
    const small: string[] = [];
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      const p = await browser.newPage({ viewport: { width, height } });
      for (const path of diagramPages) {
        await p.goto(`${server.url}${path}/`);
        for (const d of await smallestLabels(p)) {
          expect(d.labels, `${path} ${d.id}`).toBeGreaterThan(0);
          if (d.smallest < 12 && !(width < 500 && d.scrolls && d.scale > 0.99)) small.push(`${width}px ${path} ${d.id}: ${d.smallest.toFixed(1)} px`);
        }
      }
      await p.close();
    }
    expect(small).toEqual([]);
  });

  it('load no Mermaid runtime and leave no Mermaid code on the page', async () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => /mermaid/i.test(url))).toEqual([]);
    expect(await page.content()).not.toMatch(/sequenceDiagram|flowchart (TD|LR)/);
  });
});

describe('the full-screen viewer', () => {
  const viewer = () => page.locator('dialog.zoom-viewer');
  const scale = () => page.locator('.zoom-content').evaluate((c) => new DOMMatrix(getComputedStyle(c).transform).a);
  const offset = () => page.locator('.zoom-content').evaluate((c) => new DOMMatrix(getComputedStyle(c).transform).e);

  it('opens a diagram with the keyboard, zooms with + and −, closes with Esc and gives the focus back', async () => {
    await page.goto(`${server.url}${target}/`);
    const button = page.locator('figure.diagram').first().getByRole('button', { name: '全屏查看' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => viewer().isVisible()).toBe(true);
    expect(await viewer().locator('svg text').count()).toBeGreaterThan(5);
    const fitted = await scale();
    await page.keyboard.press('+');
    expect(await scale()).toBeGreaterThan(fitted);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    expect(await scale()).toBeLessThan(fitted);
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer().isVisible()).toBe(false);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  it('opens a diagram on a click on the diagram itself', async () => {
    await page.locator('figure.diagram .diagram-frame').first().click();
    await expect.poll(() => viewer().isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer().isVisible()).toBe(false);
  });

  it('opens a picture with the pointer, zooms with the wheel, pans by dragging, closes with its button', async () => {
    // The notes' pictures are on other hosts, out of reach here: each is answered with a 400×300 picture.
    await page.route(/\.(png|jpe?g|gif|webp)(\?.*)?$/i, (route) =>
      route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#3a7"/></svg>' }),
    );
    await page.goto(`${server.url}${imagePage}/`);
    // Pictures load lazily: the first one is brought into view so that it has its size.
    const image = page.locator('.sl-markdown-content [data-zoomable] img').first();
    await image.evaluate((i) => i.scrollIntoView());
    await expect.poll(() => image.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(400);
    await image.click();
    await expect.poll(() => viewer().isVisible()).toBe(true);
    expect(await viewer().locator('img').count()).toBe(1);
    expect(await viewer().getAttribute('aria-label')).toMatch(/^全屏查看图片/);
    const before = await scale();
    await page.mouse.move(400, 400);
    await page.mouse.wheel(0, -200);
    await expect.poll(scale).toBeGreaterThan(before);
    const x = await offset();
    await page.mouse.down();
    await page.mouse.move(520, 420, { steps: 4 });
    await page.mouse.up();
    expect(await offset()).toBeCloseTo(x + 120, 0);
    await viewer().getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => viewer().isVisible()).toBe(false);
  });
});

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

/** The page holding the Pod-creation sequence diagram of the plain-text note. */
const report = JSON.parse(readFileSync(`${CONTENT_DIR}ingest-report.json`, 'utf8')) as { diagrams: { made: boolean; kind: string; page: string; source: string }[] };
const target = report.diagrams.find((d) => d.made && d.kind === 'sequence' && d.source.startsWith('004'))?.page ?? '';

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

const visibleSvg = () => page.locator('figure.diagram svg:visible').first();

describe('diagrams on the built site', () => {
  it('are figures with a caption as accessible name, drawn as inline SVG with real text', async () => {
    expect(target).not.toBe('');
    const figure = page.locator('figure.diagram').first();
    await expect.poll(() => figure.isVisible()).toBe(true);
    const labelledBy = await figure.getAttribute('aria-labelledby');
    expect((await page.locator(`#${labelledBy}`).textContent())?.trim()).toMatch(/^图：.+/);
    const text = await visibleSvg().locator('text').allTextContents();
    for (const actor of ['kubectl', 'kube-apiserver', 'etcd', 'kubelet']) expect(text.join(' ')).toContain(actor);
  });

  it('text stays inside its boxes', async () => {
    const overflow = await visibleSvg().evaluate((svg) => {
      const out: string[] = [];
      let checked = 0;
      for (const group of svg.querySelectorAll('g')) {
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

  it('follow the theme toggle', async () => {
    const colours = () => visibleSvg().evaluate((svg) => getComputedStyle(svg.querySelector('rect') as Element).fill);
    await page.selectOption('starlight-theme-select select', 'light');
    const light = await colours();
    const lightId = await visibleSvg().getAttribute('id');
    await page.selectOption('starlight-theme-select select', 'dark');
    expect(await visibleSvg().getAttribute('id')).not.toBe(lightId);
    expect(await colours()).not.toBe(light);
  });

  it('load no Mermaid runtime', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => /mermaid/i.test(url))).toEqual([]);
  });
});

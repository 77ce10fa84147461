import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { CHROMIUM, CHROMIUM_ARGS, launchChromium as launchBrowser } from '../src/pipeline/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

/** Opens the search dialog, types a query, waits for results; sums what the browser fetched for it. */
export async function measureFirstSearch(dist: string, query: string): Promise<{ bytes: number; requests: number }> {
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(`${server.url}components/etcd/`, { waitUntil: 'networkidle' });
  let bytes = 0;
  let requests = 0;
  page.on('response', async (r) => {
    if (!r.url().includes('/pagefind/')) return;
    requests++;
    bytes += (await r.body().catch(() => Buffer.alloc(0))).length;
  });
  await page.click('site-search button[data-open-modal]');
  await page.fill('#starlight__search input', query);
  await page.locator('#starlight__search .pagefind-ui__result-link').first().waitFor();
  await page.waitForLoadState('networkidle');
  await browser.close();
  await server.close();
  return { bytes, requests };
}

/** Lighthouse (mobile form factor, its defaults) against a page served on loopback. */
export async function lighthouseScores(dist: string, path: string): Promise<Record<string, number>> {
  // Compressed like GitHub Pages serves it.
  const server = await serveStatic(dist, '/', { gzip: true });
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  try {
    const result = await lighthouse(`${server.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
    const categories = result?.lhr.categories ?? {};
    return Object.fromEntries(Object.values(categories).map((c) => [c.id, Math.round((c.score ?? 0) * 100)]));
  } finally {
    chrome.kill();
    await server.close();
  }
}

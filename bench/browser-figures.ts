import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { CHROMIUM, CHROMIUM_ARGS, launchChromium as launchBrowser } from '../src/pipeline/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

/**
 * Opens a page served compressed (as GitHub Pages serves it), then the search box, types a
 * query and waits for its results; sums the bytes on the wire (compressed bodies) of everything
 * the search fetched: Pagefind's script and WebAssembly, its index chunks and the fragments of
 * the results shown, and the box's dictionary.
 */
export async function measureFirstSearch(dist: string, query: string, path = 'components/etcd/'): Promise<{ bytes: number; requests: number; results: number }> {
  const server = await serveStatic(dist, '/', { gzip: true });
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    sizes.push(request.sizes().then((s) => s.responseBodySize));
  });
  await page.click('handbook-search button[data-open-search]');
  await page.fill('handbook-search input', query);
  await page.waitForFunction(() => /^(found|partial|none)$/.test(document.querySelector<HTMLElement>('handbook-search')?.dataset.state ?? ''));
  // The excerpts of the results on screen, fetched as they come into view.
  await page.locator('handbook-search .search-result[data-loaded]').first().waitFor();
  await page.waitForLoadState('networkidle');
  const results = await page.locator('handbook-search .search-result').count();
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await browser.close();
  await server.close();
  return { bytes, requests: sizes.length, results };
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

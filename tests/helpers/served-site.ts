import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { siteBase, siteDir } from './site.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** The test build served on loopback, and Chromium, for one test file: started before its tests, closed after them. */
export function servedSite(): { server: StaticServer; browser: Browser } {
  const site = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    site.server = await serveStatic(siteDir(), siteBase());
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

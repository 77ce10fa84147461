/**
 * Screenshot of a built page (dist/), for looking at what readers see:
 *   tsx scripts/screenshot.ts PATH OUT.png [WIDTH] [light|dark] [CSS selector of an element to shoot]
 */
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const [path = '', out = '/tmp/shot.png', width = '1280', theme = 'light', selector = ''] = process.argv.slice(2);
const server = await serveStatic(new URL('../dist', import.meta.url).pathname);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(server.url + path);
await page.evaluate((t) => localStorage.setItem('starlight-theme', t), theme);
await page.reload();
await page.waitForTimeout(300);
if (selector) await page.locator(selector).first().screenshot({ path: out });
else await page.screenshot({ path: out });
await browser.close();
await server.close();

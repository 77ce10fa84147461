/** Screenshot of a built page, for looking at what readers see: tsx scripts/screenshot.ts PATH OUT.png [WIDTH] [dark] */
import { serveStatic } from '../tests/helpers/static-server.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
const [path = '', out = '/tmp/shot.png', w = '1280', dark = ''] = process.argv.slice(2);
const server = await serveStatic(new URL('../dist', import.meta.url).pathname);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: Number(w), height: 900 } });
if (dark) await page.emulateMedia({ colorScheme: 'dark' });
await page.goto(server.url + path);
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: false });
await browser.close(); await server.close();

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationPages, printBook } from '../../src/book/print.ts';
import { launchBrowser } from '../helpers/browser.ts';

const css = readFileSync(new URL('../../src/book/book.css', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'book-print-'));

/** A book of three pages whose second shows a tall picture from `src`, loaded lazily as the site does. */
function book(src: string): string {
  const entry = (i: number, title: string) => `<li><a href="#p${i}"><span class="book-toc-title">${title}</span><span class="book-toc-page"></span></a></li>`;
  const page = (i: number, title: string, body: string) => `<article class="book-page" id="p${i}"><h2 class="book-page-title">${title}</h2>${body}</article>`;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body>
<nav class="book-toc"><h2>目录</h2><ol class="book-toc-pages">${entry(0, '第一页')}${entry(1, '第二页')}${entry(2, '第三页')}</ol></nav>
<section class="book-chapter">${page(0, '第一页', '<p>开头。</p>')}${page(1, '第二页', `<p>图在下面。</p><img src="${src}" alt="一张很高的架构图" loading="lazy">`)}${page(2, '第三页', '<p>结尾。</p>')}</section>
</body></html>`;
  const file = join(dir, `book-${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

/** The page number the printed contents give each title. */
function contents(pdf: Uint8Array): Map<string, number> {
  const file = join(dir, 'out.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  return new Map([...text.matchAll(/(第.页)\s+(\d+)/g)].map((m) => [m[1] ?? '', Number(m[2])]));
}

let browser: Browser;
let server: Server;
let origin = '';
beforeAll(async () => {
  browser = await launchBrowser();
  // /slow answers after a second with a picture three sheets tall; /silent never answers.
  server = createServer((request, response) => {
    if (request.url !== '/slow.svg') return;
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'image/svg+xml' });
      response.end('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="3000"><rect width="400" height="3000" fill="#ddd"/></svg>');
    }, 1000);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

describe('printing the book', () => {
  it('waits for a slow picture before the first print, so the contents give the pages the picture pushed on', async () => {
    const { pdf, pages } = await printBook(browser, book(`${origin}/slow.svg`));
    const dests = await destinationPages(pdf);
    // The picture is in the book: the third page starts sheets after the second.
    expect((dests.get('p2') ?? 0) - (dests.get('p1') ?? 0)).toBeGreaterThanOrEqual(3);
    expect(pages).toBe(dests.get('p2'));
    expect(contents(pdf)).toEqual(new Map([['第一页', dests.get('p0')], ['第二页', dests.get('p1')], ['第三页', dests.get('p2')]]));
  });

  it('gives up on a picture that never comes, printing its description instead', async () => {
    const { pdf } = await printBook(browser, book(`${origin}/silent.svg`), { pictureWaitMs: 500 });
    const dests = await destinationPages(pdf);
    expect(contents(pdf)).toEqual(new Map([['第一页', dests.get('p0')], ['第二页', dests.get('p1')], ['第三页', dests.get('p2')]]));
    const file = join(dir, 'silent.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('一张很高的架构图');
  });
});

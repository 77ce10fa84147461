import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../pipeline/browser.ts';
import { assembleBook } from './assemble.ts';
import { BOOK_FILE } from './enabled.ts';
import { printBook } from './print.ts';

export interface BookOptions {
  /** The built site (dist/). */
  dist: string;
  /** The site's base path. */
  base: string;
  /** The site's address. */
  site: string;
  title: string;
  description: string;
  /** content/sidebar.json */
  sidebarFile: string;
  log: (line: string) => void;
}

/**
 * Writes the whole handbook as dist/handbook.pdf: A4, a table of contents with page numbers,
 * chapters in sidebar order, diagrams as vectors, the fonts embedded by Chromium. The PDF step
 * (cli.ts) has already decided that the book is printed (enabled.ts).
 */
export async function makeBook(options: BookOptions): Promise<{ pages: number; bytes: number; file: string }> {
  const sidebar = readFileSync(options.sidebarFile, 'utf8');
  const started = Date.now();
  const css = readFileSync(new URL('./book.css', import.meta.url), 'utf8');
  const { html, pages } = assembleBook({ dist: options.dist, base: options.base, site: options.site, title: options.title, description: options.description, sidebar, css });
  options.log(`handbook.pdf: ${pages.length} pages gathered in ${((Date.now() - started) / 1000).toFixed(1)} s; printing with Chromium…`);
  const dir = mkdtempSync(join(tmpdir(), 'handbook-book-'));
  const browser = await launchChromium();
  try {
    const source = join(dir, 'book.html');
    writeFileSync(source, html);
    const { pdf, pages: sheets } = await printBook(browser, pathToFileURL(source).href, { log: options.log });
    const file = join(options.dist, BOOK_FILE);
    writeFileSync(file, pdf);
    options.log(`handbook.pdf: ${sheets} A4 pages, ${(pdf.length / 1024 / 1024).toFixed(1)} MB, in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return { pages: sheets, bytes: pdf.length, file };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

import { existsSync } from 'node:fs';
// The path alone: the site reads this when it renders the home page, and loading Playwright there cost 80 MB of memory.
import { CHROMIUM } from '../pipeline/chromium-path.ts';

/** The whole book's file name in the built site. */
export const BOOK_FILE = 'handbook.pdf';

/** The most pages the book prints (HANDBOOK_PDF_MAX_PAGES): 64 pages make 777 A4 sheets in about 75 s here. */
export const BOOK_MAX_PAGES = 200;

/** The pages the book would hold: the pages under the chapters' groups in content/sidebar.json. */
export function bookPageCount(sidebar: { items?: { items?: unknown[] }[] }[]): number {
  return sidebar.reduce((n, chapter) => n + (chapter.items ?? []).reduce((m, item) => m + (item.items?.length ?? 0), 0), 0);
}

/**
 * Whether the book is printed: Chromium is installed, HANDBOOK_PDF is not 0, and the handbook is
 * not larger than HANDBOOK_PDF_MAX_PAGES pages (a thousand notes would print for many minutes
 * and need more memory than the build has).
 */
export function bookEnabled(pages = 0): { ok: boolean; why: string } {
  if (process.env['HANDBOOK_PDF'] === '0') return { ok: false, why: 'HANDBOOK_PDF=0' };
  if (!existsSync(CHROMIUM)) return { ok: false, why: `no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)` };
  const limit = Number(process.env['HANDBOOK_PDF_MAX_PAGES'] || BOOK_MAX_PAGES);
  if (pages > limit) return { ok: false, why: `${pages} pages, more than the ${limit} a book holds (set HANDBOOK_PDF_MAX_PAGES to print more)` };
  return { ok: true, why: '' };
}

import { existsSync } from 'node:fs';
// The path alone: the site's config reads this, and loading Playwright there cost 80 MB of memory.
import { CHROMIUM } from '../pipeline/chromium-path.ts';

/** The whole book's file name in the built site. */
export const BOOK_FILE = 'handbook.pdf';

/** Whether the book can be printed here: Chromium is installed and HANDBOOK_PDF is not 0. */
export function bookEnabled(): { ok: boolean; why: string } {
  if (process.env['HANDBOOK_PDF'] === '0') return { ok: false, why: 'HANDBOOK_PDF=0' };
  if (!existsSync(CHROMIUM)) return { ok: false, why: `no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)` };
  return { ok: true, why: '' };
}

import { existsSync } from 'node:fs';
import { CHROMIUM } from '../pipeline/browser.ts';

/** The whole book's file name in the built site. */
export const BOOK_FILE = 'handbook.pdf';

/** Whether the book can be printed here: Chromium is installed and HANDBOOK_PDF is not 0. */
export function bookEnabled(): { ok: boolean; why: string } {
  if (process.env['HANDBOOK_PDF'] === '0') return { ok: false, why: 'HANDBOOK_PDF=0' };
  if (!existsSync(CHROMIUM)) return { ok: false, why: `no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)` };
  return { ok: true, why: '' };
}

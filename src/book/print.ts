import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';

/** How a PDF is laid out: its page count, and the page (1-based) each named destination lands on. */
async function placement(pdf: Uint8Array): Promise<{ pages: number; dests: Map<string, number> }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageOf = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const found = new Map<string, number>();
  for (const [name, value] of dests?.entries() ?? []) {
    const target = dests?.context.lookup(value);
    const ref = target instanceof PDFArray ? target.get(0) : undefined;
    const page = ref instanceof PDFRef ? pageOf.get(ref.toString()) : undefined;
    if (page !== undefined) found.set(name.decodeText(), page);
  }
  return { pages: pageOf.size, dests: found };
}

/** The page (1-based) each named destination of a PDF lands on: Chromium names them after the ids the document's links point to. */
export async function destinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  return (await placement(pdf)).dests;
}

/** How long the book waits for a picture from another site before it prints the picture's description instead. */
const PICTURE_WAIT_MS = 15_000;

/**
 * Fetches every picture at once (the site loads them lazily) and waits until each has loaded or
 * failed, the stylesheets are in, and the fonts are ready. A picture still on its way after `wait` ms (a slow or silent
 * server) is dropped, so it shows its alt text: nothing arrives between two prints to move the
 * pages after it.
 */
async function settlePictures(page: Page, wait: number): Promise<void> {
  await page.evaluate(async (wait: number) => {
    for (const image of document.images) image.loading = 'eager';
    const pending = [...document.images].filter((image) => !image.complete);
    // The stylesheets too: the document's load event comes once they and the pictures are in.
    const loaded = document.readyState === 'complete' ? Promise.resolve() : new Promise((done) => window.addEventListener('load', done, { once: true }));
    await Promise.race([
      Promise.all([loaded, ...pending.map((image) => new Promise((done) => ['load', 'error'].forEach((event) => image.addEventListener(event, done, { once: true }))))]),
      new Promise((done) => setTimeout(done, wait)),
    ]);
    for (const image of document.images) if (!image.complete) image.removeAttribute('src');
    await document.fonts.ready;
  }, wait);
}

export interface PrintOptions {
  /** Progress lines. */
  log?: (line: string) => void;
  /** How long to wait for pictures (PICTURE_WAIT_MS unless told). */
  pictureWaitMs?: number;
}

const FOOTER = '<div style="width:100%;font-size:9px;color:#666;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/**
 * Prints the book at `url` to an A4 PDF whose table of contents gives page numbers: a first
 * print places every page, their numbers go into the contents (which keep their size), and the
 * book is printed again, tagged with its structure and bookmarks, until the numbers hold.
 */
export async function printBook(browser: Browser, url: string, options: PrintOptions = {}): Promise<{ pdf: Uint8Array; pages: number }> {
  const log = options.log ?? (() => {});
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await settlePictures(page, options.pictureWaitMs ?? PICTURE_WAIT_MS);
  await page.emulateMedia({ media: 'print' });
  // The first print only places the pages: without the structure tree it is faster and its layout is the same.
  const print = async (tagged: boolean) => {
    const started = Date.now();
    const pdf = new Uint8Array(
      await page.pdf({ format: 'A4', printBackground: true, outline: tagged, tagged, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: FOOTER, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } }),
    );
    log(`  ${tagged ? 'printed with bookmarks and structure' : 'laid out to number the contents'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return pdf;
  };
  let pdf = await print(false);
  let laidOut = await placement(pdf);
  for (let round = 0; round < 3; round++) {
    const dests = Object.fromEntries(laidOut.dests);
    const changed = await page.evaluate((numbers: Record<string, number>) => {
      let changes = 0;
      for (const link of document.querySelectorAll<HTMLAnchorElement>('.book-toc a[href^="#"]')) {
        const slot = link.querySelector('.book-toc-page');
        const number = numbers[link.getAttribute('href')?.slice(1) ?? ''];
        const text = number === undefined ? '' : String(number);
        if (slot && slot.textContent !== text) {
          slot.textContent = text;
          changes++;
        }
      }
      return changes;
    }, dests);
    // The final print is tagged (structure and bookmarks); it is checked like the others.
    if (changed === 0 && round > 0) break;
    pdf = await print(true);
    laidOut = await placement(pdf);
  }
  await page.close();
  return { pdf, pages: laidOut.pages };
}

import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import type { Browser } from 'playwright-core';

/** The page (1-based) each named destination of a PDF lands on: Chromium names them after the ids the document's links point to. */
export async function destinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageOf = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const found = new Map<string, number>();
  if (!dests) return found;
  for (const [name, value] of dests.entries()) {
    const target = dests.context.lookup(value);
    const ref = target instanceof PDFArray ? target.get(0) : undefined;
    const page = ref instanceof PDFRef ? pageOf.get(ref.toString()) : undefined;
    if (page !== undefined) found.set(name.decodeText(), page);
  }
  return found;
}

const FOOTER = '<div style="width:100%;font-size:9px;color:#666;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/**
 * Prints the book at `url` to an A4 PDF whose table of contents gives page numbers: a first
 * print places every page, their numbers go into the contents (which keep their size), and the
 * book is printed again, tagged with its structure and bookmarks, until the numbers hold.
 */
export async function printBook(browser: Browser, url: string): Promise<{ pdf: Uint8Array; pages: number }> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  // The first print only places the pages: without the structure tree it is faster and its layout is the same.
  const print = async (tagged: boolean) =>
    new Uint8Array(
      await page.pdf({ format: 'A4', printBackground: true, outline: tagged, tagged, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: FOOTER, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } }),
    );
  let pdf = await print(false);
  for (let round = 0; round < 3; round++) {
    const dests = Object.fromEntries(await destinationPages(pdf));
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
  }
  const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
  await page.close();
  return { pdf, pages };
}

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookOutline } from '../../src/book/assemble.ts';
import { destinationPages } from '../../src/book/print.ts';
import { CONTENT_DIR } from '../helpers/rules.ts';
import { readHtml, siteBase, siteDir } from '../helpers/site.ts';

const pdfFile = () => join(siteDir(), 'handbook.pdf');
const text = (...args: string[]) => execFileSync('pdftotext', [...args, pdfFile(), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const outline = bookOutline(readFileSync(join(CONTENT_DIR, 'sidebar.json'), 'utf8'));
/** A page's title as the built site shows it. */
const titleOf = (slug: string) => /<h1 id="_top"[^>]*>([^<]+)<\/h1>/.exec(readHtml(`${slug}/index.html`))?.[1]?.replace(/&amp;/g, '&').trim() ?? slug;
const squash = (s: string) => s.replace(/\s+/g, '');

describe('the whole book as /handbook.pdf', () => {
  it('is A4, with every page title in sidebar order and its Chinese text, fonts embedded, diagrams as text-bearing vectors', () => {
    const info = execFileSync('pdfinfo', [pdfFile()], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Kubernetes 学习手册/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const body = squash(text());
    const titles = outline.flatMap((c) => c.pages.map((p) => titleOf(p.slug)));
    expect(titles.length).toBeGreaterThan(30);
    // After the contents, the pages come in sidebar order.
    let at = body.indexOf(squash(titles.at(-1) ?? ''), body.indexOf('目录')) + 1;
    for (const title of titles) {
      const found = body.indexOf(squash(title), at);
      expect(found, `${title} after position ${at}`).toBeGreaterThan(0);
      at = found + 1;
    }
    // Chinese text, not boxes: a sentence of the kube-proxy page as it is on the site.
    const sentence = /<p>(?:<a [^>]*>)?Kube-proxy(?:<\/a>)?是Kubernetes中的一个核心组件[^<]*/.exec(readHtml('networking/kube-proxy/index.html'))?.[0].replace(/<[^>]+>/g, '') ?? 'missing';
    expect(body).toContain(squash(sentence));
    expect(body).not.toMatch(/\uFFFD|□/);
    const fonts = execFileSync('pdffonts', [pdfFile()], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font, font).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    // A sequence diagram's labels are text in the PDF: drawn as vectors, not a picture.
    expect(body).toContain(squash('图：组件之间的协作关系'));
    expect(body).toContain('kube-controller-manager');
  });

  it('gives each entry of the contents the page its title is printed on', async () => {
    const dests = await destinationPages(readFileSync(pdfFile()));
    const pages = outline.flatMap((c) => c.pages);
    const numbers = pages.map((_, i) => dests.get(`p${i}`));
    const first = Math.min(...numbers.map((n) => n ?? Infinity));
    // The contents: from the second sheet to the one before the first page; a line is a title and its page number.
    const entries = text('-layout', '-f', '2', '-l', String(first - 1))
      .split('\n')
      .map((line) => /^\s*(.*?)\s+(\d+)\s*$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => ({ title: squash(m[1] ?? ''), number: Number(m[2]) }));
    pages.forEach((page, i) => {
      const title = squash(titleOf(page.slug));
      const number = numbers[i];
      expect(number, title).toBeDefined();
      const entry = entries.find((e) => e.title === title || (e.title.endsWith('…') && title.startsWith(e.title.slice(0, -1))));
      expect(entry?.number, title).toBe(number);
      // And that sheet does show the title.
      expect(squash(text('-f', String(number), '-l', String(number))), title).toContain(title);
    });
  });

  it('is linked from the home page', () => {
    expect(readHtml('index.html')).toContain(`href="${siteBase()}handbook.pdf"`);
  });
});

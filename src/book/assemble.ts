import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { sidebarSchema } from '../schema.ts';

/** One page of the book, in sidebar order. */
export interface BookPage {
  /** The page's path under the site (chapter/slug). */
  slug: string;
  title: string;
  chapter: string;
}

/** The book's chapters, each with its pages, from content/sidebar.json (a chapter's overview page lists, it is not text). */
export function bookOutline(sidebarJson: string): { title: string; pages: BookPage[] }[] {
  return sidebarSchema.parse(JSON.parse(sidebarJson)).map((chapter) => ({
    title: chapter.label,
    pages: chapter.items.flatMap((item) => ('items' in item ? item.items.map((p) => ({ slug: p.slug, title: '', chapter: chapter.label })) : [])),
  }));
}

/** What the book takes from each built page: its title, its content as the book prints it, and the styles the site gave it. */
interface Built {
  title: string;
  html: string;
  styles: string[];
}

/**
 * Reads one built page and adapts its content for the book (see adapt), in the page's own
 * document, which is let go at once: the book keeps only the HTML, so a handbook of many pages
 * never holds more than one page's tree.
 */
function readBuilt(dist: string, slug: string, adaptContent: (content: Element) => void): Built | undefined {
  const file = join(dist, slug, 'index.html');
  if (!existsSync(file)) return undefined;
  const { window } = new JSDOM(readFileSync(file, 'utf8'));
  try {
    const page = window.document;
    const content = page.querySelector('main .sl-markdown-content');
    if (!content) return undefined;
    adaptContent(content);
    const styles = [...page.querySelectorAll('link[rel="stylesheet"], style')].map((node) => node.outerHTML);
    return { title: page.querySelector('main h1')?.textContent?.trim() ?? slug, html: content.outerHTML, styles };
  } finally {
    window.close();
  }
}

/** The anchor of a page in the book, and of an element inside it. */
const pageAnchor = (index: number) => `p${index}`;

/**
 * Rewrites a page's content for the book: ids made unique per page, links inside the book made
 * links inside the PDF, other site links absolute, pictures read from the built site; what only
 * works on screen (buttons, hidden definitions, scripts) left out.
 */
function adapt(content: Element, index: number, slugs: Map<string, number>, base: string, site: string, dist: string): void {
  for (const node of content.querySelectorAll('script, button, .term-defs, [hidden]')) node.remove();
  // A diagram's ids stay: its own styles and markers refer to them (a diagram shown twice is the same drawing).
  for (const node of content.querySelectorAll('[id]')) if (!node.closest('svg')) node.id = `${pageAnchor(index)}-${node.id}`;
  for (const node of content.querySelectorAll('[aria-describedby]')) node.removeAttribute('aria-describedby');
  for (const link of content.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      link.setAttribute('href', `#${pageAnchor(index)}-${href.slice(1)}`);
      continue;
    }
    if (!href.startsWith(base)) continue;
    const [path = '', hash = ''] = href.slice(base.length).split('#');
    const target = slugs.get(path.replace(/\/$/, ''));
    if (target !== undefined) link.setAttribute('href', hash ? `#${pageAnchor(target)}-${hash}` : `#${pageAnchor(target)}`);
    else link.setAttribute('href', new URL(href, site).href);
  }
  for (const image of content.querySelectorAll('img[src]')) {
    const src = image.getAttribute('src') ?? '';
    if (src.startsWith(base)) image.setAttribute('src', pathToFileURL(join(dist, decodeURI(src.slice(base.length)))).href);
  }
}

export interface BookInput {
  /** The built site. */
  dist: string;
  /** The site's base path (`/` or `/<repository>/`). */
  base: string;
  /** The site's address, for links that leave the book. */
  site: string;
  title: string;
  description: string;
  /** content/sidebar.json */
  sidebar: string;
  /** Extra CSS for the printed book. */
  css: string;
}

/**
 * The whole handbook as one HTML document for printing: a cover, a table of contents whose
 * entries link to their pages (their page numbers are filled in once the PDF is laid out), then
 * every chapter's pages in sidebar order.
 */
export function assembleBook(input: BookInput): { html: string; pages: BookPage[] } {
  // A small document for the cover, the contents and the headings the book adds: the pages' own
  // content is HTML already, put between them as it is.
  const dom = new JSDOM('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  const doc = dom.window.document;
  const outline = bookOutline(input.sidebar);
  const all = outline.flatMap((c) => c.pages);
  const slugs = new Map(all.map((p, i) => [p.slug, i]));
  const styles = new Set<string>();
  const el = (tag: string, className: string, text?: string): HTMLElement => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const cover = el('section', 'book-cover');
  cover.append(el('h1', '', input.title), el('p', 'book-description', input.description));
  const toc = el('nav', 'book-toc');
  toc.append(el('h2', '', '目录'));
  const body: string[] = [];
  const pages: BookPage[] = [];
  outline.forEach((chapter, c) => {
    const tocChapter = el('ol', 'book-toc-pages');
    const heading = el('h1', 'book-chapter-title', chapter.title);
    heading.id = `c${c}`;
    const articles: string[] = [];
    for (const page of chapter.pages) {
      const index = slugs.get(page.slug) ?? 0;
      const built = readBuilt(input.dist, page.slug, (content) => adapt(content, index, slugs, input.base, input.site, input.dist));
      if (!built) continue;
      for (const style of built.styles) styles.add(style);
      articles.push(`<article class="book-page" id="${pageAnchor(index)}">${el('h2', 'book-page-title', built.title).outerHTML}${built.html}</article>`);
      pages.push({ ...page, title: built.title });
      const item = el('li', '');
      const link = el('a', '');
      link.setAttribute('href', `#${pageAnchor(index)}`);
      link.append(el('span', 'book-toc-title', built.title), el('span', 'book-toc-page'));
      item.append(link);
      tocChapter.append(item);
    }
    if (tocChapter.children.length === 0) return;
    const tocItem = el('div', 'book-toc-chapter');
    const chapterLink = el('a', '');
    chapterLink.setAttribute('href', `#c${c}`);
    chapterLink.append(el('span', 'book-toc-title', chapter.title), el('span', 'book-toc-page'));
    tocItem.append(chapterLink, tocChapter);
    toc.append(tocItem);
    body.push(`<section class="book-chapter">${heading.outerHTML}${articles.join('')}</section>`);
  });
  // Root-relative stylesheet links read from the built site.
  const head = [...styles].map((s) => s.replace(/href="([^"]+)"/, (_, href: string) => (href.startsWith(input.base) ? `href="${pathToFileURL(join(input.dist, href.slice(input.base.length))).href}"` : `href="${href}"`)).replace(/ media="print"/, ''));
  doc.head.append(el('title', '', input.title));
  doc.head.insertAdjacentHTML('beforeend', `${head.join('')}<style>${input.css}</style>`);
  const html = `<!doctype html><html lang="zh-CN" data-theme="light">${doc.head.outerHTML}<body>${cover.outerHTML}${toc.outerHTML}${body.join('')}</body></html>`;
  dom.window.close();
  return { html, pages };
}

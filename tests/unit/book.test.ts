import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { assembleBook } from '../../src/book/assemble.ts';
import { bookEnabled, bookPageCount } from '../../src/book/enabled.ts';

/** A built site of two chapters, three pages, as Starlight lays a page out, under the base /hb/. */
function fakeSite(): string {
  const dist = mkdtempSync(join(tmpdir(), 'book-'));
  const page = (slug: string, title: string, content: string) => {
    mkdirSync(join(dist, slug), { recursive: true });
    writeFileSync(
      join(dist, slug, 'index.html'),
      `<!doctype html><html><head><link rel="stylesheet" href="/hb/_astro/site.css"><style>.x{color:red}</style></head><body><nav>侧栏</nav><main><h1 id="_top">${title}</h1><div class="sl-markdown-content">${content}</div></main></body></html>`,
    );
  };
  page('net/service', 'Service', '<h2 id="概述">概述</h2><p>见 <a href="#细节">细节</a>、<a href="/hb/net/dns/#解析">解析</a>、<a href="/hb/glossary/#pod">Pod</a> 与 <a href="https://example.org/x">外链</a>。</p><h2 id="细节">细节</h2><img src="/hb/_astro/a%20b.png" alt="图"><button>全屏查看</button><div class="term-defs" hidden>定义</div><svg id="d-1"><marker id="arrow"></marker></svg>');
  page('net/dns', 'DNS', '<h2 id="解析">解析</h2><p>第二页。</p>');
  page('sec/rbac', 'RBAC', '<p>第三页。</p>');
  return dist;
}

const sidebar = JSON.stringify([
  { label: '网络', items: [{ label: '概览', slug: 'net' }, { label: '服务', collapsed: false, items: [{ slug: 'net/service' }, { slug: 'net/dns' }] }] },
  { label: '安全', items: [{ label: '概览', slug: 'sec' }, { label: '权限', items: [{ slug: 'sec/rbac' }] }] },
]);

describe('the book: every page of the site in one document for printing', () => {
  it('orders pages as the sidebar does, makes ids unique and in-book links internal, and leaves out what only works on screen', () => {
    const dist = fakeSite();
    const { html, pages } = assembleBook({ dist, base: '/hb/', site: 'https://me.github.io/hb/', title: '手册', description: '说明', sidebar, css: '.book{}' });
    expect(pages.map((p) => `${p.chapter}/${p.title}`)).toEqual(['网络/Service', '网络/DNS', '安全/RBAC']);
    const doc = new JSDOM(html).window.document;
    expect([...doc.querySelectorAll('.book-toc a')].map((a) => `${a.getAttribute('href')} ${a.textContent}`)).toEqual(['#c0 网络', '#p0 Service', '#p1 DNS', '#c1 安全', '#p2 RBAC']);
    expect([...doc.querySelectorAll('.book-page')].map((a) => a.id)).toEqual(['p0', 'p1', 'p2']);
    const first = doc.querySelector('#p0');
    expect([...(first?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toEqual(['#p0-细节', '#p1-解析', 'https://me.github.io/hb/glossary/#pod', 'https://example.org/x']);
    expect([...(first?.querySelectorAll('h2[id]') ?? [])].map((h) => h.id)).toEqual(['p0-概述', 'p0-细节']);
    expect(first?.querySelector('img')?.getAttribute('src')).toBe(pathToFileURL(join(dist, '_astro/a b.png')).href);
    expect(first?.querySelector('button, .term-defs')).toBeNull();
    // A diagram keeps its ids: its styles and markers refer to them.
    expect(first?.querySelector('svg')?.id).toBe('d-1');
    expect(first?.querySelector('marker')?.id).toBe('arrow');
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.head.innerHTML).toContain(`href="${pathToFileURL(join(dist, '_astro/site.css')).href}"`);
    expect(doc.head.innerHTML).toContain('.x{color:red}');
    expect(doc.querySelector('nav:not(.book-toc)')).toBeNull();
  });
});

describe('when the book is printed', () => {
  it('counts the pages under the chapters, and skips a handbook larger than HANDBOOK_PDF_MAX_PAGES, saying why', () => {
    expect(bookPageCount(JSON.parse(sidebar))).toBe(3);
    const saved = { ...process.env };
    try {
      // Chromium is installed for the tests (npm test's pretest): only the page limit decides here.
      Object.assign(process.env, { HANDBOOK_PDF: '1', HANDBOOK_PDF_MAX_PAGES: '2' });
      expect(bookEnabled(3)).toEqual({ ok: false, why: '3 pages, more than the 2 a book holds (set HANDBOOK_PDF_MAX_PAGES to print more)' });
      expect(bookEnabled(2).ok).toBe(true);
      delete process.env['HANDBOOK_PDF_MAX_PAGES'];
      expect(bookEnabled(200).ok).toBe(true);
      expect(bookEnabled(201).ok).toBe(false);
    } finally {
      process.env = saved;
    }
  });
});

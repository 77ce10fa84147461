import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport } from '../../src/pipeline/report/index.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { projectCopy } from '../helpers/project-copy.ts';
import { htmlFiles } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

/** Notes too big or too broken to commit as files: made here. */
function writeGeneratedNotes(dir: string): void {
  const line = 'Kubernetes 通过控制器让集群的实际状态不断接近期望状态，这一句在大文件里重复出现。';
  const lines = ['一个五兆字节的笔记'];
  // Counted as it grows (joining the whole array at every step made this quadratic).
  for (let i = 0, length = lines[0]?.length ?? 0; length < (5 * 1024 * 1024) / 3; i++) {
    lines.push(`${i} ${line}`);
    length += (lines.at(-1)?.length ?? 0) + 1;
  }
  writeFileSync(join(dir, 'five-megabytes.txt'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'long-line.txt'), `一行二十万字\n${'长行'.repeat(50_000)}${'x'.repeat(100_000)}\n`);
  writeFileSync(join(dir, 'binary.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]));
  writeFileSync(join(dir, 'undecodable.txt'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0xfd, 0x80, 0x81]));
  writeFileSync(join(dir, 'empty.md'), '');
  writeFileSync(join(dir, 'whitespace.md'), '  \n\n\t\n   \n');
}

let project: string;
let build: ReturnType<typeof spawnSync>;
let report: IngestReport;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const sources = mkdtempSync(join(tmpdir(), 'hostile-notes-'));
  cpSync(join(FIXTURES, 'hostile'), sources, { recursive: true });
  writeGeneratedNotes(sources);
  project = projectCopy(sources);
  // The whole-book PDF is checked on the test build (book.test.ts); here it would only print the 5 MB note.
  build = spawnSync('npm', ['run', 'build'], { cwd: project, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', HANDBOOK_PDF: '0' }, maxBuffer: 1 << 28 });
  report = JSON.parse(readFileSync(join(project, 'content/ingest-report.json'), 'utf8'));
  server = await serveStatic(join(project, 'dist'));
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('hostile and broken notes', () => {
  it('the handbook builds', () => {
    if (build.status !== 0) console.log(String(build.stderr).slice(-3000));
    expect(build.status).toBe(0);
  });

  it('unreadable notes are refused by name, with the reason, and the rest is built', () => {
    expect(report.errors.map((e) => `${e.file}: ${e.reason}`)).toEqual([
      'binary.bin: the file looks binary (it contains NUL bytes and no UTF-16 byte order mark)',
      'empty.md: the file is empty',
      'undecodable.txt: the file could not be decoded as UTF-8, UTF-16 (with BOM) or GB18030/GBK',
      'whitespace.md: the file holds only whitespace',
    ]);
    expect(String(build.stderr)).toMatch(/binary\.bin: the file looks binary/);
    expect(report.sources.length).toBe(14);
  });

  it('nothing from a note runs in the browser, no handler or script URL survives, and the text shows literally', async () => {
    const page = await browser.newPage();
    const text: string[] = [];
    const problems: string[] = [];
    for (const file of htmlFiles(join(project, 'dist'))) {
      if (file === '404.html') continue;
      // The 5 MB note makes a 5 MB page: give it time on a loaded 2-core machine.
      await page.goto(server.url + file.replace(/index\.html$/, ''), { waitUntil: 'load', timeout: 300_000 });
      const found = await page.evaluate(() => {
        const out: string[] = [];
        if ((window as unknown as { __HOSTILE__?: string }).__HOSTILE__ !== undefined) out.push(`ran: ${(window as unknown as { __HOSTILE__?: string }).__HOSTILE__}`);
        for (const el of document.querySelectorAll('.sl-markdown-content *')) {
          for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) out.push(`handler ${attr} on <${el.tagName.toLowerCase()}>`);
          for (const attr of ['href', 'src']) if (/^\s*javascript:/i.test(el.getAttribute(attr) ?? '')) out.push(`script URL on <${el.tagName.toLowerCase()}>`);
          if (['IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)) out.push(`<${el.tagName.toLowerCase()}> in content`);
          // The site's own scripts (copy buttons, search hint) are bundled under /_astro/ or carry none of a note's text.
          if (el.tagName === 'SCRIPT' && (/__HOSTILE__/.test(el.textContent ?? '') || (el.getAttribute('src') && !el.getAttribute('src')?.startsWith('/_astro/')))) out.push('<script> from a note');
        }
        return { out, text: document.querySelector('main')?.textContent ?? '' };
      });
      problems.push(...found.out.map((p) => `${file}: ${p}`));
      text.push(found.text);
    }
    await page.close();
    expect(problems).toEqual([]);
    const all = text.join('\n');
    for (const literal of ['{process.exit(1)}', "{require('fs').readFileSync('/etc/passwd')}", "export const hostile = (globalThis.hostileExport = 'export');", "import fs from 'node:fs'", '{{ .Values.image.tag }}', '<none>', 'a < b > c', 'He said "yes": k8s: a "quoted" title', '👨‍👩‍👧‍👦', 'مرحبا بالعالم', 'שלום עולם', '第 40 层', '第一次回答：Pod 是最小的调度单位', '第二次回答：Pod 里的容器共享网络', '正文仍然应该出现在手册里', '这篇笔记的前言缺少结束的三条横线', 'name: web']) {
      expect(all.includes(literal), literal).toBe(true);
    }
  }, 900_000);

  it('what was removed is in the report', () => {
    const dropped = report.sources.flatMap((s) => s.dropped.map((d) => `${s.file} ${d.rule}`));
    for (const expected of ['script-tags.md html:script', 'script-tags.md html:comment', 'script-tags.md html:event-handler', 'script-tags.md link:script-url', 'page.html html:page-chrome', 'invalid-yaml-front-matter.md front-matter:invalid']) {
      expect(dropped, expected).toContain(expected);
    }
  });
});

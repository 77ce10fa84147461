import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPages, describePageError } from '../../src/pipeline/emit/check-pages.ts';
import { compileCounts, rememberCompiled } from '../../src/pipeline/emit/compile-mdx.ts';
import { ingestFolder } from '../../src/pipeline/ingest.ts';
import { draftCaches, loadCaches } from '../../src/pipeline/note-cache.ts';
import { settlePages } from '../../src/pipeline/steps.ts';
import { fileTree } from '../helpers/file-tree.ts';
import { CONTENT_DIR } from '../helpers/rules.ts';

const SEEDS = join(CONTENT_DIR, 'sources');
const page = (path: string, body: string) => ({ path, content: `---\ntitle: 页面\ngenerated: true\n---\n${body}` });

describe('the MDX check of written pages (emit/check-pages.ts)', () => {
  it('names the page that does not compile, with the line of its file, and passes the others', async () => {
    rememberCompiled();
    const good = page('networking/good.mdx', '## 服务\n\nService 为一组 Pod 提供稳定的访问入口。\n');
    const bad = page('networking/bad.mdx', '## 表达式\n\n第一段。\n\n{process.exit(}\n');
    const failed = await checkPages([good, bad, { path: 'sidebar.json', content: '{' }]);
    // Front matter of 4 lines, then the body's fifth line.
    expect(failed).toEqual([{ path: 'networking/bad.mdx', line: 9, message: 'Could not parse expression with acorn' }]);
    expect(describePageError(failed[0]!, '/site/content')).toBe(`/site/content/networking/bad.mdx:9: ${failed[0]!.message}`);
    expect(compileCounts).toEqual({ compiled: 2, remembered: 0 });
    // What compiled is known: checked again, only the failed page is compiled.
    expect(await checkPages([good, bad])).toHaveLength(1);
    expect(compileCounts).toEqual({ compiled: 3, remembered: 1 });
  });
});

describe("an ingest that checks its pages once written (mdxCheck: 'pages')", () => {
  it('writes the same bytes as one that checks each part, and keeps its caches only once the pages compile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'page-check-'));
    const parts = await ingestFolder({ sources: SEEDS, out: join(dir, 'parts'), rulesDir: CONTENT_DIR, threads: 2 });
    const cache = join(dir, 'cache');
    const pages = await ingestFolder({ sources: SEEDS, out: join(dir, 'pages'), rulesDir: CONTENT_DIR, threads: 2, noteCache: cache, mdxCheck: 'pages' });
    expect(parts.checkWrittenPages).toBeUndefined();
    expect(parts.checked.compiled).toBeGreaterThan(40);
    expect(fileTree(join(dir, 'pages'))).toEqual(fileTree(join(dir, 'parts')));
    // Written, not yet kept: nothing under the cache's own name until the check ends well.
    expect(readdirSync(cache).filter((name) => name.endsWith('.v8'))).toEqual([]);
    const checked = await pages.checkWrittenPages!();
    expect(checked.failed).toEqual([]);
    expect(checked.checked.compiled).toBe(readdirSync(join(dir, 'pages'), { recursive: true }).filter((p) => String(p).endsWith('.mdx')).length);
    const [kept = ''] = readdirSync(cache);
    expect(kept).toMatch(/^notes-\w+\.v8$/);
    expect(loadCaches(cache, kept.replace(/^notes-|\.v8$/g, '')).notes.size).toBe(parts.notes);
  });

  it('caches drafted and discarded leave nothing behind; committed, they replace the ones kept before', () => {
    const cache = mkdtempSync(join(tmpdir(), 'page-check-cache-'));
    const caches = { notes: new Map(), pages: new Map() };
    draftCaches(cache, 'old', caches)!.commit();
    draftCaches(cache, 'new', caches)!.discard();
    expect(readdirSync(cache)).toEqual(['notes-old.v8']);
    draftCaches(cache, 'new', caches)!.commit();
    expect(readdirSync(cache)).toEqual(['notes-new.v8']);
  });
});

describe('a page that did not compile once written (steps.ts settlePages)', () => {
  const failedOnce = (path: string) => ({ summary: '', warnings: 0, checkWrittenPages: async () => ({ failed: [{ path, message: 'Could not parse expression with acorn' }], checked: { compiled: 1, remembered: 0 } }) });

  it('makes the pages again with each part checked, checks the page once more, and says the pages were written again', async () => {
    const out = mkdtempSync(join(tmpdir(), 'page-check-out-'));
    const first = await ingestFolder({ sources: SEEDS, out, rulesDir: CONTENT_DIR });
    const path = first.written.written.find((p) => p.endsWith('.mdx') && !p.endsWith('index.mdx'))!;
    expect(await settlePages(failedOnce(path), { sources: SEEDS, out, quiet: true })).toBe(true);
    expect(existsSync(join(out, path))).toBe(true);
  });

  it('a page that still does not compile ends the step with its file and line', async () => {
    const out = mkdtempSync(join(tmpdir(), 'page-check-out-'));
    // Hand-written (no `generated: true`): the ingest leaves it as it is, so it fails again.
    mkdirSync(join(out, 'networking'), { recursive: true });
    writeFileSync(join(out, 'networking/hand.mdx'), '---\ntitle: 手写\n---\n\n{process.exit(}\n');
    await expect(settlePages(failedOnce('networking/hand.mdx'), { sources: SEEDS, out, quiet: true })).rejects.toThrow(`${join(out, 'networking/hand.mdx')}:5:`);
  });
});

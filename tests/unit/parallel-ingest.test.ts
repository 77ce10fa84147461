import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFolder } from '../../src/pipeline/ingest.ts';
import { loadCaches, saveCaches } from '../../src/pipeline/note-cache.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { fileTree } from '../helpers/file-tree.ts';
import { CONTENT_DIR } from '../helpers/rules.ts';

/** The bundled notes and the pipeline fixtures' notes in one folder: notes of every kind, more than threads. */
function notesFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parallel-'));
  const sources = join(dir, 'sources');
  cpSync(join(CONTENT_DIR, 'sources'), sources, { recursive: true });
  for (const fixture of readdirSync(join(FIXTURES, 'pipeline'))) {
    const from = join(FIXTURES, 'pipeline', fixture, 'sources');
    for (const name of readdirSync(from)) cpSync(join(from, name), join(sources, `${fixture}-${name}`), { recursive: true });
  }
  return dir;
}

describe('an ingest shared among threads (notes-in-parallel.ts)', () => {
  it('writes the same bytes, tells the same progress in the same order, and leaves a cache a one-thread rebuild takes whole', async () => {
    const dir = notesFolder();
    const sources = join(dir, 'sources');
    const run = async (threads: number, name: string, noteCache?: string) => {
      const lines: string[] = [];
      const out = join(dir, name);
      const result = await ingestFolder({ sources, out, rulesDir: CONTENT_DIR, threads, onProgress: (e) => lines.push(`${e.ok} ${e.file}: ${e.detail}`), ...(noteCache ? { noteCache } : {}) });
      return { result, lines, files: fileTree(out) };
    };
    const one = await run(1, 'one');
    const three = await run(3, 'three', join(dir, 'cache'));
    expect(one.result.notes).toBeGreaterThan(6);
    expect(three.files).toEqual(one.files);
    expect(three.lines).toEqual(one.lines);
    expect(three.result.checked.compiled + three.result.checked.remembered).toBe(one.result.checked.compiled + one.result.checked.remembered);
    expect(three.result.reused).toEqual({ kept: 0, read: one.result.notes });
    expect([one.result.threads, three.result.threads]).toEqual([1, 3]);
    // The cache the threads filled holds every note and page in the form a one-thread run keeps:
    // nothing is read or laid out again. Every kept page is marked to see that.
    const cache = join(dir, 'cache');
    const [name = ''] = readdirSync(cache);
    const fingerprint = name.replace(/^notes-|\.v8$/g, '');
    const caches = loadCaches(cache, fingerprint);
    for (const memo of caches.pages.values()) memo.file = { ...memo.file, content: `kept\n${memo.file.content}` };
    saveCaches(cache, fingerprint, caches);
    const again = await run(1, 'again', cache);
    expect(again.result.reused).toEqual({ kept: one.result.notes, read: 0 });
    expect(again.result.threads).toBe(1);
    const pages = [...again.files].filter(([path]) => path.endsWith('.mdx') && !path.endsWith('/index.mdx'));
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter(([, text]) => !Buffer.from(text, 'base64').toString('utf8').startsWith('kept\n')).map(([path]) => path)).toEqual([]);
  });
});

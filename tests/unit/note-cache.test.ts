import { appendFileSync, cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFolder } from '../../src/pipeline/ingest.ts';
import { loadCaches, saveCaches } from '../../src/pipeline/note-cache.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { fileTree } from '../helpers/file-tree.ts';
import { CONTENT_DIR } from '../helpers/rules.ts';

/** A notes folder (three notes, and one that shows a picture beside it), a copy of the rules, and a cache folder. */
function project() {
  const dir = mkdtempSync(join(tmpdir(), 'note-cache-'));
  const sources = join(dir, 'sources');
  cpSync(join(FIXTURES, 'stability/sources'), sources, { recursive: true });
  cpSync(join(FIXTURES, 'pipeline/local-images/sources'), sources, { recursive: true });
  const rulesDir = join(dir, 'rules');
  cpSync(CONTENT_DIR, rulesDir, { recursive: true, filter: (src) => src === CONTENT_DIR || /\.ya?ml$/.test(src) });
  const cache = join(dir, 'cache');
  let runs = 0;
  /** One ingest into a folder of its own; with the cache unless told not to. */
  const ingest = async (useCache = true) => {
    const out = join(dir, `out-${runs++}`);
    const run = await ingestFolder({ sources, out, rulesDir, ...(useCache ? { noteCache: cache } : {}) });
    return { ...run.reused, out, written: run.written };
  };
  return { sources, rulesDir, cache, ingest };
}

describe('the note cache (.cache/notes-*.v8)', () => {
  it('a rebuild reads only the notes that changed, and writes exactly what a fresh ingest writes', async () => {
    const p = project();
    expect(await p.ingest()).toMatchObject({ read: 4, kept: 0 });
    const again = await p.ingest();
    expect(again).toMatchObject({ read: 0, kept: 4 });
    expect(fileTree(again.out)).toEqual(fileTree((await p.ingest(false)).out));
    appendFileSync(join(p.sources, 'interview.md'), '\n\n## 简述 Kubernetes 中的 ConfigMap\n\nConfigMap 把配置与镜像分开，Pod 以环境变量或卷的方式读取它。\n');
    const changed = await p.ingest();
    expect(changed).toMatchObject({ read: 1, kept: 3 });
    expect(fileTree(changed.out)).toEqual(fileTree((await p.ingest(false)).out));
    expect([...fileTree(changed.out).values()].some((text) => Buffer.from(text, 'base64').toString('utf8').includes('把配置与镜像分开'))).toBe(true);
  });

  it('a picture added beside the notes, a changed rules file, or a broken cache file: every note is read again', async () => {
    const p = project();
    const first = await p.ingest();
    expect(first.read).toBe(4);
    expect(readdirSync(join(first.out, 'assets'))).toHaveLength(1);
    // The note names images/missing.png, which was not there: once it is, its page shows it.
    cpSync(join(p.sources, 'images/pod.png'), join(p.sources, 'images/missing.png'));
    appendFileSync(join(p.sources, 'images/missing.png'), 'another picture');
    const withPicture = await p.ingest();
    expect(withPicture).toMatchObject({ read: 4, kept: 0 });
    expect(readdirSync(join(withPicture.out, 'assets'))).toHaveLength(2);
    expect(fileTree(withPicture.out)).toEqual(fileTree((await p.ingest(false)).out));
    expect(await p.ingest()).toMatchObject({ read: 0, kept: 4 });
    appendFileSync(join(p.rulesDir, 'junk-rules.yaml'), '\n# a comment is a change too\n');
    expect(await p.ingest()).toMatchObject({ read: 4, kept: 0 });
    const [file] = readdirSync(p.cache);
    expect(file).toMatch(/^notes-[0-9a-f]{20}\.v8$/);
    writeFileSync(join(p.cache, file ?? ''), 'not what a cache holds');
    expect(await p.ingest()).toMatchObject({ read: 4, kept: 0 });
    // Only the newest fingerprint's file is kept.
    expect(readdirSync(p.cache)).toHaveLength(1);
  });

  it('a page is laid out and written again only when its parts, its notes or its related parts changed', async () => {
    const p = project();
    await p.ingest();
    // Every kept page marked, to see which ones a rebuild takes from the cache.
    const [name = ''] = readdirSync(p.cache);
    const fingerprint = name.replace(/^notes-|\.v8$/g, '');
    const caches = loadCaches(p.cache, fingerprint);
    expect(caches.pages.size).toBeGreaterThan(3);
    for (const memo of caches.pages.values()) memo.file = { ...memo.file, content: `kept\n${memo.file.content}` };
    saveCaches(p.cache, fingerprint, caches);
    // The topic pages (a chapter's index page is made afresh every time, from the taxonomy alone).
    const pages = (out: string) => [...fileTree(out)].filter(([path]) => path.endsWith('.mdx') && !path.endsWith('/index.mdx')).map(([path, bytes]) => [path, Buffer.from(bytes, 'base64').toString('utf8')] as const);
    expect(pages((await p.ingest()).out).filter(([, text]) => !text.startsWith('kept\n')).map(([path]) => path)).toEqual([]);
    appendFileSync(join(p.sources, 'interview.md'), '\n\n## 简述 Kubernetes 中的 ConfigMap\n\nConfigMap 把配置与镜像分开，Pod 以环境变量或卷的方式读取它。\n');
    const after = pages((await p.ingest()).out);
    // The page the new question went to is written afresh; the others are taken as they were,
    // and, but for the marks, are what a fresh ingest writes.
    const changed = after.filter(([, text]) => text.includes('把配置与镜像分开'));
    expect(changed).toHaveLength(1);
    expect(changed[0]?.[1].startsWith('kept\n')).toBe(false);
    expect(after.filter(([, text]) => text.startsWith('kept\n')).length).toBeGreaterThan(after.length / 2);
    expect(after.map(([path, text]) => [path, text.replace(/^kept\n/, '')])).toEqual(pages((await p.ingest(false)).out));
  });
});

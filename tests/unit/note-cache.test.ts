import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFolder } from '../../src/pipeline/ingest.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { CONTENT_DIR } from '../helpers/rules.ts';

/** Every file under `dir`, by path, with its bytes (base64). */
function tree(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .map((path) => [relative(dir, path), readFileSync(path).toString('base64')]),
  );
}

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
  const ingest = (useCache = true) => {
    const out = join(dir, `out-${runs++}`);
    const run = ingestFolder({ sources, out, rulesDir, ...(useCache ? { noteCache: cache } : {}) });
    return { ...run.reused, out, written: run.written };
  };
  return { sources, rulesDir, cache, ingest };
}

describe('the note cache (.cache/notes-*.v8)', () => {
  it('a rebuild reads only the notes that changed, and writes exactly what a fresh ingest writes', () => {
    const p = project();
    expect(p.ingest()).toMatchObject({ read: 4, kept: 0 });
    const again = p.ingest();
    expect(again).toMatchObject({ read: 0, kept: 4 });
    expect(tree(again.out)).toEqual(tree(p.ingest(false).out));
    appendFileSync(join(p.sources, 'interview.md'), '\n\n## 简述 Kubernetes 中的 ConfigMap\n\nConfigMap 把配置与镜像分开，Pod 以环境变量或卷的方式读取它。\n');
    const changed = p.ingest();
    expect(changed).toMatchObject({ read: 1, kept: 3 });
    expect(tree(changed.out)).toEqual(tree(p.ingest(false).out));
    expect([...tree(changed.out).values()].some((text) => Buffer.from(text, 'base64').toString('utf8').includes('把配置与镜像分开'))).toBe(true);
  });

  it('a picture added beside the notes, a changed rules file, or a broken cache file: every note is read again', () => {
    const p = project();
    const first = p.ingest();
    expect(first.read).toBe(4);
    expect(readdirSync(join(first.out, 'assets'))).toHaveLength(1);
    // The note names images/missing.png, which was not there: once it is, its page shows it.
    cpSync(join(p.sources, 'images/pod.png'), join(p.sources, 'images/missing.png'));
    appendFileSync(join(p.sources, 'images/missing.png'), 'another picture');
    const withPicture = p.ingest();
    expect(withPicture).toMatchObject({ read: 4, kept: 0 });
    expect(readdirSync(join(withPicture.out, 'assets'))).toHaveLength(2);
    expect(tree(withPicture.out)).toEqual(tree(p.ingest(false).out));
    expect(p.ingest()).toMatchObject({ read: 0, kept: 4 });
    appendFileSync(join(p.rulesDir, 'junk-rules.yaml'), '\n# a comment is a change too\n');
    expect(p.ingest()).toMatchObject({ read: 4, kept: 0 });
    const [file] = readdirSync(p.cache);
    expect(file).toMatch(/^notes-[0-9a-f]{20}\.v8$/);
    writeFileSync(join(p.cache, file ?? ''), 'not what a cache holds');
    expect(p.ingest()).toMatchObject({ read: 4, kept: 0 });
    // Only the newest fingerprint's file is kept.
    expect(readdirSync(p.cache)).toHaveLength(1);
  });
});

import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetPrepared, inputsKey, rememberPrepared, unchangedSince } from '../../src/pipeline/prepared.ts';
import { cloneCopy } from '../helpers/project-copy.ts';

/** A content folder with a rules file and two written pages, its notes folder inside it, and a cache folder. */
function folders() {
  const dir = mkdtempSync(join(tmpdir(), 'prepared-'));
  const content = join(dir, 'content');
  const sources = join(content, 'sources');
  mkdirSync(join(content, 'storage'), { recursive: true });
  mkdirSync(join(sources, 'images'), { recursive: true });
  writeFileSync(join(content, 'taxonomy.yaml'), 'chapters: []\n');
  writeFileSync(join(content, 'storage/pv.mdx'), '---\ntitle: PV\n---\n\n持久卷由管理员创建。\n');
  writeFileSync(join(content, 'sidebar.json'), '[]\n');
  writeFileSync(join(sources, 'pv.md'), '# PV\n\n持久卷由管理员创建。\n');
  writeFileSync(join(sources, 'pvc.md'), '# PVC\n\n持久卷申领由用户创建。\n');
  writeFileSync(join(sources, 'images/pv.png'), 'not really a picture');
  const f = { sources, content };
  const cache = join(dir, 'cache');
  /** Records a clean prepare of what is there now; says what a later check finds. */
  const remember = () => rememberPrepared(cache, f, inputsKey(f), '2 notes → 1 pages');
  const check = () => unchangedSince(cache, f, inputsKey(f));
  return { ...f, cache, remember, check };
}

describe('a prepare with nothing to do (.cache/prepared.json)', () => {
  it('holds while nothing read and nothing written has changed', () => {
    const p = folders();
    expect(p.check()).toBeUndefined();
    p.remember();
    expect(p.check()).toBe('2 notes → 1 pages');
    // A note touched but not changed is read the same.
    utimesSync(join(p.sources, 'pv.md'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(p.check()).toBe('2 notes → 1 pages');
    forgetPrepared(p.cache);
    expect(p.check()).toBeUndefined();
  });

  it.each([
    ['a note changed, same size', (p: ReturnType<typeof folders>) => writeFileSync(join(p.sources, 'pv.md'), '# PV\n\n持久卷由用户创建。\n')],
    ['a note added', (p: ReturnType<typeof folders>) => writeFileSync(join(p.sources, 'sc.md'), '# StorageClass\n\n动态供应卷。\n')],
    ['a note removed', (p: ReturnType<typeof folders>) => rmSync(join(p.sources, 'pvc.md'))],
    ['a picture added beside the notes', (p: ReturnType<typeof folders>) => writeFileSync(join(p.sources, 'images/pvc.png'), 'another')],
    ['a rules file changed', (p: ReturnType<typeof folders>) => appendFileSync(join(p.content, 'taxonomy.yaml'), '# a comment\n')],
    ['a page edited by hand', (p: ReturnType<typeof folders>) => appendFileSync(join(p.content, 'storage/pv.mdx'), '\n手写的一句。\n')],
    ['a page removed', (p: ReturnType<typeof folders>) => rmSync(join(p.content, 'storage/pv.mdx'))],
    ['a file added to content/', (p: ReturnType<typeof folders>) => writeFileSync(join(p.content, 'storage/pvc.mdx'), '---\ntitle: PVC\n---\n')],
    ['the record broken', (p: ReturnType<typeof folders>) => writeFileSync(join(p.cache, 'prepared.json'), '{"inputs":')],
  ])('does not hold after %s', (_, change) => {
    const p = folders();
    p.remember();
    change(p);
    expect(p.check()).toBeUndefined();
  });

  it('another notes folder is another prepare', () => {
    const p = folders();
    p.remember();
    const elsewhere = join(p.content, '..', 'elsewhere');
    cpSync(p.sources, elsewhere, { recursive: true });
    const f = { sources: elsewhere, content: p.content };
    expect(unchangedSince(p.cache, f, inputsKey(f))).toBeUndefined();
  });

  it('cli.ts prepare, the first step of npm run build, does nothing when nothing changed, and runs after a change or a warning', { timeout: 120_000 }, () => {
    const project = cloneCopy();
    const prepare = () => spawnSync('node_modules/.bin/node', ['src/pipeline/cli.ts', 'prepare'], { cwd: project, encoding: 'utf8', env: { ...process.env, HANDBOOK_SOURCES: '' } });
    // (An empty HANDBOOK_SOURCES counts as none: the clone's own notes.)
    const first = prepare();
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Ingesting notes from /);
    const pages = readFileSync(join(project, 'content/sidebar.json'), 'utf8');
    const second = prepare();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^Nothing to prepare: the notes, the rules and the code are as the last build read them, and content\/ as it left it \(5 notes → \d+ sections → \d+ pages; .*\)\.\n {2}Delete \.cache\/prepared\.json to prepare afresh\.\n$/);
    expect(readFileSync(join(project, 'content/sidebar.json'), 'utf8')).toBe(pages);
    // A new question in a note: the pipeline runs, and its page is written.
    const note = join(project, 'content/sources', '002_6466444e8c26ab99.txt');
    appendFileSync(note, '\n\n## 简述 Kubernetes 中的 ConfigMap\n\nConfigMap 把配置与镜像分开，Pod 以环境变量或卷的方式读取它。\n');
    const third = prepare();
    expect(third.stdout).toMatch(/^Ingesting notes from /);
    expect(third.stdout).toMatch(/1 read afresh, 4 unchanged/);
    // A note that cannot be read is reported at every build, never skipped over.
    writeFileSync(join(project, 'content/sources/empty.md'), '');
    for (const run of [prepare(), prepare()]) {
      expect(run.stdout).toMatch(/^Ingesting notes from /);
      expect(run.stderr).toMatch(/✗ empty\.md: the file is empty/);
    }
    rmSync(project, { recursive: true, force: true });
  });
});

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { outDirOf } from '../../src/build.ts';
import { compileCounts, KEEP_COMPILED, keepCompiled, mdxError, rememberCompiled } from '../../src/pipeline/emit/compile-mdx.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { decode, UnreadableNoteError } from '../../src/pipeline/read/decode.ts';
import { plainTextToMdast } from '../../src/pipeline/read/plain-text.ts';
import { loadRules } from '../../src/pipeline/rules/index.ts';
import { CONTENT_DIR, rules } from '../helpers/rules.ts';

const GOOD = Buffer.from('## 什么是 Pod？\n\nPod 是 Kubernetes 中最小的部署单元。\n');
const BAD: Record<string, { bytes: Buffer; reason: RegExp }> = {
  'empty.md': { bytes: Buffer.alloc(0), reason: /empty/ },
  'blank.txt': { bytes: Buffer.from(' \n\t\r\n  \n'), reason: /only whitespace/ },
  'picture.png': { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), reason: /binary/ },
  'latin1.txt': { bytes: Buffer.from([0x80, 0xff, 0xfe, 0x81, 0x30, 0xff, 0x41, 0xff]), reason: /could not be decoded/ },
};

describe('bad input', () => {
  for (const [name, { bytes, reason }] of Object.entries(BAD)) {
    it(`${name}: refused with a reason and a hint`, () => {
      let error: unknown;
      try {
        decode(bytes);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UnreadableNoteError);
      expect((error as Error).message).toMatch(reason);
      expect((error as UnreadableNoteError).hint.length).toBeGreaterThan(10);
    });
  }

  it('one bad note does not stop the others; the report names it and why', () => {
    const inputs = [{ name: 'good.md', bytes: GOOD }, ...Object.entries(BAD).map(([name, { bytes }]) => ({ name, bytes })), { name: 'broken.ipynb', bytes: Buffer.from('{"cells": [{"cell_type": "markdown", "source": "# 半个笔记本') }];
    const { report, files } = runPipeline(inputs, rules);
    expect(report.errors.map((e) => e.file)).toEqual(['broken.ipynb', ...Object.keys(BAD)].sort());
    expect(report.errors.find((e) => e.file === 'broken.ipynb')?.reason).toMatch(/^it is not a notebook: /);
    expect(report.sources.map((s) => s.file)).toEqual(['good.md']);
    expect(files.some((f) => f.content.includes('Pod 是 Kubernetes 中最小的部署单元'))).toBe(true);
  });

  it('npm run ingest: progress per note, errors named, --strict exits non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handbook-sources-'));
    const out = mkdtempSync(join(tmpdir(), 'handbook-out-'));
    writeFileSync(join(dir, 'good.md'), GOOD);
    writeFileSync(join(dir, 'empty.md'), '');
    const cli = ['node_modules/.bin/tsx', 'src/pipeline/cli.ts', 'ingest', '--sources', dir, '--out', out];
    const relaxed = spawnSync(cli[0] ?? '', cli.slice(1), { encoding: 'utf8' });
    expect(relaxed.status).toBe(0);
    expect(relaxed.stdout).toMatch(/✓ good\.md: markdown, utf-8, 1 sections/);
    expect(relaxed.stderr).toMatch(/✗ empty\.md: the file is empty/);
    expect(readdirSync(out).sort()).toEqual(['chapters.json', 'components', 'diagrams.json', 'glossary.json', 'ingest-report.json', 'networking', 'search.json', 'security', 'sidebar.json', 'storage', 'ui.json']);
    const strict = spawnSync(cli[0] ?? '', [...cli.slice(1), '--strict'], { encoding: 'utf8' });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/empty\.md/);
  });

  it('HANDBOOK_SOURCES selects the notes folder; a missing folder is a clear error', () => {
    const out = mkdtempSync(join(tmpdir(), 'handbook-out-'));
    const result = spawnSync('node_modules/.bin/tsx', ['src/pipeline/cli.ts', 'ingest', '--out', out], { encoding: 'utf8', env: { ...process.env, HANDBOOK_SOURCES: '/nonexistent/notes' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\/nonexistent\/notes does not exist[\s\S]*Hint: Pass --sources DIR or set HANDBOOK_SOURCES/);
    expect(existsSync(join(out, 'sidebar.json'))).toBe(false);
  });

  it('npm run build stops at the pipeline with the same message and exit code, before Astro reads anything', () => {
    const result = spawnSync('node_modules/.bin/node', ['src/build.ts'], { encoding: 'utf8', env: { ...process.env, HANDBOOK_SOURCES: '/nonexistent/notes' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\/nonexistent\/notes does not exist[\s\S]*Hint: Pass --sources DIR/);
    expect(result.stdout).not.toContain('[build]');
  });

  it('the PDF step says what is missing when there is no built site', () => {
    const result = spawnSync('node_modules/.bin/node', ['src/book/cli.ts', '--site', '/nonexistent/dist'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('✗ No built site: /nonexistent/dist/index.html does not exist.\n  Hint: Build the site first (npm run build), or pass --site DIR.\n');
  });

  it('npm run build prints the book in the folder astro build wrote', () => {
    expect(outDirOf([])).toBe('dist');
    expect(outDirOf(['--outDir', 'out/site'])).toBe('out/site');
    expect(outDirOf(['--verbose', '--outDir=public-site'])).toBe('public-site');
  });
});

describe('plain-text line shapes are data (content/markup.yaml, plain-text)', () => {
  const text = '第一章 总览\n这一章说明集群由哪些部分组成，以及它们怎样配合工作。\n第1步：准备节点\n';
  const shapes = (plain: typeof rules.markup['plain-text']) => {
    const tree = plainTextToMdast(text, plain);
    return tree.children.map((n) => n.type + (n.type === 'heading' ? n.depth : '')).join(' ');
  };

  it('a numbering style written in the rules makes headings and steps, without code changes', () => {
    expect(shapes(rules.markup['plain-text'])).toBe('heading1 paragraph paragraph');
    const chapters = { ...rules.markup['plain-text'], 'numbered-heading': '^第[一二三四五六七八九十]+章\\s*\\S', 'numbered-step': '^第(\\d+)步[:：]\\s*(\\S.*)$' };
    expect(shapes(chapters)).toBe('heading2 paragraph list');
  });

  it('a broken shape names the file, the field and what to write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'markup-'));
    cpSync(CONTENT_DIR, dir, { recursive: true, filter: (src) => !src.includes('/sources') && !src.includes('/diagrams') });
    const markup = parse(readFileSync(join(dir, 'markup.yaml'), 'utf8')) as { 'plain-text': Record<string, unknown> };
    markup['plain-text']['numbered-step'] = '^\\d+[.、]\\s*\\S.*$';
    markup['plain-text'].prompt = '^(\\$';
    writeFileSync(join(dir, 'markup.yaml'), stringify(markup));
    expect(() => loadRules(dir)).toThrow(/markup\.yaml does not match its schema:[\s\S]*plain-text\.numbered-step: capture the number and the text as two groups[\s\S]*plain-text\.prompt: not a valid regular expression/);
  });
});

describe('the MDX check remembers what compiled (.cache/mdx-compiled.txt)', () => {
  it('a rebuild does not compile a body again; a failing body, or other packages, are compiled afresh', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'handbook-compiled-')), 'mdx-compiled.txt');
    const body = '## 第一节\n\n`kubectl get pods` 列出 {Pod}。\n';
    const run = (text: string) => {
      rememberCompiled(file);
      const error = mdxError(text);
      keepCompiled(file);
      return { error, ...compileCounts };
    };
    expect(run(body)).toEqual({ error: undefined, compiled: 1, remembered: 0 });
    expect(run(body)).toEqual({ error: undefined, compiled: 0, remembered: 1 });
    // A body that fails is compiled every time; runs that did not meet a body still keep it.
    const broken = '<div>没有闭合\n';
    expect(run(broken)).toMatchObject({ compiled: 1, remembered: 0 });
    expect(run(broken)).toMatchObject({ error: expect.stringMatching(/closing tag|end of file/i), compiled: 1, remembered: 0 });
    expect(run(body)).toEqual({ error: undefined, compiled: 0, remembered: 1 });
    // The file keeps at most KEEP_COMPILED bodies, this run's first.
    const [header] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [header, ...Array.from({ length: KEEP_COMPILED + 5 }, (_, i) => `earlier-${i}`)].join('\n'));
    expect(run(body)).toEqual({ error: undefined, compiled: 1, remembered: 0 });
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(KEEP_COMPILED + 1);
    expect(run(body)).toEqual({ error: undefined, compiled: 0, remembered: 1 });
    // What compiled with other packages is not taken as compiling with these.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^packages \S+/, 'packages other'));
    expect(run(body)).toEqual({ error: undefined, compiled: 1, remembered: 0 });
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { diagramSpec, type DiagramSpec } from '../../src/pipeline/diagram/index.ts';
import { errorPath, renderDiagrams, scopeIds, svgPath } from '../../src/pipeline/diagram/render.ts';
import { MERMAID_VERSION, svgFileName } from '../../src/pipeline/diagram/settings.ts';
import { mergeThemes } from '../../src/pipeline/diagram/theme-merge.ts';
import { mermaidError } from '../../src/pipeline/diagram/validate.ts';
import { launchBrowser } from '../helpers/browser.ts';

function spec(code: string, author = false): DiagramSpec {
  return diagramSpec(code, { caption: '测试图', source: 'note.md', section: '某一节', author });
}

const VALID = spec('sequenceDiagram\n  participant kubectl as kubectl\n  participant api as kube-apiserver\n  kubectl->>api: 1. 创建 Pod\n');
const FLOW = spec('flowchart TD\n  s1["1. 编写定义文件"]\n  s2["2. 提交给<br/>kube-apiserver"]\n  s1 --> s2\n');
const BROKEN_AUTHOR = spec('flowchart LR\n  A -->\n  ((( 不完整', true);
const BROKEN_GENERATED = spec('sequenceDiagram\n  this is not mermaid ->>\n');
const noBrowser = () => Promise.reject(new Error('no chromium here'));

describe('diagram files are keyed by everything that shapes them', () => {
  it('names the SVG by Mermaid’s version, the settings and the code', () => {
    expect(VALID.file).toMatch(/^[0-9a-f]{16}\.svg$/);
    expect(svgFileName(VALID.code)).toBe(VALID.file);
    expect(svgFileName(`${VALID.code} `)).not.toBe(VALID.file);
    expect(MERMAID_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('Mermaid’s parser, without a browser', () => {
  it('accepts valid diagrams and gives the parser’s message for broken ones', async () => {
    expect(await mermaidError(VALID.code)).toBeUndefined();
    expect(await mermaidError(FLOW.code)).toBeUndefined();
    expect(await mermaidError(BROKEN_AUTHOR.code)).toMatch(/Parse error on line \d/);
    expect(await mermaidError(BROKEN_GENERATED.code)).toMatch(/error/i);
  });

  it('leaves no window behind in the process', async () => {
    await mermaidError(VALID.code);
    expect(typeof (globalThis as Record<string, unknown>)['window']).toBe('undefined');
    expect(typeof (globalThis as Record<string, unknown>)['document']).toBe('undefined');
  });

  it('with no browser: invalid diagrams get their error file, the others are listed as missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diagrams-'));
    const result = await renderDiagrams([VALID, BROKEN_AUTHOR], dir, noBrowser);
    expect(result.noBrowser).toBe('no chromium here');
    expect(result.missing.map((s) => s.id)).toEqual([VALID.id]);
    expect(result.invalid.map((i) => i.spec.id)).toEqual([BROKEN_AUTHOR.id]);
    expect(readFileSync(errorPath(dir, BROKEN_AUTHOR), 'utf8')).toMatch(/Parse error/);
    expect(existsSync(svgPath(dir, VALID))).toBe(false);
  });
});

describe('one SVG for both themes', () => {
  const light = '<svg id="x" viewBox="0 0 10 10"><style>#x .a{fill:#ffffff;stroke:#333}</style><g id="root-1"><rect fill="#eeeeee" stroke="#999"/><stop stop-color="#123456"/></g></svg>';
  const dark = '<svg id="x" viewBox="0 0 10 10"><style>#x .a{fill:#000000;stroke:#333}</style><g id="root-4"><rect fill="#222222" stroke="#999"/><stop stop-color="#654321"/></g></svg>';

  it('turns the colours that differ into custom properties the dark theme switches', () => {
    const merged = mergeThemes(light, dark, 'x');
    const vars = [...merged.matchAll(/var\((--dg-[0-9a-f]{6})\)/g)].map((m) => m[1]);
    expect(new Set(vars).size).toBe(3);
    // Same colour in both themes: kept as it is; presentation attributes move into style.
    expect(merged).toContain('stroke:#333');
    expect(merged).toContain('stroke="#999"');
    expect(merged).not.toContain('fill="#eeeeee"');
    expect(merged).toMatch(/<rect stroke="#999" style="fill:var\(--dg-[0-9a-f]{6}\)">/);
    expect(merged).toMatch(/<stop style="stop-color:var\(--dg-[0-9a-f]{6}\)">/);
    expect(merged).toMatch(/#x\{--dg-[0-9a-f]{6}:#[0-9a-f]+;.*\}:root\[data-theme='dark'\] #x\{/);
    for (const color of ['#ffffff', '#eeeeee', '#123456', '#000000', '#222222', '#654321']) expect(merged).toContain(color);
  });

  it('refuses two renders that are not the same diagram', () => {
    expect(() => mergeThemes(light, dark.replace('<rect', '<circle'), 'x')).toThrow(/not the same diagram/);
    expect(() => mergeThemes(light, dark.replace('stroke:#333', 'stroke:#333;opacity:0'), 'x')).toThrow(/stylesheets/);
  });
});

describe('diagram rendering (Mermaid in Chromium)', () => {
  it('draws one themed SVG per diagram with the labels as real text, then starts no browser for it again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diagrams-'));
    let launches = 0;
    const launch = () => {
      launches++;
      return launchBrowser();
    };
    const first = await renderDiagrams([VALID, FLOW], dir, launch);
    expect(first).toMatchObject({ rendered: 2, kept: 0, invalid: [], missing: [] });
    const svg = readFileSync(svgPath(dir, VALID), 'utf8');
    expect(svg).toMatch(/^<svg style="--dg-w:\d+px"/);
    expect(svg).toContain('kube-apiserver');
    expect(svg).toContain('1. 创建 Pod');
    expect(svg).toMatch(/:root\[data-theme='dark'\] #dg-[0-9a-f]{16}\{--dg-/);
    // Labels are SVG text (no HTML inside the SVG), and a <br/> in a label is a line of its own.
    const flow = readFileSync(svgPath(dir, FLOW), 'utf8');
    expect(flow).not.toContain('foreignObject');
    const rows = [...new JSDOM(flow).window.document.querySelectorAll('[id$="flowchart-s2-1"] tspan.row')].map((row) => row.textContent);
    expect(rows).toEqual(['2. 提交给', 'kube-apiserver']);
    // Ids are scoped once, by the SVG's own id.
    expect(flow).not.toMatch(/id="(dg-[0-9a-f]{16})-\1/);
    const second = await renderDiagrams([VALID, FLOW], dir, launch);
    expect(second).toMatchObject({ rendered: 0, kept: 2 });
    expect(launches).toBe(1);
  });

  it('deletes the files of diagrams no longer listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diagrams-'));
    writeFileSync(join(dir, '0000000000000000.svg'), '<svg/>');
    writeFileSync(join(dir, '0000000000000000.error.txt'), 'old');
    const result = await renderDiagrams([], dir, noBrowser);
    expect(result.removed).toEqual(['0000000000000000.error.txt', '0000000000000000.svg']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('npm run diagrams: a note’s own invalid block is a warning; an invalid generated one fails naming note and section', () => {
    const content = mkdtempSync(join(tmpdir(), 'content-'));
    mkdirSync(join(content, 'diagrams'));
    const run = () => spawnSync('node_modules/.bin/tsx', ['src/pipeline/cli.ts', 'diagrams', '--content', content], { encoding: 'utf8' });
    writeFileSync(join(content, 'diagrams.json'), JSON.stringify([VALID, BROKEN_AUTHOR]));
    const warned = run();
    expect(warned.status).toBe(0);
    expect(warned.stderr).toMatch(/mermaid block in note\.md § 某一节 is invalid; it is shown as code/);
    writeFileSync(join(content, 'diagrams.json'), JSON.stringify([VALID, BROKEN_GENERATED]));
    const failed = run();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/diagram made from note\.md § 某一节 is invalid/);
  });

  it('npm run diagrams without a browser names each diagram left undrawn and does not fail', () => {
    const content = mkdtempSync(join(tmpdir(), 'content-'));
    writeFileSync(join(content, 'diagrams.json'), JSON.stringify([VALID]));
    const run = spawnSync('node_modules/.bin/tsx', ['src/pipeline/cli.ts', 'diagrams', '--content', content], { encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' } });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('1 diagram(s) have no SVG yet and no browser could be started');
    expect(run.stderr).toContain('note.md § 某一节: 「测试图」');
  });

  it('keeps ids of two SVGs on one page apart', () => {
    const svg = '<svg id="d-1"><defs><marker id="arrowhead"/></defs><path marker-end="url(#arrowhead)"/><use href="#arrowhead"/></svg>';
    expect(scopeIds(svg, 'd-1')).toBe('<svg id="d-1"><defs><marker id="d-1-arrowhead"/></defs><path marker-end="url(#d-1-arrowhead)"/><use href="#d-1-arrowhead"/></svg>');
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorPath, renderDiagrams, renumberCounters, scopeIds, svgPath } from '../../src/pipeline/diagram/render.ts';
import { MERMAID_VERSION, svgFileName } from '../../src/pipeline/diagram/settings.ts';
import { drawnOnce } from '../../src/pipeline/diagram/one-render.ts';
import { mergeThemes } from '../../src/pipeline/diagram/theme-merge.ts';
import { mermaidError } from '../../src/pipeline/diagram/validate.ts';
import { BROKEN_AUTHOR, BROKEN_GENERATED, FLOW, VALID } from '../helpers/diagram-specs.ts';

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

describe('which diagrams one render draws', () => {
  it('takes the kinds whose colours are theme variables, after blank and comment lines', () => {
    expect(drawnOnce('flowchart TD\n  A --> B')).toBe(true);
    expect(drawnOnce('\n%% 注释\ngraph LR;\n  A --> B')).toBe(true);
    expect(drawnOnce('sequenceDiagram\n  A->>B: 请求')).toBe(true);
    expect(drawnOnce('stateDiagram-v2\n  [*] --> A')).toBe(true);
    expect(drawnOnce('erDiagram\n  A ||--o{ B : has')).toBe(true);
  });
  it('draws twice the other kinds, and a diagram that sets its own configuration', () => {
    expect(drawnOnce('pie title 资源\n  "CPU" : 40')).toBe(false);
    expect(drawnOnce('gitGraph\n  commit')).toBe(false);
    expect(drawnOnce("%%{init: {'theme': 'forest'}}%%\nflowchart TD\n  A --> B")).toBe(false);
    expect(drawnOnce('---\nconfig:\n  theme: dark\n---\nflowchart TD\n  A --> B')).toBe(false);
    expect(drawnOnce('')).toBe(false);
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

describe('diagram files on disk, without a browser', () => {
  it('deletes the files of diagrams no longer listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diagrams-'));
    writeFileSync(join(dir, '0000000000000000.svg'), '<svg/>');
    writeFileSync(join(dir, '0000000000000000.error.txt'), 'old');
    const result = await renderDiagrams([], dir, noBrowser);
    expect(result.removed).toEqual(['0000000000000000.error.txt', '0000000000000000.svg']);
    expect(readdirSync(dir)).toEqual([]);
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

  it('numbers the participants of a sequence diagram from 0, whatever Mermaid drew before it in the page', () => {
    const drawnLater = '<svg id="d"><line id="d-actor27" x="1"/><g id="d-root-27"/><line id="d-actor26"/><g id="d-root-26"/><use href="#d-actor27"/><path marker-end="url(#d-root-26)"/><text>actor27</text></svg>';
    expect(renumberCounters(drawnLater, 'd')).toBe('<svg id="d"><line id="d-actor1" x="1"/><g id="d-root-1"/><line id="d-actor0"/><g id="d-root-0"/><use href="#d-actor1"/><path marker-end="url(#d-root-0)"/><text>actor27</text></svg>');
    const first = '<svg id="d"><line id="d-actor0"/><g id="d-root-0"/></svg>';
    expect(renumberCounters(first, 'd')).toBe(first);
  });
});

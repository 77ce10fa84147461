import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramId, type DiagramSpec } from '../../src/pipeline/diagram/index.ts';
import { cachePath, renderDiagrams, scopeIds } from '../../src/pipeline/diagram/render.ts';
import { launchBrowser } from '../helpers/browser.ts';

function spec(code: string, author = false): DiagramSpec {
  return { id: diagramId(code), code, caption: '测试图', source: 'note.md', section: '某一节', author };
}

const VALID = spec('sequenceDiagram\n  participant kubectl as kubectl\n  participant api as kube-apiserver\n  kubectl->>api: 创建 Pod\n');
const BROKEN_AUTHOR = spec('flowchart LR\n  A -->\n  ((( 不完整', true);
const BROKEN_GENERATED = spec('sequenceDiagram\n  this is not mermaid ->>\n');

describe('diagram rendering (Mermaid in Chromium)', () => {
  it('renders a light and a dark SVG with the labels as real text, then serves them from the cache', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'diagrams-'));
    let launches = 0;
    const launch = () => {
      launches++;
      return launchBrowser();
    };
    const first = await renderDiagrams([VALID], cache, launch);
    expect(first).toMatchObject({ rendered: 1, cached: 0, invalid: [] });
    const light = readFileSync(cachePath(cache, VALID.id, 'light'), 'utf8');
    const dark = readFileSync(cachePath(cache, VALID.id, 'dark'), 'utf8');
    expect(light).toMatch(/^<svg/);
    expect(light).toContain('kube-apiserver');
    expect(light).toContain('创建 Pod');
    expect(light).not.toBe(dark);
    expect(light).toContain(`id="${VALID.id}-light"`);
    const second = await renderDiagrams([VALID], cache, launch);
    expect(second).toMatchObject({ rendered: 0, cached: 1 });
    expect(launches).toBe(1);
  });

  it('parses with Mermaid: an invalid diagram is cached as an error, not rendered', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'diagrams-'));
    const result = await renderDiagrams([VALID, BROKEN_AUTHOR], cache, launchBrowser);
    expect(result.rendered).toBe(1);
    expect(result.invalid.map((i) => i.spec.id)).toEqual([BROKEN_AUTHOR.id]);
    expect(existsSync(cachePath(cache, BROKEN_AUTHOR.id, 'error'))).toBe(true);
    expect(existsSync(cachePath(cache, BROKEN_AUTHOR.id, 'light'))).toBe(false);
  });

  it('says so when no browser can be started, and renders nothing', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'diagrams-'));
    const result = await renderDiagrams([VALID], cache, () => Promise.reject(new Error('no chromium here')));
    expect(result.noBrowser).toBe('no chromium here');
    expect(result.rendered).toBe(0);
  });

  it('npm run diagrams: a note’s own invalid block is a warning; an invalid generated one fails naming note and section', () => {
    const content = mkdtempSync(join(tmpdir(), 'content-'));
    const cache = mkdtempSync(join(tmpdir(), 'diagrams-'));
    const run = () => spawnSync('node_modules/.bin/tsx', ['src/pipeline/cli.ts', 'diagrams', '--content', content, '--cache', cache], { encoding: 'utf8' });
    writeFileSync(join(content, 'diagrams.json'), JSON.stringify([VALID, BROKEN_AUTHOR]));
    const warned = run();
    expect(warned.status).toBe(0);
    expect(warned.stderr).toMatch(/mermaid block in note\.md § 某一节 is invalid; it is shown as code/);
    writeFileSync(join(content, 'diagrams.json'), JSON.stringify([VALID, BROKEN_GENERATED]));
    const failed = run();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/diagram made from note\.md § 某一节 is invalid/);
  });

  it('keeps ids of two SVGs on one page apart', () => {
    const svg = '<svg id="d-1-light"><defs><marker id="arrowhead"/></defs><path marker-end="url(#arrowhead)"/><use href="#arrowhead"/></svg>';
    expect(scopeIds(svg, 'd-1-light')).toBe('<svg id="d-1-light"><defs><marker id="d-1-light-arrowhead"/></defs><path marker-end="url(#d-1-light-arrowhead)"/><use href="#d-1-light-arrowhead"/></svg>');
  });
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderDiagrams, svgPath } from '../../src/pipeline/diagram/render.ts';
import { mermaidError } from '../../src/pipeline/diagram/validate.ts';
import { diagramSpecSchema } from '../../src/schema.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { ROOT } from '../helpers/project-copy.ts';
import { BROKEN_AUTHOR, BROKEN_GENERATED, FLOW, VALID } from '../helpers/diagram-specs.ts';

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

  it('an invalid diagram gets the message of Mermaid’s parser, drawn in the browser as checked in Node', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diagrams-'));
    const result = await renderDiagrams([BROKEN_AUTHOR, VALID], dir, launchBrowser);
    expect(result).toMatchObject({ rendered: 1, missing: [] });
    const expected = await mermaidError(BROKEN_AUTHOR.code);
    expect(expected).toMatch(/Parse error/);
    expect(result.invalid.map((i) => i.error)).toEqual([expected]);
  });

  it('the committed SVGs of the bundled notes are what drawing their code makes now, byte for byte', async () => {
    // An SVG is named by everything that shapes it: a change to the drawing that leaves the names
    // as they are must leave the bytes as they are too, or the committed files are stale.
    const specs = diagramSpecSchema.array().parse(JSON.parse(readFileSync(join(ROOT, 'content/diagrams.json'), 'utf8')));
    const dir = mkdtempSync(join(tmpdir(), 'diagrams-'));
    expect(await renderDiagrams(specs, dir, launchBrowser)).toMatchObject({ rendered: specs.length, invalid: [], unthemed: [] });
    const committed = join(ROOT, 'content/diagrams');
    expect(readdirSync(dir).sort()).toEqual(readdirSync(committed).sort());
    // Named, not printed: an SVG runs to tens of kilobytes.
    expect(readdirSync(dir).filter((name) => readFileSync(join(dir, name), 'utf8') !== readFileSync(join(committed, name), 'utf8'))).toEqual([]);
  });
});

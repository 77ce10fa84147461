import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderDiagrams, svgPath } from '../../src/pipeline/diagram/render.ts';
import { mermaidError } from '../../src/pipeline/diagram/validate.ts';
import { DIAGRAM_FONT, RENDER_SETTINGS, THEME_VARIABLES } from '../../src/pipeline/diagram/settings.ts';
import { diagramSpecSchema } from '../../src/schema.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { ROOT } from '../helpers/project-copy.ts';
import { BROKEN_AUTHOR, BROKEN_GENERATED, FLOW, ONE_RENDER_SET, TWO_RENDER_SET, VALID } from '../helpers/diagram-specs.ts';

const require = createRequire(import.meta.url);
/** A diagram shown at its natural width, in a page without the site's styles. */
const shown = (svg: string, theme: 'light' | 'dark') => {
  const width = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+)/.exec(svg)?.[1];
  return `<!doctype html><html lang="zh-CN" data-theme="${theme}"><body style="margin:0;background:#888"><div style="width:${width}px">${svg}</div><style>div>svg{width:100%!important;max-width:none!important;height:auto!important}</style></body></html>`;
};

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

  it('draws the kinds whose colours are theme variables once, and the picture is Mermaid’s own light and dark render, pixel for pixel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diagrams-'));
    const specs = [...ONE_RENDER_SET, ...TWO_RENDER_SET];
    const result = await renderDiagrams(specs, dir, launchBrowser);
    expect(result).toMatchObject({ rendered: specs.length, invalid: [], unthemed: [], renders: ONE_RENDER_SET.length + 2 * TWO_RENDER_SET.length });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const shot = async (html: string) => {
        await page.setContent(html);
        return page.locator('div > svg').screenshot();
      };
      let differs = 0;
      for (const spec of specs) {
        const themed = readFileSync(svgPath(dir, spec), 'utf8');
        for (const theme of ['light', 'dark'] as const) {
          // Mermaid's own render with the theme's palette, in a page of its own.
          await page.setContent('<!doctype html><body></body>');
          await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
          const own = await page.evaluate(
            async ({ code, settings, palette, font }) => {
              const mermaid = (window as unknown as { mermaid: { initialize: (c: object) => void; render: (id: string, c: string) => Promise<{ svg: string }> } }).mermaid;
              mermaid.initialize({ ...settings, fontFamily: font, themeVariables: { ...palette, fontFamily: font } });
              return (await mermaid.render('own', code)).svg;
            },
            { code: spec.code, settings: RENDER_SETTINGS, palette: THEME_VARIABLES[theme], font: DIAGRAM_FONT },
          );
          const expected = await shot(shown(own, theme));
          expect(Buffer.compare(await shot(shown(themed, theme)), expected), `${spec.code.split('\n')[0]} in the ${theme} theme`).toBe(0);
          // The comparison sees colours: the other theme's picture is not this one.
          if (Buffer.compare(await shot(shown(themed, theme === 'light' ? 'dark' : 'light')), expected) !== 0) differs++;
        }
      }
      expect(differs).toBe(2 * specs.length);
    } finally {
      await browser.close();
    }
  });
});

import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import type { DiagramSpec } from './index.ts';
import { DIAGRAM_FONT, RENDER_SETTINGS, THEME_VARIABLES } from './settings.ts';
import { drawnOnce, drawWithStandIns, prepareOneRender } from './one-render.ts';
import { mermaidError } from './validate.ts';

const require = createRequire(import.meta.url);

export interface RenderResult {
  /** Drawn in this run. */
  rendered: number;
  /** Already committed for this Mermaid, these settings and this code. */
  kept: number;
  /** Files of diagrams no page shows any more, deleted. */
  removed: string[];
  invalid: { spec: DiagramSpec; error: string }[];
  /** Diagrams left without an SVG because no browser could be started (with the reason). */
  missing: DiagramSpec[];
  /** Drawn with the light palette only: the two renders could not be merged (with the reason). */
  unthemed: { spec: DiagramSpec; reason: string }[];
  /** Mermaid renders made: one per diagram drawn with stand-ins for the theme colours (one-render.ts), two per diagram drawn twice and merged. */
  renders: number;
  noBrowser?: string;
}

/** The SVG file, and the file that holds Mermaid's message when the code does not parse. */
const errorFile = (spec: DiagramSpec) => spec.file.replace(/\.svg$/, '.error.txt');
export const svgPath = (dir: string, spec: DiagramSpec) => join(dir, spec.file);
export const errorPath = (dir: string, spec: DiagramSpec) => join(dir, errorFile(spec));

/**
 * A page may hold several diagrams: ids inside an SVG (arrow markers, groups) are prefixed with
 * the SVG's own id so that references never reach into another SVG and no id repeats.
 */
export function scopeIds(svg: string, rootId: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '').filter((id) => id && !id.startsWith(rootId)));
  let out = svg;
  for (const id of ids) {
    const scoped = `${rootId}-${id}`;
    out = out.split(`id="${id}"`).join(`id="${scoped}"`).split(`url(#${id})`).join(`url(#${scoped})`).split(`href="#${id}"`).join(`href="#${scoped}"`);
  }
  return out;
}

/**
 * Mermaid numbers sequence-diagram participants with counters that live as long as the page
 * (`actor7`, `root-7`), so the same code drawn after other diagrams got other ids. Each such
 * run of ids is numbered again from 0 in its order: the SVG no longer depends on what was drawn
 * before it, or on which page drew it.
 */
const PAGE_COUNTERS = ['actor', 'root-'];
export function renumberCounters(svg: string, rootId: string): string {
  let out = svg;
  for (const stem of PAGE_COUNTERS) {
    const prefix = `${rootId}-${stem}`;
    const numbers = [...new Set([...svg.matchAll(new RegExp(`\\sid="${prefix}(\\d+)"`, 'g'))].map((m) => Number(m[1])))].sort((a, b) => a - b);
    const renamed = new Map(numbers.map((n, i) => [`${prefix}${n}`, `${prefix}${i}`]));
    if ([...renamed].every(([from, to]) => from === to)) continue;
    out = out.replace(new RegExp(`(["#])(${prefix}\\d+)([")])`, 'g'), (_whole, open: string, id: string, close: string) => `${open}${renamed.get(id) ?? id}${close}`);
  }
  return out;
}

/** The natural width as a custom property: the page shows the SVG at 75–100 % of it, never smaller. */
function sized(svg: string): string {
  const viewBox = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!viewBox) throw new Error('the SVG has no viewBox');
  const width = Math.ceil(Number(viewBox[1]));
  return svg.replace(/^<svg([^>]*?)\sstyle="[^"]*"/, '<svg$1').replace(/^<svg/, `<svg style="--dg-w:${width}px"`);
}

/** One diagram drawn: the themed SVG (and why it kept its light colours, if it did), or Mermaid's message. */
type Drawn = ({ svg: string; unthemed?: string } | { error: string }) & { renders: number };

/**
 * Draws one diagram in a page that has Mermaid loaded and the stand-ins prepared: once, with the
 * stand-ins (one-render.ts), where that holds; else light and dark, merged into one SVG.
 */
async function draw(page: Page, spec: DiagramSpec): Promise<Drawn> {
  const rootId = `dg-${spec.file.replace(/\.svg$/, '')}`;
  if (drawnOnce(spec.code)) {
    const once = await page.evaluate(drawWithStandIns, { code: spec.code, rootId, settings: RENDER_SETTINGS, font: DIAGRAM_FONT });
    if ('svg' in once) return { svg: sized(renumberCounters(scopeIds(once.svg, rootId), rootId)), renders: 1 };
    if ('error' in once) return { ...once, renders: 1 };
  }
  const drawn: { svgs: string[] } | { error: string } = await page.evaluate(
    async ({ code, rootId, settings, palettes, font }) => {
      const mermaid = (window as unknown as { mermaid: { initialize: (c: object) => void; render: (id: string, c: string) => Promise<{ svg: string }> } }).mermaid;
      const out: string[] = [];
      const base = { ...settings, deterministicIDSeed: rootId, fontFamily: font };
      try {
        for (const themeVariables of palettes) {
          mermaid.initialize({ ...base, themeVariables: { ...themeVariables, fontFamily: font } });
          out.push((await mermaid.render(rootId, code)).svg);
        }
      } catch (error) {
        // Rendering parses first and throws the parser's own error: the message is the one
        // validate.ts gives in Node when there is no browser.
        return { error: (error instanceof Error ? error.message : String(error)).trim() };
      }
      return { svgs: out };
    },
    { code: spec.code, rootId, settings: RENDER_SETTINGS, palettes: [THEME_VARIABLES.light, THEME_VARIABLES.dark], font: DIAGRAM_FONT },
  );
  if ('error' in drawn) return { ...drawn, renders: 2 };
  const [light = '', dark = ''] = drawn.svgs;
  // Loaded only when something is drawn: it brings jsdom, which a build with every diagram drawn already never needs.
  const { mergeThemes } = await import('./theme-merge.ts');
  try {
    return { svg: sized(renumberCounters(scopeIds(mergeThemes(light, dark, rootId), rootId), rootId)), renders: 2 };
  } catch (error) {
    return { svg: sized(renumberCounters(scopeIds(light, rootId), rootId)), unthemed: (error as Error).message.slice(0, 200), renders: 2 };
  }
}

/**
 * Draws the diagrams whose SVG is not yet in `dir` with Mermaid itself in headless Chromium, each
 * checked by Mermaid's parser first: one SVG per diagram that follows the site's theme. With no
 * browser, the same parser runs in Node (validate.ts), so invalid diagrams are still found. SVGs are named by a hash of Mermaid's version, the settings and
 * the code, so a rebuild without diagram changes starts no browser; files of diagrams no longer
 * listed are deleted. A diagram that does not parse gets an `.error.txt` file instead.
 */
export async function renderDiagrams(specs: DiagramSpec[], dir: string, launch: () => Promise<Browser>, onProgress?: (done: number, total: number) => void, pages = Math.min(2, availableParallelism())): Promise<RenderResult> {
  mkdirSync(dir, { recursive: true });
  const result: RenderResult = { rendered: 0, kept: 0, removed: [], invalid: [], missing: [], unthemed: [], renders: 0 };
  const wanted = new Set(specs.flatMap((s) => [s.file, errorFile(s)]));
  for (const name of readdirSync(dir).sort()) {
    if (wanted.has(name) || !/\.(svg|error\.txt)$/.test(name)) continue;
    rmSync(join(dir, name));
    result.removed.push(name);
  }
  const todo: DiagramSpec[] = [];
  for (const spec of specs) {
    if (existsSync(svgPath(dir, spec))) {
      result.kept++;
      continue;
    }
    if (existsSync(errorPath(dir, spec))) result.invalid.push({ spec, error: readFileSync(errorPath(dir, spec), 'utf8').trim() });
    else todo.push(spec);
  }
  if (todo.length === 0) return result;
  let browser: Browser;
  try {
    browser = await launch();
  } catch (error) {
    // No browser: Mermaid's parser in Node still tells the invalid diagrams from the ones that wait for a browser.
    result.noBrowser = (error as Error).message.split('\n')[0] ?? String(error);
    for (const spec of todo) {
      const invalid = await mermaidError(spec.code);
      if (invalid) {
        writeFileSync(errorPath(dir, spec), `${invalid}\n`);
        result.invalid.push({ spec, error: invalid });
      } else result.missing.push(spec);
    }
    return result;
  }
  try {
    // Mermaid measures text in the page, one diagram at a time: a page per core draws in parallel.
    const drawn: (Drawn | undefined)[] = [];
    let next = 0;
    let done = 0;
    const worker = async () => {
      const page = await browser.newPage();
      // A runner that keeps functions' names (tsx) wraps every named function inside the page
      // functions of one-render.ts in its `__name` helper: the page they are sent to gets one that does nothing.
      await page.setContent(`<!doctype html><html lang="zh-CN"><head><script>globalThis.__name ??= (fn) => fn;</script></head><body style="font-family:${DIAGRAM_FONT.replace(/"/g, "'")}"></body></html>`);
      await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
      await page.evaluate(prepareOneRender, { settings: RENDER_SETTINGS, palettes: [THEME_VARIABLES.light, THEME_VARIABLES.dark], font: DIAGRAM_FONT });
      for (let i = next++; i < todo.length; i = next++) {
        const spec = todo[i] as DiagramSpec;
        drawn[i] = await draw(page, spec);
        onProgress?.(++done, todo.length);
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(pages, todo.length)) }, worker));
    // Written in the order of the specs, whichever page finished first.
    todo.forEach((spec, i) => {
      const out = drawn[i];
      if (!out) return;
      result.renders += out.renders;
      if ('error' in out) {
        writeFileSync(errorPath(dir, spec), `${out.error}\n`);
        result.invalid.push({ spec, error: out.error });
        return;
      }
      if (out.unthemed) result.unthemed.push({ spec, reason: out.unthemed });
      writeFileSync(svgPath(dir, spec), `${out.svg}\n`);
      result.rendered++;
    });
  } finally {
    await browser.close();
  }
  return result;
}

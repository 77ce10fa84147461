import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { DiagramSpec } from './index.ts';

const require = createRequire(import.meta.url);

export const THEMES = ['light', 'dark'] as const;
/** CJK first, so Chinese labels are measured with the font readers get. */
export const DIAGRAM_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export interface RenderResult {
  rendered: number;
  cached: number;
  invalid: { spec: DiagramSpec; error: string }[];
  /** Set when no browser could be started: the site then draws diagrams in the reader's browser. */
  noBrowser?: string;
}

/**
 * Two SVGs of one diagram share a page (light and dark), and a page may hold several diagrams:
 * ids inside an SVG (arrow markers, gradients) are prefixed with the SVG's own id so that
 * references never reach into another SVG.
 */
export function scopeIds(svg: string, rootId: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '').filter((id) => id && id !== rootId && !id.startsWith(`${rootId}-`)));
  let out = svg;
  for (const id of ids) {
    const scoped = `${rootId}-${id}`;
    out = out.split(`id="${id}"`).join(`id="${scoped}"`).split(`url(#${id})`).join(`url(#${scoped})`).split(`href="#${id}"`).join(`href="#${scoped}"`);
  }
  return out;
}

export const cachePath = (dir: string, id: string, kind: 'light' | 'dark' | 'error') => join(dir, `${id}.${kind}${kind === 'error' ? '.txt' : '.svg'}`);

function cached(dir: string, spec: DiagramSpec): boolean {
  return existsSync(cachePath(dir, spec.id, 'error')) || THEMES.every((t) => existsSync(cachePath(dir, spec.id, t)));
}

/**
 * Renders every diagram to a light and a dark SVG with Mermaid itself in headless Chromium,
 * after parsing it with Mermaid's parser. Results are cached by content hash (the id), so a
 * rebuild without diagram changes starts no browser. An invalid diagram is cached as an error.
 */
export async function renderDiagrams(specs: DiagramSpec[], cacheDir: string, launch: () => Promise<Browser>): Promise<RenderResult> {
  mkdirSync(cacheDir, { recursive: true });
  const todo = specs.filter((s) => !cached(cacheDir, s));
  const result: RenderResult = { rendered: 0, cached: specs.length - todo.length, invalid: [] };
  for (const spec of specs) {
    const error = cachePath(cacheDir, spec.id, 'error');
    if (existsSync(error)) result.invalid.push({ spec, error: readFileSync(error, 'utf8') });
  }
  if (todo.length === 0) return result;
  let browser: Browser;
  try {
    browser = await launch();
  } catch (error) {
    result.noBrowser = (error as Error).message.split('\n')[0] ?? String(error);
    return result;
  }
  try {
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html lang="zh-CN"><body style="font-family:${DIAGRAM_FONT.replace(/"/g, "'")}"></body></html>`);
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    for (const spec of todo) {
      const out = await page.evaluate(
        async ({ spec, themes, font }) => {
          const mermaid = (window as unknown as { mermaid: { initialize: (c: object) => void; parse: (c: string) => Promise<unknown>; render: (id: string, c: string) => Promise<{ svg: string }> } }).mermaid;
          const svgs: Record<string, string> = {};
          try {
            mermaid.initialize({ startOnLoad: false });
            await mermaid.parse(spec.code);
            for (const theme of themes) {
              mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: theme === 'dark' ? 'dark' : 'default', fontFamily: font, flowchart: { htmlLabels: false }, sequence: { useMaxWidth: true } });
              svgs[theme] = (await mermaid.render(`${spec.id}-${theme}`, spec.code)).svg;
            }
            return { svgs };
          } catch (error) {
            return { error: error instanceof Error ? error.message : String(error) };
          }
        },
        { spec, themes: [...THEMES], font: DIAGRAM_FONT },
      );
      if ('error' in out && out.error !== undefined) {
        writeFileSync(cachePath(cacheDir, spec.id, 'error'), out.error);
        result.invalid.push({ spec, error: out.error });
        continue;
      }
      for (const theme of THEMES) writeFileSync(cachePath(cacheDir, spec.id, theme), scopeIds((out as { svgs: Record<string, string> }).svgs[theme] ?? '', `${spec.id}-${theme}`));
      result.rendered++;
    }
  } finally {
    await browser.close();
  }
  return result;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { htmlFiles } from '../src/pipeline/verify/html-files.ts';

export interface Weight {
  html: number;
  css: number;
  js: number;
  htmlGz: number;
  cssGz: number;
  jsGz: number;
  /** Inline scripts (already part of the HTML bytes). */
  inlineJs: number;
}

/** Bytes a page loads before any interaction: its HTML, its stylesheets and its scripts (with static imports). */
export function pageWeight(dist: string, base: string, htmlFile: string): Weight {
  const html = readFileSync(join(dist, htmlFile));
  const text = html.toString('utf8');
  const local = (url: string) => (url.startsWith(base) ? join(dist, url.slice(base.length)) : undefined);
  const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => local(m[1] ?? '')).filter((p): p is string => !!p && existsSync(p));
  const seen = new Set<string>();
  const queue = [...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => local(m[1] ?? '')).filter((p): p is string => !!p);
  const inline = Buffer.from([...text.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n'));
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;\s])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) queue.push(join(file, '..', m[1] ?? ''));
  }
  const cssBytes = css.map((p) => readFileSync(p));
  const jsBytes = [...seen].map((p) => readFileSync(p));
  const sum = (bufs: Buffer[]) => bufs.reduce((n, b) => n + b.length, 0);
  const gz = (bufs: Buffer[]) => bufs.reduce((n, b) => n + gzipSync(b).length, 0);
  return { html: html.length, css: sum(cssBytes), js: sum(jsBytes), htmlGz: gzipSync(html).length, cssGz: gz(cssBytes), jsGz: gz(jsBytes), inlineJs: inline.length };
}

/** The median and largest gzip size of the HTML pages of a built site. */
export function medianPageGzip(dist: string): { pages: number; median: number; largest: number } {
  const sizes = htmlFiles(dist)
    .map((file) => gzipSync(readFileSync(join(dist, file))).length)
    .sort((a, b) => a - b);
  return { pages: sizes.length, median: sizes[Math.floor(sizes.length / 2)] ?? 0, largest: sizes.at(-1) ?? 0 };
}

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseFrontMatter, splitFrontMatter } from '../read/front-matter.ts';
import type { LocalImage } from '../clean/local-images.ts';
import type { OutputFile } from './index.ts';

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** Hand-written files the pipeline would have overwritten: left alone. */
  skipped: string[];
}

/**
 * Is this file one the pipeline wrote (front matter `generated: true`)? The whole front matter
 * is read, however long: a merged page lists many sources and sections.
 */
export function isGenerated(path: string): boolean {
  const { matter } = splitFrontMatter(readFileSync(path, 'utf8').replace(/\r\n?/g, '\n'));
  if (matter?.syntax !== 'yaml') return false;
  const data = parseFrontMatter(matter.text);
  return data.ok && data.data['generated'] === true;
}

/**
 * Writes the generated files under `contentDir`: changed files are rewritten, generated
 * pages that are no longer produced are removed, hand-written pages are never touched.
 */
export function writeOutput(contentDir: string, files: OutputFile[], chapters: string[], assets: LocalImage[] = []): WriteResult {
  const result: WriteResult = { written: [], unchanged: [], removed: [], skipped: [] };
  const wanted = new Set(files.map((f) => f.path));
  for (const chapter of chapters) {
    const dir = join(contentDir, chapter);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const rel = `${chapter}/${name}`;
      if (!/\.mdx?$/.test(name) || wanted.has(rel)) continue;
      if (isGenerated(join(dir, name))) {
        rmSync(join(dir, name));
        result.removed.push(rel);
      }
    }
  }
  // Pictures copied from the notes live in assets/, which belongs to the pipeline alone.
  const assetDir = join(contentDir, 'assets');
  const wantedAssets = new Set(assets.map((a) => a.path));
  if (existsSync(assetDir)) {
    for (const name of readdirSync(assetDir).sort()) {
      if (wantedAssets.has(`assets/${name}`)) continue;
      rmSync(join(assetDir, name));
      result.removed.push(`assets/${name}`);
    }
  }
  for (const asset of assets) {
    const path = join(contentDir, asset.path);
    // Named by their content: a picture already there is the same picture.
    if (existsSync(path)) {
      result.unchanged.push(asset.path);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, asset.bytes);
    result.written.push(asset.path);
  }
  for (const file of files) {
    const path = join(contentDir, file.path);
    if (existsSync(path)) {
      if (/\.mdx?$/.test(path) && !isGenerated(path)) {
        result.skipped.push(file.path);
        continue;
      }
      if (readFileSync(path, 'utf8') === file.content) {
        result.unchanged.push(file.path);
        continue;
      }
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    result.written.push(file.path);
  }
  return result;
}

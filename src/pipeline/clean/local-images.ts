import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve, sep } from 'node:path';
import { filesUnder } from '../files-under.ts';

/** Picture files a page may show. */
const PICTURE = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif']);

/** Is this file name a picture's? */
export function isPicture(name: string): boolean {
  return PICTURE.has(extname(name).toLowerCase());
}

/** A picture beside a note, copied into the site under a name made of its content. */
export interface LocalImage {
  /** Path in the content folder (`assets/<hash>.png`). */
  path: string;
  bytes: Uint8Array;
}

/** A picture's place in the site: named by its content, with its kind's extension (`.png`). */
const asset = (bytes: Uint8Array, ext: string): LocalImage => ({ path: `assets/${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}${ext}`, bytes });

/**
 * The picture a relative image URL of a note points at, when it is a picture file inside the
 * notes folder (`./images/pod.png`, `../assets/arch.png`); undefined otherwise. Query strings,
 * fragments and percent-encoding are undone first.
 */
export function findLocalImage(url: string, noteDir: string, root: string): LocalImage | undefined {
  let relative: string;
  try {
    relative = decodeURI(url.replace(/[?#].*$/, ''));
  } catch {
    return undefined;
  }
  const ext = extname(relative).toLowerCase();
  if (!isPicture(relative)) return undefined;
  const path = resolve(noteDir, relative);
  if (!(path === root || path.startsWith(`${resolve(root)}${sep}`)) || !existsSync(path) || !statSync(path).isFile()) return undefined;
  return asset(readFileSync(path), ext);
}

/** The pictures of a notes folder by file name, listed once per folder and ingest (forgetPicturesByName). */
const picturesByName = new Map<string, Map<string, string[]>>();

/** At the start of an ingest: pictures may have been added or removed since the last (npm run dev). */
export function forgetPicturesByName(): void {
  picturesByName.clear();
}

/**
 * The picture a wiki-style embed names without a path (`![[pod.png]]`): Obsidian finds it
 * wherever it is in the vault (an `attachments/` folder). Only a name that one picture of the
 * notes folder has; undefined when none or several do.
 */
export function findPictureByName(name: string, root: string): LocalImage | undefined {
  let byName = picturesByName.get(root);
  if (!byName) {
    byName = new Map();
    for (const path of filesUnder(root, isPicture)) byName.set(basename(path), [...(byName.get(basename(path)) ?? []), path]);
    picturesByName.set(root, byName);
  }
  const [path, ...others] = byName.get(basename(name)) ?? [];
  if (!path || others.length > 0) return undefined;
  return asset(readFileSync(path), extname(path).toLowerCase());
}

/** `data:image/png;base64,…`: a picture written into the note itself (Typora, a copied page). */
const DATA_PICTURE = /^data:image\/(png|jpeg|jpg|gif|webp|avif);base64,([A-Za-z0-9+/=\s]+)$/i;
/** Fewer bytes than this make no picture a reader sees: a 1×1 placeholder of a lazy-loading page. */
const MIN_PICTURE_BYTES = 128;

/**
 * The picture a `data:` URL holds, copied into the site like a picture beside the note; undefined
 * when the URL holds no raster picture (an SVG may carry scripts) or only a placeholder.
 */
export function dataImage(url: string): LocalImage | undefined {
  const match = DATA_PICTURE.exec(url.trim());
  if (!match) return undefined;
  const bytes = Buffer.from((match[2] ?? '').replace(/\s+/g, ''), 'base64');
  if (bytes.length < MIN_PICTURE_BYTES) return undefined;
  const ext = `.${(match[1] ?? 'png').toLowerCase().replace('jpeg', 'jpg')}`;
  return asset(bytes, ext);
}

/**
 * What the last `cli.ts prepare` (the pipeline's part of npm run build) read and left, kept in
 * `.cache/prepared.json`. When nothing it reads has changed since, and content/ is as it left it,
 * preparing again would write the same files: npm run build says so and goes on with Astro, without
 * loading the pipeline. Only a prepare that warned about nothing is kept, so a warning is printed
 * at every build until it is dealt with.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { writeCacheFile } from './cache-file.ts';
import { isPicture } from './clean/local-images.ts';
import { filesUnder } from './files-under.ts';
import { noteCacheFingerprint } from './note-cache.ts';

/** The folders a prepare works on: the notes, and content/ (its rules in, its chapters and diagrams out). */
export interface PrepareFolders {
  sources: string;
  content: string;
}

const STAMP = 'prepared.json';

interface Stamp {
  inputs: string;
  outputs: string;
  /** What that prepare made, as it printed it. */
  made: string;
}

/**
 * What a prepare reads, hashed: what the note cache's fingerprint covers (the code, the rules, the
 * packages, Node's version, the pictures by size and time of change), the folders' places, and
 * every other file in the notes folder by its bytes.
 */
export function inputsKey(folders: PrepareFolders): string {
  const hash = createHash('sha256').update(`${noteCacheFingerprint(folders.content, folders.sources)}\n${folders.sources}\n${folders.content}\n`);
  for (const file of filesUnder(folders.sources, (name) => !isPicture(name))) hash.update(`note ${relative(folders.sources, file)}\n`).update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * content/ as it is, hashed: every file's path, size and time of change (the notes folder left out
 * when it is inside). The ingest writes only the files that change, so a prepare with nothing to do
 * leaves this as it was; a file edited, added or removed by hand changes it.
 */
export function outputsKey(folders: PrepareFolders): string {
  const hash = createHash('sha256');
  const notes = folders.sources + sep;
  for (const file of filesUnder(folders.content, () => true)) {
    if (file.startsWith(notes)) continue;
    const { size, mtimeMs } = statSync(file);
    hash.update(`${relative(folders.content, file)} ${size} ${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** What the last prepare made, when it read what `inputs` sums up and content/ is as it left it. */
export function unchangedSince(cacheDir: string, folders: PrepareFolders, inputs: string): string | undefined {
  const file = join(cacheDir, STAMP);
  if (!existsSync(file)) return undefined;
  try {
    const stamp = JSON.parse(readFileSync(file, 'utf8')) as Partial<Stamp>;
    return stamp.inputs === inputs && typeof stamp.made === 'string' && stamp.outputs === outputsKey(folders) ? stamp.made : undefined;
  } catch {
    return undefined;
  }
}

/** Before a prepare runs: what the last one left no longer holds. */
export function forgetPrepared(cacheDir: string): void {
  rmSync(join(cacheDir, STAMP), { force: true });
}

/** After a prepare that warned about nothing: what it read (hashed before it ran), and content/ as it leaves it. */
export function rememberPrepared(cacheDir: string, folders: PrepareFolders, inputs: string, made: string): void {
  const stamp: Stamp = { inputs, outputs: outputsKey(folders), made };
  writeCacheFile(join(cacheDir, STAMP), `${JSON.stringify(stamp)}\n`);
}

/**
 * What the ingest's caches (emit/compile-mdx.ts, note-cache.ts) share: the key of the installed
 * packages, and writing a cache file whole.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The installed packages, as npm records them (node_modules/.package-lock.json), hashed: what a
 * cache learnt with one set of packages may not hold with another. Undefined when npm kept no record.
 */
export function installedPackages(): string | undefined {
  const record = new URL('../../node_modules/.package-lock.json', import.meta.url);
  return existsSync(record) ? createHash('sha256').update(readFileSync(record, 'utf8')).digest('base64url').slice(0, 24) : undefined;
}

/**
 * Writes a cache file whole, under a name of this process's own, then renames it into place: two
 * ingests at once never mix their files. A folder that cannot be written only means the next
 * ingest starts without the cache; says whether the file was written.
 */
export function writeCacheFile(file: string, data: string | Uint8Array): boolean {
  const draft = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(draft, data);
    renameSync(draft, file);
    return true;
  } catch {
    rmSync(draft, { force: true });
    return false;
  }
}

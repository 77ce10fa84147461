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
  return writeCacheDraft(file, data)?.commit() ?? false;
}

/** A cache file written under a name of this process's own, not yet in its place. */
export interface CacheDraft {
  /** Renames it into place; says whether it is there. */
  commit: () => boolean;
  /** Deletes it. */
  discard: () => void;
}

/**
 * Writes what is to become a cache file, and leaves it under a name of this process's own until it
 * is committed: what may not hold yet (the MDX check is still at work) is written at once, and its
 * memory freed, without being taken for a cache. Undefined when the folder cannot be written.
 */
export function writeCacheDraft(file: string, data: string | Uint8Array): CacheDraft | undefined {
  const draft = `${file}.${process.pid}.tmp`;
  const discard = () => rmSync(draft, { force: true });
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(draft, data);
  } catch {
    discard();
    return undefined;
  }
  const commit = () => {
    try {
      renameSync(draft, file);
      return true;
    } catch {
      discard();
      return false;
    }
  };
  return { commit, discard };
}

/**
 * The per-note results, and the pages made from them, kept between ingests
 * (`.cache/notes-<fingerprint>.v8`): a rebuild after a note was added or changed works again only
 * on the notes that changed, and lays out and writes again only the pages they changed. A result holds for as
 * long as everything it was made from holds, which the fingerprint sums up: the pipeline's code,
 * the rules, the installed packages, Node's version, and the pictures in the notes folder (a note
 * shows a picture beside it only if it is there). Anything else changed, and every note is read
 * afresh.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { installedPackages, writeCacheDraft, type CacheDraft } from './cache-file.ts';
import { isPicture } from './clean/local-images.ts';
import { filesUnder } from './files-under.ts';
import { root } from './step-basics.ts';
import type { NoteCache, PageCache } from './index.ts';

const PREFIX = 'notes-';
const SUFFIX = '.v8';


/**
 * What the per-note results depend on besides the notes themselves, hashed: the code under src/,
 * the rules files (*.yaml in `rulesDir`), the installed packages, Node's version, and each
 * picture under `sources` by path, size and time of change.
 */
export function noteCacheFingerprint(rulesDir: string, sources: string): string {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  hash.update(`packages ${installedPackages() ?? 'unrecorded'}\n`);
  for (const file of filesUnder(join(root, 'src'), () => true)) hash.update(`${relative(root, file)}\n`).update(readFileSync(file));
  for (const name of readdirSync(rulesDir).filter((n) => /\.ya?ml$/.test(n)).sort()) hash.update(`rules ${name}\n`).update(readFileSync(join(rulesDir, name)));
  for (const file of filesUnder(sources, isPicture)) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`picture ${relative(sources, file)} ${size} ${mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 20);
}

const fileOf = (dir: string, fingerprint: string) => join(dir, `${PREFIX}${fingerprint}${SUFFIX}`);

/** What is kept between ingests: per-note results, and pages as they were laid out and written. */
export interface Caches {
  notes: NoteCache;
  pages: PageCache;
}

/** What an earlier ingest kept under this fingerprint; nothing when there is none, or it cannot be read. */
export function loadCaches(dir: string, fingerprint: string): Caches {
  const file = fileOf(dir, fingerprint);
  const empty = (): Caches => ({ notes: new Map(), pages: new Map() });
  if (!existsSync(file)) return empty();
  try {
    const kept = deserialize(readFileSync(file)) as Partial<Caches> | undefined;
    return kept?.notes instanceof Map && kept.pages instanceof Map ? { notes: kept.notes, pages: kept.pages } : empty();
  } catch {
    return empty();
  }
}

/**
 * Keeps the caches for the next ingest under this fingerprint, and removes what was kept under
 * any other (it can never hold again). Written whole (cache-file.ts): a folder that cannot be
 * written only means the next ingest reads every note afresh.
 */
export function saveCaches(dir: string, fingerprint: string, caches: Caches): void {
  draftCaches(dir, fingerprint, caches)?.commit();
}

/**
 * Writes the caches as saveCaches does, but kept only once committed (cache-file.ts): the ingest
 * that checks its pages after writing them frees its memory of the caches at once, and keeps them
 * only when every page compiles.
 */
export function draftCaches(dir: string, fingerprint: string, caches: Caches): CacheDraft | undefined {
  const file = fileOf(dir, fingerprint);
  const draft = writeCacheDraft(file, serialize(caches));
  if (!draft) return undefined;
  return {
    discard: draft.discard,
    commit: () => {
      if (!draft.commit()) return false;
      for (const name of readdirSync(dir)) if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && join(dir, name) !== file) rmSync(join(dir, name), { force: true });
      return true;
    },
  };
}

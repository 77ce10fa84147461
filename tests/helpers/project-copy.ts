import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A throwaway copy of the project whose notes are `sources`: the site, the rules and the
 * hand-written pages, with node_modules hard-linked (a real folder for the bundler, no copying).
 */
export function projectCopy(sources: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-project-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  mkdirSync(join(dir, 'content'));
  for (const file of readdirSync(join(ROOT, 'content'))) if (/\.(ya?ml|md|mdx)$/.test(file)) cpSync(join(ROOT, 'content', file), join(dir, 'content', file));
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
  cpSync(sources, join(dir, 'content/sources'), { recursive: true });
  return dir;
}

/** A copy of the project as a fresh clone has it: everything committed in content/ (chapters, SVGs, notes). */
export function cloneCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-clone-'));
  for (const entry of ['src', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
  return dir;
}

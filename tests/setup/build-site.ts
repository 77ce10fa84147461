import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    /** The site built from the committed chapters, as GitHub Pages serves a project site. */
    siteDir: string;
    siteBase: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
export const SITE_BASE = '/k8s-handbook/';

/**
 * Builds the handbook once for all end-to-end tests (real Astro build, real Pagefind index, the PDF),
 * under a base path so every test also checks that links are base-aware. The diagrams are the
 * committed SVGs: no browser draws anything here (a unit test keeps them in step with the notes).
 */
export function setup(project: TestProject): void {
  const outDir = `${root}.cache/site-base`;
  if (existsSync(outDir)) rmSync(outDir, { recursive: true });
  const env = { ...process.env, NODE_ENV: 'production', BASE_PATH: SITE_BASE, SITE_URL: 'http://127.0.0.1', ASTRO_TELEMETRY_DISABLED: '1' };
  execFileSync(`${root}node_modules/.bin/astro`, ['build', '--outDir', outDir], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  // The PDF, as npm run build prints it after Astro (src/book/cli.ts).
  execFileSync(`${root}node_modules/.bin/node`, ['src/book/cli.ts', '--site', outDir], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  project.provide('siteDir', outDir);
  project.provide('siteBase', SITE_BASE);
}

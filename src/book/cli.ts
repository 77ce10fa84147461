#!/usr/bin/env node
/**
 * `node src/book/cli.ts [--site DIR]`: prints the built site (dist/ unless told) as one PDF,
 * DIR/handbook.pdf. The last step of `npm run build` (src/build.ts), in a process of its own, so
 * that Astro's memory is given back before Chromium lays out the book.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, root } from '../pipeline/step-basics.ts';
import { HANDBOOK_DESCRIPTION, HANDBOOK_TITLE, siteAddress } from '../site/identity.ts';
import { bookEnabled, bookPageCount } from './enabled.ts';

const { values } = parseArgs({ options: { site: { type: 'string' }, content: { type: 'string' } } });
const dist = resolve(values.site ?? resolve(root, 'dist'));
const sidebarFile = resolve(values.content ?? contentDir, 'sidebar.json');
for (const [what, path, hint] of [
  ['built site', resolve(dist, 'index.html'), 'Build the site first (npm run build), or pass --site DIR.'],
  ['sidebar', sidebarFile, 'Run npm run ingest first, or pass --content DIR.'],
] as const) {
  if (!existsSync(path)) {
    console.error(`✗ No ${what}: ${path} does not exist.\n  Hint: ${hint}`);
    process.exit(1);
  }
}
// Skipped before anything heavy is loaded: with HANDBOOK_PDF=0 the step costs only Node's start.
const enabled = bookEnabled(bookPageCount(JSON.parse(readFileSync(sidebarFile, 'utf8'))));
if (!enabled.ok) {
  console.log(`handbook.pdf skipped: ${enabled.why}.`);
  process.exit(0);
}
const { makeBook } = await import('./index.ts');
const { site, base } = siteAddress();
const basePath = base.endsWith('/') ? base : `${base}/`;
try {
  await makeBook({ dist, base: basePath, site: new URL(basePath, site).href, title: HANDBOOK_TITLE, description: HANDBOOK_DESCRIPTION, sidebarFile, log: (line) => console.log(line) });
} catch (error) {
  console.error(`✗ handbook.pdf could not be printed: ${(error as Error).message}\n  Hint: set HANDBOOK_PDF=0 to build the site without the PDF.`);
  process.exit(1);
}

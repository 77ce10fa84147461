/**
 * `npm run dev`: the handbook live while you add notes. Ingests the notes, renders the diagrams,
 * starts Astro's dev server, then watches the notes folder and the rules files: a note added,
 * changed or removed is ingested again (unchanged notes are not worked on again) and the open
 * page reloads; a change to the set of pages restarts the server so the sidebar follows (and a
 * removed page's URL answers 404). A note
 * that cannot be read, or a rules file that does not parse, is reported here and the server
 * keeps running.
 */
import { existsSync, watch } from 'node:fs';
import { resolve } from 'node:path';
import { dev } from 'astro';
import { ingestFolder, summary } from './pipeline/ingest.ts';
import { cacheDir, compiledFile, contentDir as content, root, sourcesDir } from './pipeline/step-basics.ts';

const sources = sourcesDir();

/** Draws the diagrams the ingest added (the committed ones are kept); a missing browser is one line, never a stop. */
async function renderDiagrams(): Promise<void> {
  const { renderDiagrams: render } = await import('./pipeline/diagram/render.ts');
  const { launchChromium } = await import('./pipeline/browser.ts');
  const { diagramSpecSchema } = await import('./schema.ts');
  const { readFileSync } = await import('node:fs');
  const specs = diagramSpecSchema.array().parse(JSON.parse(readFileSync(resolve(content, 'diagrams.json'), 'utf8')));
  const result = await render(specs, resolve(content, 'diagrams'), launchChromium);
  if (result.noBrowser) console.warn(`[handbook] ! ${result.missing.length} diagram(s) not drawn: no browser (${result.noBrowser}). Their steps stay as text.`);
  else if (result.rendered) console.log(`[handbook]   ${result.rendered} diagram(s) drawn`);
  for (const { spec, error } of result.invalid) console.warn(`[handbook] ! ${spec.source} § ${spec.section}: the Mermaid does not parse: ${error.split('\n')[0]}`);
}

/** One ingest; errors are printed, never thrown: the server keeps running. Returns whether pages were removed. */
async function ingest(why: string): Promise<boolean> {
  try {
    const run = await ingestFolder({ sources, out: content, rulesDir: content, noteCache: cacheDir, compiled: compiledFile });
    console.log(`[handbook] ${why}: ingested in ${run.seconds.toFixed(2)} s: ${summary(run)}.`);
    for (const e of run.report.errors) console.error(`[handbook] ✗ ${e.file}: ${e.reason}. ${e.hint}`);
    await renderDiagrams();
    return run.written.removed.some((file) => /\.mdx?$/.test(file));
  } catch (error) {
    console.error(`[handbook] ✗ ${why}: ${(error as Error).message}`);
    return false;
  }
}

if (!existsSync(sources)) {
  console.error(`✗ The sources folder ${sources} does not exist.\n  Hint: set HANDBOOK_SOURCES to a folder of notes, or drop notes into content/sources/.`);
  process.exit(1);
}
await ingest('start');
const port = Number(process.env['PORT'] ?? 4321);
const start = () => dev({ root, server: { port, host: process.env['HOST'] ?? 'localhost' } });
let server = await start();

let timer: NodeJS.Timeout | undefined;
let pending = new Set<string>();
const later = (what: string) => {
  pending.add(what);
  clearTimeout(timer);
  timer = setTimeout(() => {
    const why = [...pending].join(', ');
    pending = new Set();
    void ingest(why).then(async (removed) => {
      if (!removed) return;
      // Astro's dev server keeps serving a deleted page's module (its content layer does not
      // forget the file): a page gone means a fresh server, so its URL answers 404.
      await server.stop();
      server = await start();
      console.log('[handbook] pages removed: the dev server restarted');
    });
  }, 200);
};
// Pictures in folders beside the notes count too: a note shows one only once it is there.
watch(sources, { recursive: true }, (_event, name) => {
  if (name && !name.split('/').some((part) => part.startsWith('.'))) later(`note ${name}`);
});
// The rules changed: the note cache's fingerprint changes with them, and every note is worked on again.
watch(content, (_event, name) => {
  if (name && /\.ya?ml$/.test(name)) later(`rules ${name}`);
});
console.log(`[handbook] watching ${sources} and the rules in ${content}`);

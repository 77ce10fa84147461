/**
 * `npm run bench`: measures and prints, with what was measured. Timings on a shared 2-core
 * machine are noisy: each figure is the median of several runs where runs are cheap.
 *
 *   ingest   the bundled notes and a generated corpus 100× larger (wall time, peak RSS)
 *   build    a full build (ingest + astro build + Pagefind) of both
 *   weight   HTML/CSS/JS bytes of a chapter page, raw and gzip
 *   search   bytes a first search fetches, compressed as GitHub Pages serves them
 *   diagrams drawing time, cold (browser) and committed; message precision and coverage on the diagram test set
 *   lighthouse  mobile scores of the home page, a chapter page and a page with a diagram
 *   book     the whole-book PDF of the bundled notes: sheets and size
 *   corpus   the shared corpus of real notes (../shared/corpus/notes): ingest, accuracy, full build, peak memory, page weight,
 *            first search weight, recall@3 of the corpus question set in the search box
 *   scale    (only when asked) the shared corpus copied 13 times, about a thousand notes: full build, and astro build alone
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloneCopy, projectCopy } from '../tests/helpers/project-copy.ts';
import { generateCorpus, varyCorpus } from './corpus.ts';
import { pageWeight } from './site-weight.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
/** astro build in a project copy, from the copy's own packages: Astro from this project's would load a second copy of Vite and its plugins beside the copy's. */
const { ASTRO_V8_FLAGS, BUNDLER_MEMORY } = await import('../src/build.ts');
const astroAloneCommand = (project: string) => [process.execPath, ...ASTRO_V8_FLAGS, join(project, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'];
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const only = new Set(process.argv.slice(2));
const wanted = (part: string) => only.size === 0 || only.has(part);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const line = (what: string, figure: string) => console.log(`  ${what.padEnd(58)} ${figure}`);

function ingestOnce(sources: string): { ms: number; maxRssMB: number; notes: number; bytes: number; pages: number; sections: number } {
  const out = execFileSync(bin('tsx'), [join(root, 'bench/ingest-once.ts'), sources, join(root, 'content')], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}');
}

/** Wall time of `npm run build` in a project, or the reason it failed. */
function timedBuild(project: string, env: Record<string, string> = {}): string {
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: project, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (result.status === 0) return seconds;
  const error = `${result.stderr}\n${result.stdout}`.split('\n').find((l) => /error|heap|killed/i.test(l)) ?? `exit ${result.status}`;
  return `failed after ${seconds}: ${error.trim().slice(0, 200)}`;
}

interface TimedRun {
  ok: boolean;
  status: number | null;
  seconds: number;
  /** Peak RSS of the largest process GNU time saw, in MB. */
  peakMB: number;
  /** CPU time of all its processes (user and system), in seconds: on a machine of few cores, what one step takes from the others. */
  cpuSeconds: number;
  stdout: string;
}

/**
 * A command in `project` under GNU time: wall time and the peak memory of its largest process.
 * `env` is set on top of this process's environment, `defaults` only where that has no value.
 */
function underTime(project: string, command: string[], env: Record<string, string>, defaults: Record<string, string> = {}): TimedRun {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', ...command], { cwd: project, env: { ...defaults, ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const [seconds, kbPeak, user, system] = (run.stderr.trim().split('\n').pop() ?? '').split(' ');
  return { ok: run.status === 0, status: run.status, seconds: Number(seconds), peakMB: Number(kbPeak) / 1024, cpuSeconds: Number(user) + Number(system), stdout: run.stdout };
}
/** What a build printed about a step: its line that matches `pattern`, trimmed. */
const printed = (run: TimedRun, pattern: RegExp) => run.stdout.split('\n').find((l) => pattern.test(l))?.trim() ?? 'not printed';
/** The pipeline's two steps in a build's output: the ingest's time, and the diagrams' with how many were drawn; or that it had nothing to do. */
const pipelineTimes = (run: TimedRun) =>
  /^Nothing to prepare:/m.test(run.stdout)
    ? 'pipeline: nothing to prepare (inputs and content/ as the last build left them)'
    : `ingest ${printed(run, /^Done in .* notes →/).replace(/^Done in ([\d.]+ s).*/, '$1')}, diagrams ${printed(run, /^Done in .* drawn,/).replace(/^Done in ([\d.]+ s): (\d+) drawn.*/, '$1 ($2 drawn)')}`;
const fullBuild = (project: string, env: Record<string, string> = {}) => underTime(project, ['npm', 'run', 'build', '--silent'], env);
/** astro build as npm run build starts it (src/build.ts): the same V8 flags and the same allocator settings, a value already set winning. */
const astroAlone = (project: string, env: Record<string, string> = {}) => underTime(project, astroAloneCommand(project), env, BUNDLER_MEMORY);
const peak = (run: TimedRun) => `peak RSS ${run.peakMB.toFixed(0)} MB`;
/** The line comparing a full build with astro build alone on the same pages: wall time, memory, and the CPU time each took. */
function compareLine(label: string, full: TimedRun, alone: TimedRun): void {
  if (full.ok && alone.ok) line(label, `${alone.seconds} s, ${peak(alone)}; ${(full.seconds / alone.seconds).toFixed(2)}×; CPU ${full.cpuSeconds.toFixed(1)} s / ${alone.cpuSeconds.toFixed(1)} s`);
  else line(label, `failed (exit ${full.status} / ${alone.status})`);
}

/** Adds to the project's notes a copy of the first note in `from`, with a section of its own: what a maintainer's next note does. Returns its path. */
function addNote(project: string, from: string): string {
  const first = readdirSync(from).sort()[0] ?? '';
  const file = join(project, 'content/sources', `added-${first}`);
  writeFileSync(file, `${readFileSync(join(from, first), 'utf8')}\n\n## 补充\n\n新加的一段笔记，说明重建时只读改动的笔记。\n`);
  return file;
}

const seeds = join(root, 'content/sources');
const work = mkdtempSync(join(tmpdir(), 'bench-'));
const big = join(work, 'corpus-100x');
generateCorpus(seeds, big, 100);

console.log(`Benchmarks (machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version})`);

if (wanted('ingest')) {
  console.log('\ningest (pipeline only, fresh process each run)');
  const small = [0, 1, 2, 3, 4].map(() => ingestOnce(seeds));
  const s = small[0];
  line(`bundled notes: ${s?.notes} notes, ${kb(s?.bytes ?? 0)} → ${s?.pages} pages`, `${median(small.map((r) => r.ms)).toFixed(0)} ms (median of 5), peak RSS ${median(small.map((r) => r.maxRssMB)).toFixed(0)} MB`);
  const large = [0, 1].map(() => ingestOnce(big));
  const l = large[0];
  line(`100× corpus: ${l?.notes} notes, ${kb(l?.bytes ?? 0)} → ${l?.sections} sections, ${l?.pages} pages`, `${(median(large.map((r) => r.ms)) / 1000).toFixed(2)} s (median of 2), peak RSS ${median(large.map((r) => r.maxRssMB)).toFixed(0)} MB`);
  {
    // One big plain-text note (5 MB): format detection reads its start, the reader scans its lines once.
    const big5 = join(work, 'five-megabytes');
    (await import('node:fs')).mkdirSync(big5);
    const sentence = 'Kubernetes 通过控制器让集群的实际状态不断接近期望状态。';
    const lines: string[] = ['一个五兆字节的笔记'];
    for (let i = 0, n = 0; n < 5 * 1024 * 1024; i++) {
      lines.push(`${i} ${sentence}`);
      n += Buffer.byteLength(lines.at(-1) ?? '') + 1;
    }
    (await import('node:fs')).writeFileSync(join(big5, 'five-megabytes.txt'), `${lines.join('\n')}\n`);
    const once = ingestOnce(big5);
    line(`one 5 MB plain-text note → ${once.pages} page(s)`, `${(once.ms / 1000).toFixed(2)} s, peak RSS ${once.maxRssMB.toFixed(0)} MB`);
  }
  line('growth (100× corpus time / bundled notes time)', `${(median(large.map((r) => r.ms)) / median(small.map((r) => r.ms))).toFixed(1)}×`);
}

if (wanted('diagrams')) {
  const { renderDiagrams } = await import('../src/pipeline/diagram/render.ts');
  const { launchChromium } = await import('../src/pipeline/browser.ts');
  const { diagramSpecSchema } = await import('../src/schema.ts');
  const { scoreCases, DIAGRAM_CASES } = await import('../tests/helpers/diagram-set.ts');
  const specs = diagramSpecSchema.array().parse(JSON.parse(readFileSync(join(root, 'content/diagrams.json'), 'utf8')));
  const dir = join(work, 'diagrams');
  console.log(`\ndiagrams (the bundled notes' ${specs.length}, drawn by Mermaid in Chromium into an empty folder, then again)`);
  let started = performance.now();
  const cold = await renderDiagrams(specs, dir, launchChromium);
  line(`cold (parse + browser start + ${cold.rendered} renders, two palettes each)`, `${((performance.now() - started) / 1000).toFixed(2)} s`);
  started = performance.now();
  const warm = await renderDiagrams(specs, dir, launchChromium);
  line(`committed (${warm.kept} SVGs already there, no browser)`, `${(performance.now() - started).toFixed(1)} ms`);
  const score = scoreCases();
  console.log(`\ndiagram test set (${DIAGRAM_CASES.length} process descriptions, tests/fixtures/diagram-set/cases.yaml)`);
  line('message precision (drawn messages the case expects, at their step)', `${score.rightMessages}/${score.drawnMessages} = ${((100 * score.rightMessages) / Math.max(1, score.drawnMessages)).toFixed(1)} %`);
  line('processes that get a diagram', `${score.withDiagram}/${score.processes} = ${((100 * score.withDiagram) / Math.max(1, score.processes)).toFixed(1)} %`);
  line('cases with the expected kind (sequence / flowchart / none)', `${score.kindsRight}/${DIAGRAM_CASES.length}`);
}

/** The diagrams the bundled notes' build made, from its ingest report. */
function seedReport(project: string): { diagrams: { made: boolean; kind: string; page: string }[] } {
  return JSON.parse(readFileSync(join(project, 'content/ingest-report.json'), 'utf8'));
}

let seedProject: string | undefined;
/** Sheets and size of the whole-book PDF a build wrote, or why there is none. */
async function bookFigures(dist: string): Promise<string> {
  const file = join(dist, 'handbook.pdf');
  if (!existsSync(file)) return 'not written (no Chromium, or HANDBOOK_PDF=0)';
  const { PDFDocument } = await import('pdf-lib');
  const bytes = readFileSync(file);
  const sheets = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  return `${sheets} A4 pages, ${(bytes.length / 1024 / 1024).toFixed(2)} MB`;
}

if (wanted('build') || wanted('weight') || wanted('search') || wanted('lighthouse') || wanted('book')) {
  seedProject = projectCopy(seeds);
  console.log('\nbuild (npm run build: ingest + astro build + Pagefind)');
  line('bundled notes', timedBuild(seedProject));
  if (wanted('build')) {
    const bigProject = projectCopy(big);
    line('100× corpus', timedBuild(bigProject));
    rmSync(bigProject, { recursive: true, force: true });
    // The bundled notes as a fresh clone has them (chapters and diagrams committed, no .cache/):
    // a first build, then a rebuild, each beside astro build alone, without the PDF on either side.
    const clone = cloneCopy();
    const noPdf = { HANDBOOK_PDF: '0' };
    const first = fullBuild(clone, noPdf);
    if (first.ok) line('bundled notes, fresh clone: first build without the PDF', `${first.seconds} s; ${pipelineTimes(first)}`);
    compareLine('  astro build alone; first build / astro alone', first, astroAlone(clone, noPdf));
    const again = fullBuild(clone, noPdf);
    if (again.ok) line('  built again, nothing changed', `${again.seconds} s; ${pipelineTimes(again)}`);
    compareLine('  astro build alone; rebuild / astro alone', again, astroAlone(clone, noPdf));
    rmSync(clone, { recursive: true, force: true });
  }
}

if (seedProject && wanted('book')) {
  console.log('\nthe whole book (dist/handbook.pdf, written by the build above)');
  line('bundled notes', await bookFigures(join(seedProject, 'dist')));
}

if (seedProject && wanted('weight')) {
  const dist = join(seedProject, 'dist');
  console.log('\npage weight (chapter page components/etcd/, before any interaction)');
  const w = pageWeight(dist, '/', 'components/etcd/index.html');
  line('HTML (raw / gzip)', `${kb(w.html)} / ${kb(w.htmlGz)}`);
  line('CSS (raw / gzip)', `${kb(w.css)} / ${kb(w.cssGz)}`);
  line('JavaScript modules (raw / gzip; target < 50 KB gzip)', `${kb(w.js)} / ${kb(w.jsGz)}`);
  line('inline scripts (inside the HTML above)', kb(w.inlineJs));
  // The page with the most diagrams: as built (one SVG per diagram, themed by CSS custom
  // properties) and with every SVG inlined a second time, as a light and a dark copy would be.
  const { gzipSync } = await import('node:zlib');
  const report = seedReport(seedProject);
  const perPage = new Map<string, number>();
  for (const d of report.diagrams) if (d.made) perPage.set(d.page, (perPage.get(d.page) ?? 0) + 1);
  const [page, count] = [...perPage].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['', 0];
  const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
  const twice = html.replace(/<svg[\s\S]*?<\/svg>/g, (svg) => (svg.includes('--dg-w') ? `${svg}${svg}` : svg));
  console.log(`\ndiagram page weight (/${page}/, ${count} diagrams, HTML gzip)`);
  line('one SVG per diagram, themed by CSS custom properties (as built)', kb(gzipSync(html).length));
  line('the same SVGs inlined twice (a light and a dark copy)', kb(gzipSync(twice).length));
}

if (seedProject && (wanted('search') || wanted('lighthouse'))) {
  const { measureFirstSearch, lighthouseScores } = await import('./browser-figures.ts');
  const dist = join(seedProject, 'dist');
  if (wanted('search')) {
    console.log('\nsearch');
    for (const query of ['网络策略', 'pv和pvc的区别']) {
      const s = await measureFirstSearch(dist, query);
      line(`first search «${query}» (${s.requests} requests; target ≤ 100 KB)`, `${kb(s.bytes)} transferred`);
    }
  }
  if (wanted('lighthouse')) {
    console.log('\nlighthouse (mobile, Debian Chromium, loopback server)');
    const diagramPage = `${seedReport(seedProject).diagrams.find((d) => d.made && d.kind === 'sequence')?.page ?? ''}/`;
    for (const [label, path] of [['home page', ''], ['chapter page', 'components/etcd/'], ['page with a diagram', diagramPage]] as const) {
      const scores = await lighthouseScores(dist, path);
      line(`${label} (/${path})`, Object.entries(scores).map(([k, v]) => `${k} ${v}`).join(', '));
    }
  }
}

const corpus = join(root, '../shared/corpus/notes');
if (wanted('corpus') && existsSync(corpus)) {
  console.log(`\nshared corpus of real notes (${corpus})`);
  const runs = [0, 1, 2].map(() => ingestOnce(corpus));
  const r = runs[0];
  line(`ingest: ${r?.notes} notes, ${kb(r?.bytes ?? 0)} → ${r?.sections} sections, ${r?.pages} pages`, `${(median(runs.map((x) => x.ms)) / 1000).toFixed(2)} s (median of 3), peak RSS ${median(runs.map((x) => x.maxRssMB)).toFixed(0)} MB`);
  const { listSources, runPipeline } = await import('../src/pipeline/index.ts');
  const { loadRules } = await import('../src/pipeline/rules/index.ts');
  const { chapterAccuracy } = await import('./accuracy.ts');
  const rules = loadRules(join(root, 'content'));
  const { report } = runPipeline(listSources(corpus), rules);
  const truth = join(corpus, '../truth.tsv');
  if (existsSync(truth)) {
    const acc = chapterAccuracy(report, readFileSync(truth, 'utf8'), rules.taxonomy.chapters.find((c) => c.optional)?.slug);
    line('note-level chapter accuracy against truth.tsv', `${acc.right.length} of ${acc.scored} (${((acc.right.length / acc.scored) * 100).toFixed(1)}%)${acc.wrong.length ? `; wrong: ${acc.wrong.join(', ')}` : ''}`);
  }
  line('pages per note', `${report.summary.pages} pages from ${report.summary.sources} notes (${(report.summary.pages / report.summary.sources).toFixed(2)})`);
  {
    // npm run dev: a 100-note folder ingested once, then again after one note changed (unchanged notes come from the cache).
    const hundred = join(work, 'hundred');
    varyCorpus(corpus, hundred, 2);
    const inputs = listSources(hundred).slice(0, 100);
    const cache = new Map();
    let started = performance.now();
    runPipeline(inputs, rules, undefined, cache);
    const cold = performance.now() - started;
    const changed = inputs.map((input, i) => (i === 50 ? { ...input, bytes: Buffer.concat([Buffer.from(input.bytes), Buffer.from('\n\n补充一句：这是改动后的内容。\n')]) } : input));
    started = performance.now();
    runPipeline(changed, rules, undefined, cache);
    line(`live rebuild: ${inputs.length} notes, then one of them changed`, `first ingest ${(cold / 1000).toFixed(2)} s; after the change ${((performance.now() - started) / 1000).toFixed(2)} s`);
  }
  const project = projectCopy(corpus);
  // A first build, as a fresh clone or CI makes it: no note cache, every diagram drawn. GNU time
  // reports the largest of its processes (the pipeline, astro build, the PDF).
  const timed = fullBuild(project);
  line('first build (npm run build), with the PDF', timed.ok ? `${timed.seconds} s, ${peak(timed)} of the largest process` : `failed (exit ${timed.status}; is GNU time installed?)`);
  if (timed.ok) {
    line('  the pipeline', pipelineTimes(timed));
    line('  the PDF step', printed(timed, /^handbook\.pdf: \d+ A4 pages/));
    line('the whole book (dist/handbook.pdf)', await bookFigures(join(project, 'dist')));
  }
  const { medianPageGzip } = await import('./site-weight.ts');
  if (timed.ok) {
    const m = medianPageGzip(join(project, 'dist'));
    line(`page HTML, median of ${m.pages} pages (gzip)`, `${kb(m.median)} (largest ${kb(m.largest)})`);
  }
  const verify = spawnSync(bin('tsx'), [join(root, 'src/pipeline/cli.ts'), 'verify', '--site', join(project, 'dist'), '--content', join(project, 'content'), '--sources', corpus], { encoding: 'utf8', maxBuffer: 1 << 30 });
  for (const l of verify.stdout.split('\n').filter((x) => /accounted for;|^Structure:/.test(x))) line('verify', l.trim());
  if (timed.ok) {
    const { measureFirstSearch } = await import('./browser-figures.ts');
    for (const query of ['网络策略', 'pod 的生命周期']) {
      const s = await measureFirstSearch(join(project, 'dist'), query);
      line(`first search «${query}» (${s.requests} requests; target ≤ 150 KB)`, `${kb(s.bytes)} transferred`);
    }
    const check = spawnSync(bin('tsx'), [join(root, 'scripts/search-check.ts'), '--site', join(project, 'dist'), '--set', 'corpus'], { encoding: 'utf8' });
    line('search box', (check.stdout.split('\n').find((l) => l.startsWith('search recall')) ?? check.stderr.trim()).replace(/^search /, ''));
  }
  {
    // What the pipeline and the process starts add to astro build, on the same pages. The PDF is
    // a step of its own after Astro, so both sides go without it. A rebuild (the note cache and
    // the diagrams kept), then a first build (both removed), each beside astro build alone.
    const noPdf = { HANDBOOK_PDF: '0' };
    // Three pairs, taken in turn: a ten-second build varies by a second or more here, so the ratio is their median.
    const pairs = [0, 1, 2].map(() => ({ full: fullBuild(project, noPdf), alone: astroAlone(project, noPdf) }));
    const done = pairs.filter((p) => p.full.ok && p.alone.ok);
    const [pair] = done;
    if (pair) line('rebuild without the PDF (nothing changed)', `${done.map((p) => p.full.seconds).join(' / ')} s, ${peak(pair.full)}; ${pipelineTimes(pair.full)}`);
    if (pair && done.length === pairs.length) {
      const ratios = done.map((p) => p.full.seconds / p.alone.seconds);
      line('  astro build alone; rebuild / astro alone', `${done.map((p) => p.alone.seconds).join(' / ')} s, ${peak(pair.alone)}; ${median(ratios).toFixed(2)}× (median of ${ratios.map((r) => r.toFixed(2)).join(', ')})`);
    } else line('  astro build alone; rebuild / astro alone', `failed (exit ${pairs.map((p) => `${p.full.status}/${p.alone.status}`).join(', ')})`);
    // The maintainer's loop: one note added, built again.
    const added = addNote(project, corpus);
    const grown = fullBuild(project, noPdf);
    if (grown.ok) line('one note added, rebuilt without the PDF', `${grown.seconds} s, ${peak(grown)}; ${pipelineTimes(grown)}; ${printed(grown, / read afresh, /)}`);
    compareLine('  astro build alone; rebuild / astro alone', grown, astroAlone(project, noPdf));
    rmSync(added);
    for (const dir of ['.cache', 'content/diagrams']) rmSync(join(project, dir), { recursive: true, force: true });
    const first = fullBuild(project, noPdf);
    if (first.ok) line('first build without the PDF (no note cache, every diagram drawn)', `${first.seconds} s, ${peak(first)}; ${pipelineTimes(first)}`);
    compareLine('  astro build alone; first build / astro alone', first, astroAlone(project, noPdf));
  }
  rmSync(project, { recursive: true, force: true });
}

if (only.has('scale') && existsSync(corpus)) {
  // Not in the default run: about a thousand notes take minutes to build here.
  const scaled = join(work, 'corpus-scale');
  varyCorpus(corpus, scaled, 13);
  const project = projectCopy(scaled);
  const notes = readdirSync(scaled).length;
  console.log(`\nscale: the shared corpus copied 13 times, titles, headings and sentences varied (${notes} notes)`);
  const timed = fullBuild(project);
  const report = JSON.parse(readFileSync(join(project, 'content/ingest-report.json'), 'utf8'));
  const { medianPageGzip } = await import('./site-weight.ts');
  const weight = timed.ok ? medianPageGzip(join(project, 'dist')) : undefined;
  line(`first build: ${report.summary.pages} pages${weight ? `, median page ${kb(weight.median)} gzip` : ''}`, timed.ok ? `${timed.seconds} s, ${peak(timed)} of the largest process` : `failed (exit ${timed.status})`);
  if (timed.ok) line('  the pipeline', pipelineTimes(timed));
  // The same pages again, with astro build alone: what the pipeline and the process starts add.
  compareLine('  astro build alone on the same pages; first build / astro alone', timed, astroAlone(project));
  // The maintainer's loop: one note added, the handbook built again.
  addNote(project, scaled);
  const rebuild = fullBuild(project);
  if (rebuild.ok) line('one note added, built again', `${rebuild.seconds} s, ${peak(rebuild)}; ${pipelineTimes(rebuild)}; ${printed(rebuild, / read afresh, /)}`);
  compareLine('  astro build alone on the same pages; rebuild / astro alone', rebuild, astroAlone(project));
  rmSync(project, { recursive: true, force: true });
}

if (seedProject) rmSync(seedProject, { recursive: true, force: true });
rmSync(work, { recursive: true, force: true });

/** One ingest in a fresh process: prints wall time and peak memory as JSON (used by run.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOutput } from '../src/pipeline/emit/write.ts';
import { listSources, runPipeline } from '../src/pipeline/index.ts';
import { loadRules } from '../src/pipeline/rules/index.ts';

const [sources = '', content = ''] = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'bench-out-'));
const started = performance.now();
const rules = loadRules(content);
const inputs = listSources(sources);
const { files, assets, report } = runPipeline(inputs, rules);
writeOutput(out, files, rules.taxonomy.chapters.map((c) => c.slug), assets);
const ms = performance.now() - started;
rmSync(out, { recursive: true });
console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, notes: inputs.length, bytes: inputs.reduce((n, i) => n + i.bytes.length, 0), pages: report.summary.pages, sections: report.summary.sections }));

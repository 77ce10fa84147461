/**
 * Types a question set into the search box of a built site, in Chromium, and prints recall@3:
 *   tsx scripts/search-check.ts --site dist [--base /] [--set natural|keywords|corpus] [--min 0.9]
 * Exits 1 when recall@3 is below --min or a question finds nothing. CI runs it on the handbook
 * built from the shared corpus; the end-to-end tests run the bundled sets the same way.
 */
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { askSearchBox, recall, type Question } from '../tests/helpers/search-box.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { NATURAL } from '../tests/search/bundled-questions.ts';
import { CORPUS_QUESTIONS } from '../tests/search/corpus-questions.ts';
import { KEYWORDS } from '../tests/search/keyword-queries.ts';

const SETS: Record<string, { questions: Question[]; what: string }> = {
  natural: { questions: NATURAL, what: 'natural questions on the bundled notes' },
  keywords: { questions: KEYWORDS, what: 'keyword queries on the bundled notes' },
  corpus: { questions: CORPUS_QUESTIONS, what: 'natural questions on the shared corpus (../shared/corpus/notes)' },
};

const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' }, base: { type: 'string', default: '/' }, set: { type: 'string', default: 'natural' }, min: { type: 'string', default: '0.9' } } });
const set = SETS[values.set];
if (!set) {
  console.error(`Unknown question set ${values.set}: use one of ${Object.keys(SETS).join(', ')}.`);
  process.exit(2);
}
const server = await serveStatic(values.site, values.base);
const browser = await launchBrowser();
try {
  const answers = await askSearchBox(browser, server.url, set.questions.map((q) => q.query));
  const r = recall(set.questions, answers);
  const share = r.found / set.questions.length;
  console.log(`search recall@3, ${set.what}: ${r.found}/${set.questions.length} = ${(share * 100).toFixed(1)}%; ${r.empty.length} without results`);
  for (const miss of r.misses) console.log(`  miss: ${miss}`);
  for (const query of r.empty) console.log(`  nothing found: ${query}`);
  if (share < Number(values.min) || r.empty.length) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}

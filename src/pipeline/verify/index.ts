import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { termFixer } from '../clean/fix-terms.ts';
import type { IngestReport } from '../report/index.ts';
import { withoutQuestionLabel } from '../clean/promote-bold-questions.ts';
import { loadRules } from '../rules/index.ts';
import { decode } from '../read/decode.ts';
import { wordText } from '../read/word.ts';
import { exportedNotes, exportPart, notePage } from '../read/evernote.ts';
import { sourcesDir as sourcesOf } from '../step-basics.ts';
import { htmlFiles } from './html-files.ts';
import { contentSentences, normalizeText, sourceText } from './sentences.ts';
import { structureProblems, type StructureProblem } from './structure.ts';

export interface SourceAccount {
  file: string;
  sentences: number;
  inPages: number;
  dropped: number;
  missing: string[];
}

export interface PageProblems {
  /** The page's path in the site (chapter/slug). */
  page: string;
  problems: StructureProblem[];
}

interface SiteReading {
  /** The normalised reading text of every indexed page. */
  text: string;
  /** Pages a reader would see markup or invisible characters on, or nothing at all. */
  pages: PageProblems[];
  /** HTML pages read. */
  checked: number;
}

/**
 * Reads a built site once: the indexed body of every page (pages left out of the index, such
 * as the report, which quotes what was dropped, do not count) and the structure problems of
 * every generated page.
 */
function readSite(dir: string, sourceLabel?: string): SiteReading {
  const parser = unified().use(rehypeParse);
  const texts: string[] = [];
  const pages: PageProblems[] = [];
  const files = htmlFiles(dir);
  for (const file of files) {
    const tree = parser.parse(readFileSync(join(dir, file), 'utf8'));
    const body = select('[data-pagefind-body]', tree);
    if (!body) continue;
    // A footnote's number beside the words it annotates is no text of the note (its mark, [^1], is not either).
    for (const mark of selectAll('a[data-footnote-ref]', body)) mark.children = [];
    // A page of one part carries the part's heading as its title, above the indexed body.
    const title = select('h1', tree);
    texts.push(`${title ? toString(title) : ''}\n${toString(body)}`);
    const problems = structureProblems(tree, sourceLabel);
    if (problems.length) pages.push({ page: file.replace(/\/?index\.html$/, ''), problems });
  }
  return { text: normalizeText(texts.join('\n')), pages, checked: files.length };
}

/** A note's text as the reader decodes it (GB18030, a page's declared Big5…); nothing when it cannot be. */
function decodedText(bytes: Uint8Array): string {
  try {
    return decode(bytes).text;
  } catch {
    return '';
  }
}

/**
 * The conservation check: every content sentence of every note (8+ Chinese characters) is in
 * the built pages, or listed in the ingest report as dropped with its rule.
 */
export function account(sourcesDir: string, siteDir: string, report: IngestReport, fix: (text: string) => string, site: SiteReading = readSite(siteDir), texts: Map<string, string> = new Map()): SourceAccount[] {
  const pages = site.text;
  return report.sources.map((source) => {
    // A Word document's text, and an Evernote export's note, are read beforehand; any other note is text.
    const raw = texts.get(source.file) ?? decodedText(readFileSync(join(sourcesDir, source.file)));
    const dropped = normalizeText(source.dropped.map((d) => d.text).join('\n'));
    const result: SourceAccount = { file: source.file, sentences: 0, inPages: 0, dropped: 0, missing: [] };
    for (const sentence of contentSentences(sourceText(raw, source.format))) {
      const key = normalizeText(fix(sentence));
      result.sentences++;
      if (pages.includes(key)) result.inPages++;
      else if (dropped.includes(key)) result.dropped++;
      else result.missing.push(sentence);
    }
    return result;
  });
}

/** `npm run verify [-- --site dist] [--sources DIR]`: prints the figures; exit 1 when anything is unaccounted for. */
export async function verify(args: string[], paths: { root: string; contentDir: string }): Promise<number> {
  const { values } = parseArgs({ args, options: { site: { type: 'string' }, sources: { type: 'string' }, content: { type: 'string' }, 'min-coverage': { type: 'string' } } });
  const contentDir = resolve(values.content ?? paths.contentDir);
  const siteDir = resolve(values.site ?? join(paths.root, 'dist'));
  const sourcesDir = sourcesOf(values.sources, contentDir);
  if (!existsSync(join(siteDir, 'index.html'))) {
    console.error(`✗ No built site in ${siteDir}.\n  Hint: run npm run build first, or pass --site DIR.`);
    return 1;
  }
  const report = JSON.parse(readFileSync(join(contentDir, 'ingest-report.json'), 'utf8')) as IngestReport;
  const rules = loadRules(contentDir);
  const fixer = termFixer(rules.glossary);
  const site = readSite(siteDir, rules.pageModel['source-label']);
  const texts = new Map<string, string>();
  const exports = new Map<string, ReturnType<typeof exportedNotes>>();
  for (const source of report.sources) {
    if (source.format === 'word') texts.set(source.file, await wordText(readFileSync(join(sourcesDir, source.file))));
    // A note of an Evernote export is read from the export.
    const part = exportPart(source.file, rules.markup.evernote);
    if (!part) continue;
    if (!exports.has(part.file)) exports.set(part.file, exportedNotes(readFileSync(join(sourcesDir, part.file))));
    const note = exports.get(part.file)?.[part.index];
    texts.set(source.file, note ? notePage(note) : '');
  }
  // A question list's labels (问：, A:) are not on a page that made headings of its questions.
  const unlabelled = withoutQuestionLabel(rules.pageModel);
  const accounts = account(sourcesDir, siteDir, report, (t) => fixer(unlabelled(t), () => {}), site, texts);
  let total = 0;
  let unaccounted = 0;
  console.log(`Conservation check of ${siteDir} against ${sourcesDir}`);
  for (const a of accounts) {
    total += a.sentences;
    unaccounted += a.missing.length;
    const share = a.sentences ? (((a.inPages + a.dropped) / a.sentences) * 100).toFixed(1) : '100.0';
    console.log(`  ${a.missing.length ? '✗' : '✓'} ${a.file}: ${a.sentences} sentences, ${a.inPages} in pages, ${a.dropped} dropped as junk (see the report) — ${share}% accounted for`);
    for (const m of a.missing.slice(0, 10)) console.log(`      missing: ${m}`);
    if (a.missing.length > 10) console.log(`      … and ${a.missing.length - 10} more`);
  }
  const share = total ? (((total - unaccounted) / total) * 100).toFixed(2) : '100.00';
  console.log(`${share}% of ${total} content sentences accounted for; ${unaccounted} unaccounted.`);
  const notesOf = new Map(report.pages.map((p) => [p.path, p.sources]));
  const counts = new Map<string, number>();
  for (const { page, problems } of site.pages) {
    const notes = notesOf.get(page);
    for (const p of problems) {
      counts.set(p.rule, (counts.get(p.rule) ?? 0) + 1);
      console.log(`  ✗ /${page}/ shows ${p.what}${p.excerpt ? `: «${p.excerpt}»` : ''}${notes ? ` (from ${notes.join(', ')})` : ''}`);
    }
  }
  console.log(
    site.pages.length
      ? `Structure: ${site.pages.length} of ${site.checked} pages show markup, invisible characters or nothing (${[...counts].map(([r, n]) => `${r} ${n}`).join(', ')}).`
      : `Structure: ${site.checked} pages checked; no markup shown as text, no zero-width characters, no empty page.`,
  );
  const minShare = Number(values['min-coverage'] ?? '100');
  const covered = total ? ((total - unaccounted) / total) * 100 : 100;
  return covered >= minShare && site.pages.length === 0 ? 0 : 1;
}

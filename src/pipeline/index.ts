import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { classify, findTopic } from './classify/index.ts';
import { clean, dropRepeats } from './clean/index.ts';
import { extractDiagrams, type DiagramSpec } from './diagram/index.ts';
import { linkTerms } from './glossary/link-terms.ts';
import { addVersionNotes } from './version/index.ts';
import type { RelatedRef, SectionRef } from '../schema.ts';
import { emitChapterIndex, emitChapters, emitGlossary, emitPage, emitSearch, emitSidebar, pageTree, type OutputFile } from './emit/index.ts';
import { ensureCompiles } from './emit/ensure-compiles.ts';
import { isPicture, type LocalImage } from './clean/local-images.ts';
import { filesUnder } from './files-under.ts';
import { relatedParts } from './merge/related.ts';
import { merge } from './merge/index.ts';
import { foldNearDuplicates } from './merge/near-duplicates.ts';
import { resolveNoteLinks } from './merge/note-links.ts';
import { readNote, UnreadableNoteError } from './read/index.ts';
import { buildReport, warningsOf, type ErrorReport, type IngestReport } from './report/index.ts';
import type { Markup, Rules } from './rules/schemas.ts';
import { segment } from './segment/index.ts';
import type { Cut, Note, NoteRecord, Page, Section, SourceMeta } from './types.ts';
import { compareText } from '../collation.ts';

export interface SourceInput {
  name: string;
  bytes: Uint8Array;
  /** The notes folder the note was read from, where its relative pictures are looked up. */
  dir?: string;
}

export interface PipelineResult {
  files: OutputFile[];
  /** Pictures beside the notes that pages show, to copy into the content folder. */
  assets: LocalImage[];
  report: IngestReport;
}

export interface ProgressEvent {
  file: string;
  ok: boolean;
  detail: string;
}

/**
 * Lists the notes of a folder and of every folder below it, as a GitBook, Hugo or VuePress site
 * keeps them (files only; hidden files and folders, node_modules and pictures skipped: pictures
 * are what notes show, not notes; so are files whose extension or name `notNotes` lists), each named by
 * its path in the folder (`concepts/pod.md`), sorted by that name.
 */
export function listSources(dir: string, notNotes?: NotNotes): SourceInput[] {
  return listNotes(dir, notNotes).inputs;
}

/** What markup.yaml says is never a note: extensions (`.json`), and names a repository gives its own files (`LICENSE`). */
export type NotNotes = Partial<Pick<Markup, 'not-notes' | 'not-note-names'>>;

/** The notes of a folder as listSources gives them, and, by path in it, the files it left out as no notes. One walk of the folder. */
export function listNotes(dir: string, notNotes: NotNotes = {}): { inputs: SourceInput[]; skipped: string[] } {
  const inputs: SourceInput[] = [];
  const skipped: string[] = [];
  const extensions = notNotes['not-notes'] ?? [];
  const names = new Set((notNotes['not-note-names'] ?? []).map((n) => n.toLowerCase()));
  for (const path of filesUnder(dir, (name) => !isPicture(name))) {
    const name = relative(dir, path).split(sep).join('/');
    const extension = extname(path).toLowerCase();
    if (extensions.includes(extension) || names.has(basename(path, extname(path)).toLowerCase())) skipped.push(name);
    else inputs.push({ name, bytes: readFileSync(path), dir });
  }
  return { inputs: inputs.sort((a, b) => compareText(a.name, b.name)), skipped: skipped.sort(compareText) };
}

/**
 * What the per-note stages (read → clean → segment → classify → diagram) make of one note: its
 * record (what the read stage learnt, what was dropped, the messages) and its parts, all plain
 * data. The note's tree itself is not needed after them.
 */
export interface NoteResult {
  file: NoteRecord;
  sections: Section[];
  specs: DiagramSpec[];
}

/**
 * Per-note results kept between runs, by the note's name, folder and bytes: a live rebuild
 * works again only on the notes that changed. Clear it when the rules change.
 */
export type NoteCache = Map<string, NoteResult | ErrorReport>;

/** One page as an earlier run laid it out and wrote it: its sections' anchors, and its file with the related parts it was written with. */
export interface PageMemo {
  sections: SectionRef[];
  related: string;
  file: OutputFile;
}

/**
 * Pages kept between runs, by a hash of everything a page is laid out from (its parts and the
 * notes' titles and dates): a rebuild lays out and writes again only the pages whose parts or
 * related parts changed. Like NoteCache, it holds for one version of the code and the rules.
 */
export type PageCache = Map<string, PageMemo>;

/** A note's key in the note cache: its name, folder and bytes. */
export function cacheKey(input: SourceInput): string {
  return `${input.name}\u0000${input.dir ?? ''}\u0000${createHash('sha256').update(input.bytes).digest('hex')}`;
}

/**
 * What a page is laid out from, hashed: the page (title, chapter, order, its parts with their
 * trees) and the title and date of every note it names, serialised by V8: different data never
 * gives the same bytes.
 */
function pageKey(page: Page, metas: Map<string, SourceMeta>): string {
  const files = [...new Set(page.sections.flatMap((s) => [s.source, ...(s.alsoIn ?? [])]))];
  return createHash('sha256').update(serialize([page, files.map((file) => metas.get(file) ?? null)])).digest('base64url');
}

/**
 * The per-note stages over one note: its parts, ready to be merged into pages. Each part is
 * compiled as MDX (ensureCompiles) unless `checkParts` is false: npm run build compiles the
 * written pages instead (emit/check-pages.ts), and ingests again with this check when one fails.
 */
export function processNote(input: SourceInput, rules: Rules, checkParts = true): NoteResult | ErrorReport {
  let note: Note;
  try {
    note = readNote(input.bytes, input.name, rules, input.name);
  } catch (error) {
    if (!(error instanceof UnreadableNoteError)) throw error;
    return { file: input.name, reason: error.message, hint: error.hint };
  }
  if (input.dir) note.file.data.dir = { note: join(input.dir, dirname(input.name)), root: input.dir };
  clean(note.tree, note.file, rules);
  const { sections: cuts, shape } = segment(note.tree, note.file, rules.pageModel, rules.taxonomy);
  note.file.data.shape = shape;
  const specs: DiagramSpec[] = [];
  // Where the note as a whole goes: a part that names too few terms to place goes with it.
  const whole = classify({ source: input.name, index: 0, heading: note.file.data.meta?.title ?? '', originalHeading: '', children: cuts.flatMap((c) => c.children) }, rules.taxonomy);
  const fallback = whole.score >= rules.taxonomy.scoring['min-score'] && !rules.taxonomy.chapters.find((c) => c.slug === whole.chapter)?.optional ? whole : undefined;
  const parts = cuts.map((cut): Section => {
    // Each stage takes the part as the one before left it and returns its own result.
    const kept: Cut = { ...cut, children: dropRepeats(cut.children, note.file) };
    const classification = classify(kept, rules.taxonomy, fallback);
    const topic = findTopic(kept, rules.taxonomy);
    const extracted = extractDiagrams(kept, rules.actors, rules.pageModel);
    specs.push(...extracted.specs);
    return { ...kept, children: checkParts ? ensureCompiles(extracted.children, note.file) : extracted.children, classification, ...(topic ? { topic } : {}), diagrams: extracted.records };
  });
  return { file: { data: note.file.data, warnings: warningsOf(note.file) }, sections: parts, specs };
}

/** The notes in the order every run takes them: by name, whoever listed them. */
export const byName = (inputs: SourceInput[]): SourceInput[] => [...inputs].sort((a, b) => compareText(a.name, b.name));

/** The progress line of one note. */
export function progressOf(input: SourceInput, result: NoteResult | ErrorReport): ProgressEvent {
  if (!('sections' in result)) return { file: input.name, ok: false, detail: `${result.reason}. ${result.hint}` };
  const meta = result.file.data.meta as SourceMeta;
  const made = result.sections.reduce((n, s) => n + (s.diagrams?.filter((d) => d.made).length ?? 0), 0);
  const none = result.sections.length === 0 ? '; it makes no page: nothing but headings is left once cleaned' : '';
  return { file: input.name, ok: true, detail: `${meta.format}, ${meta.encoding}, ${result.sections.length} sections, ${result.file.data.dropped?.length ?? 0} blocks dropped, ${made} diagrams${none}` };
}

/**
 * The whole pipeline over a set of notes, from bytes to the files to write and the report.
 * With a cache, notes whose bytes did not change are not worked on again (see NoteCache);
 * the stages after them take their results as they are and change nothing in them. Parts are
 * compiled as MDX as processNote says (`checkParts`).
 */
export function runPipeline(inputs: SourceInput[], rules: Rules, onProgress?: (event: ProgressEvent) => void, cache?: NoteCache, pageCache?: PageCache, checkParts = true): PipelineResult {
  const used = new Set<string>();
  const sorted = byName(inputs);
  const results = sorted.map((input) => {
    const key = cache ? cacheKey(input) : '';
    // A fresh result goes through V8's serialiser as a kept one did: numbers and arrays then have
    // the same form in both, and the pages made from them hash the same in the next run.
    const result = cache?.get(key) ?? (cache ? deserialize(serialize(processNote(input, rules, checkParts))) as NoteResult | ErrorReport : processNote(input, rules, checkParts));
    if (cache) {
      cache.set(key, result);
      used.add(key);
    }
    onProgress?.(progressOf(input, result));
    return result;
  });
  // Notes that are gone, or changed, leave the cache.
  if (cache) for (const key of [...cache.keys()]) if (!used.has(key)) cache.delete(key);
  return assemble(results, rules, pageCache);
}

/**
 * The stages over all notes, from the per-note results (in the notes' order) to the files to
 * write and the report: near-duplicates, merge into pages, version notes, term links, links
 * between notes, emit.
 */
function assemble(results: (NoteResult | ErrorReport)[], rules: Rules, pageCache?: PageCache): PipelineResult {
  const notes: NoteRecord[] = [];
  const errors: ErrorReport[] = [];
  const sections: Section[] = [];
  const diagrams = new Map<string, DiagramSpec>();
  for (const result of results) {
    if (!('sections' in result)) {
      errors.push(result);
      continue;
    }
    for (const spec of result.specs) if (!diagrams.has(spec.id)) diagrams.set(spec.id, spec);
    sections.push(...result.sections);
    notes.push(result.file);
  }
  const folded = foldNearDuplicates(sections);
  const versioned = addVersionNotes(merge(folded.sections, rules.taxonomy, rules.pageModel), rules.versionNotes);
  const linked = resolveNoteLinks(linkTerms(versioned.pages, rules.terms));
  const pages = linked.pages;
  const metas = new Map(notes.map((n) => [n.data.meta?.file ?? '', n.data.meta as SourceMeta]));
  // Each page laid out, or its layout taken from the page cache when nothing it is made from changed.
  const laidOut = pages.map((page) => {
    const key = pageCache ? pageKey(page, metas) : '';
    const memo = pageCache?.get(key);
    const tree = memo ? undefined : pageTree(page, metas, rules.pageModel);
    return { page, key, memo, tree, sections: memo?.sections ?? tree?.sections ?? [] };
  });
  // Where every answer lands (page and anchor), so topic pages can link to parts of other answers.
  const landing = new Map<string, { page: string; anchor: string; heading: string }>();
  for (const { page, sections: refs } of laidOut) {
    page.sections.forEach((s, i) => landing.set(`${s.source}#${s.index}`, { page: `${page.chapter}/${page.slug}`, anchor: refs[i]?.anchor ?? '', heading: s.heading }));
  }
  const related = new Map<string, RelatedRef[]>();
  for (const part of relatedParts(sections, rules.taxonomy, rules.pageModel)) {
    const where = landing.get(`${part.source}#${part.index}`);
    if (where) related.set(part.topic, [...(related.get(part.topic) ?? []), { ...where, label: part.label, source: part.source }]);
  }
  const files: OutputFile[] = [
    ...rules.taxonomy.chapters.filter((c) => !c.optional || pages.some((p) => p.chapter === c.slug)).map((c) => emitChapterIndex(c, rules.taxonomy['overview-label'])),
    // Only topic pages have related parts: no other page can take a topic's slug.
    ...laidOut.map(({ page, key, memo, tree, sections: refs }) => {
      const theirs = related.get(page.slug) ?? [];
      const relatedKey = JSON.stringify(theirs);
      const kept = memo?.related === relatedKey ? memo : { sections: refs, related: relatedKey, file: emitPage(page, tree ?? pageTree(page, metas, rules.pageModel), theirs) };
      pageCache?.set(key, kept);
      return kept.file;
    }),
    emitSidebar(pages, rules.taxonomy),
    emitChapters(pages, rules.taxonomy),
    emitGlossary(rules.terms),
    emitSearch(rules),
    { path: 'ui.json', content: `${JSON.stringify(rules.ui, null, 2)}\n` },
    { path: 'diagrams.json', content: `${JSON.stringify([...diagrams.values()].sort((a, b) => compareText(a.id, b.id)), null, 2)}\n` },
  ];
  // Pages that are gone, or changed, leave the cache.
  const current = new Set(laidOut.map((l) => l.key));
  if (pageCache) for (const key of [...pageCache.keys()]) if (!current.has(key)) pageCache.delete(key);
  const images = new Map(notes.flatMap((n) => n.data.localImages ?? []).map((image) => [image.path, image]));
  const dropped = new Map(folded.dropped);
  for (const [source, entries] of linked.dropped) dropped.set(source, [...(dropped.get(source) ?? []), ...entries]);
  const report = buildReport(notes, pages, errors, folded.reposts, dropped, versioned.records);
  files.push({ path: 'ingest-report.json', content: `${JSON.stringify(report, null, 2)}\n` });
  return { files: files.sort((a, b) => compareText(a.path, b.path)), assets: [...images.values()].sort((a, b) => compareText(a.path, b.path)), report };
}

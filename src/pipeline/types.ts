import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { DiagramRecord } from '../schema.ts';

export type SourceFormat = 'html' | 'markdown' | 'text' | 'restructured-text' | 'asciidoc' | 'notebook' | 'word';

/** What the read stage learns about a note besides its tree. */
export interface SourceMeta {
  file: string;
  format: SourceFormat;
  encoding: string;
  title?: string;
  /** The short title the note's front matter gives a site's menu (linktitle, sidebar_label). */
  shortTitle?: string;
  date?: string;
  tags: string[];
}

/** A block the cleaner removed: every one ends up in the report. */
export interface Dropped {
  rule: string;
  text: string;
  line?: number;
}

/** An image kept on a page. */
export interface ImageRef {
  url: string;
  alt: string;
  external: boolean;
}

/** Data the stages attach to a note's VFile (file.data). */
export interface NoteData {
  meta?: SourceMeta;
  dropped?: Dropped[];
  images?: ImageRef[];
  fixes?: Record<string, number>;
  /** Where the note lies: its own folder and the notes folder (relative pictures are looked up there). */
  dir?: { note: string; root: string };
  /** Pictures beside the note that its pages show (copied into the content folder). */
  localImages?: import('./clean/local-images.ts').LocalImage[];
  /** How the note was cut into parts, and why (segment stage). */
  shape?: { kind: 'collection' | 'article'; reason: string };
}

export type NoteFile = VFile & { data: NoteData };

/**
 * What the per-note stages learnt about a note, as plain data: what its file gathered, and its
 * messages as the report words them. Unlike the VFile it is read from, it can be kept between
 * runs (pipeline/note-cache.ts).
 */
export interface NoteRecord {
  data: NoteData;
  warnings: string[];
}

/** A parsed note: the tree plus its file (messages, metadata). */
export interface Note {
  tree: Root;
  file: NoteFile;
}

/** Chapter decision for a section. */
export interface Classification {
  chapter: string;
  group: string;
  score: number;
  terms: string[];
}

/** A part of a note as the segment stage cuts it: where it came from, its heading, its blocks. */
export interface Cut {
  readonly source: string;
  /** Position of the part in its note. */
  readonly index: number;
  readonly heading: string;
  readonly originalHeading: string;
  /** The page title the note's author gave for menus, when the part is the whole note (front matter linktitle). */
  readonly label?: string;
  /** Body blocks, headings already shifted so the part's heading is depth 2. */
  readonly children: RootContent[];
}

/**
 * A part after the per-note stages (index.ts, processNote): its cut, its body as they left it and
 * what each of them found. Made once from the stages' results and never written into: the
 * stages after it (near-duplicates, merge, version notes, terms) make copies.
 */
export interface Section extends Cut {
  readonly topic?: string;
  readonly classification?: Classification;
  /** Notes that repeat this part nearly word for word (reposts), named with it. */
  readonly alsoIn?: string[];
  /** Diagrams made or refused in this part (for the report). */
  readonly diagrams?: DiagramRecord[];
}

export interface Page {
  chapter: string;
  group: string;
  slug: string;
  title: string;
  order: number;
  sections: Section[];
}

/** Counts `count` fixes of one kind in the note's report (`fixes` in ingest-report.json); none adds nothing. */
export function fixed(file: NoteFile, fix: string, count = 1): void {
  if (count <= 0) return;
  const fixes = (file.data.fixes ??= {});
  fixes[fix] = (fixes[fix] ?? 0) + count;
}

export function dropped(file: NoteFile, rule: string, text: string, line?: number): void {
  const entry: Dropped = line === undefined ? { rule, text } : { rule, text, line };
  (file.data.dropped ??= []).push(entry);
}

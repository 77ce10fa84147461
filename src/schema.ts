/**
 * The contract between the pipeline and the site: the front matter of a generated page.
 * The pipeline validates what it writes with it; the site's content collection extends
 * Starlight's schema with it.
 */
import { z } from 'zod';

export const sourceRefSchema = z.object({
  /** File name of the raw note in the sources folder. */
  file: z.string(),
  /** The note's own title (front matter or first heading), when it has one. */
  title: z.string().optional(),
  /** The note's date (YYYY-MM-DD) when its front matter gives one. */
  date: z.string().optional(),
});

export const sectionRefSchema = z.object({
  /** The section heading in the note's own wording (numbering removed). */
  heading: z.string(),
  /** Anchor of the heading on the page; empty when the section is the page itself. */
  anchor: z.string(),
  /** File name of the note the section comes from. */
  source: z.string(),
  /** Whether the heading asks a question (the question index lists these). */
  question: z.boolean(),
});

export const relatedRefSchema = z.object({
  /** The heading of the answer that holds the part. */
  heading: z.string(),
  /** How the part names the topic (its sub-heading or label). */
  label: z.string(),
  /** The page of that answer (chapter/slug). */
  page: z.string(),
  /** Anchor of the answer on that page; empty when the answer is the page. */
  anchor: z.string(),
  /** File name of the note. */
  source: z.string(),
});

export const handbookPageSchema = z.object({
  /** Always true on pages the pipeline wrote; hand-written pages leave it out. */
  generated: z.boolean().optional(),
  /** URL segment of the chapter the page belongs to. */
  chapter: z.string().optional(),
  /** Sub-group of the chapter (a slug from the taxonomy). */
  group: z.string().optional(),
  /** The notes the page was built from. */
  sources: z.array(sourceRefSchema).optional(),
  /** The sections of the page, in order. */
  sections: z.array(sectionRefSchema).optional(),
  /** Parts of other answers that are about this page's topic. */
  related: z.array(relatedRefSchema).optional(),
  /** Number of diagrams on the page. */
  diagrams: z.number().optional(),
  /** The glossary terms linked on the page (ids in content/glossary.json), in order of first mention. */
  terms: z.array(z.string()).optional(),
});

export type SourceRef = z.infer<typeof sourceRefSchema>;
export type SectionRef = z.infer<typeof sectionRefSchema>;
export type HandbookPage = z.infer<typeof handbookPageSchema>;
export type RelatedRef = z.infer<typeof relatedRefSchema>;

/** content/diagrams.json: what the site needs to draw each diagram. */
export const diagramSpecSchema = z.object({
  /** `d-` and a hash of the code: the diagram's SVG files are named by it. */
  id: z.string(),
  /** The Mermaid code. */
  code: z.string(),
  /** The SVG in content/diagrams/, named by a hash of Mermaid's version, the render settings and the code. */
  file: z.string().regex(/^[0-9a-f]{16}\.svg$/),
  /** The figure's caption. */
  caption: z.string(),
  /** File name of the note. */
  source: z.string(),
  /** Heading of the part the diagram is in. */
  section: z.string(),
  /** A note's own block (a warning when invalid) or one the pipeline made (an error when invalid). */
  author: z.boolean(),
});

/** content/sidebar.json: the chapters in sidebar order, each its overview and its groups of page slugs. */
export const sidebarSchema = z.array(
  z.object({
    label: z.string(),
    items: z.array(z.union([z.object({ label: z.string(), slug: z.string() }), z.object({ label: z.string(), collapsed: z.boolean().optional(), items: z.array(z.object({ slug: z.string() })) })])),
  }),
);

/** content/glossary.json: the glossary the site shows, sorted for Chinese readers. */
export const glossarySchema = z.object({
  title: z.string(),
  description: z.string(),
  docsLabel: z.string(),
  pagesLabel: z.string(),
  terms: z.array(
    z.object({
      /** The entry's anchor on /glossary/. */
      id: z.string(),
      /** The name the entry is listed by: its first Chinese name, else its first English name. */
      name: z.string(),
      /** The term's other names (Chinese, English, abbreviations), as notes write them. */
      aliases: z.array(z.string()),
      /** The letter the entry is listed under: the first letter of its name, in pinyin for Chinese. */
      letter: z.string().regex(/^[A-Z#]$/),
      /** The category's name. */
      category: z.string(),
      definition: z.string(),
      docs: z.string(),
    }),
  ),
});

export type Glossary = z.infer<typeof glossarySchema>;

/** content/search.json: what the search box knows, written by the pipeline from content/search.yaml and the glossary. */
export const searchDictSchema = z.object({
  /** The search box's strings (see content/search.yaml). */
  labels: z.record(z.string(), z.string()),
  /** Question words and particles removed from a query, lower case. */
  stopWords: z.array(z.string()),
  /** Known names: each entry is a concept found whole in a query, by any of its names or misspellings. */
  entries: z.array(
    z.object({
      /** The names searched for it, the main one first; a query may write them in any case, with or without spaces and hyphens. */
      search: z.array(z.string()).min(1),
      /** Misspellings readers type for it (matched, never searched). */
      typos: z.array(z.string()).optional(),
      /** The glossary term it is, if any. */
      term: z.string().optional(),
    }),
  ),
});

export type SearchDict = z.infer<typeof searchDictSchema>;

/** Strings with {placeholders} the site fills in. */
const text = z.string().min(1);

/**
 * content/ui.yaml → content/ui.json: every string the site shows around the notes' own text
 * (the search box's are in content/search.yaml). {name} marks what the site fills in.
 */
export const uiStringsSchema = z.object({
  /** The home page's link to the whole-book PDF. */
  book: z.object({ link: text, about: text }),
  /** Chapter cards on the home page and a chapter's index page: {title}, {short}, {count}. */
  chapters: z.object({ card: text.includes('{count}'), enter: text.includes('{short}'), count: text.includes('{count}') }),
  /** Around a diagram: the zoom button, a diagram that does not parse, one not drawn, the caption ({caption}). */
  diagram: z.object({ zoom: text, invalid: text, missing: text, caption: text.includes('{caption}') }),
  /** Under a page's title: its notes ({count}), the report link, parts of other answers on the topic. */
  provenance: z.object({ from: text.includes('{count}'), report: text, 'related-label': text, related: text }),
  /** Practice mode on the question index: filter, buttons, the count ({known} of {shown}), answer states. */
  practice: z.object({ chapter: text, all: text, shuffle: text, 'unknown-only': text, count: text.includes('{known}'), reveal: text, hide: text, loading: text, empty: text, failed: text, known: text, unknown: text }),
  /** The full-screen viewer: its buttons, the hint, its name, a picture's name ({alt}). */
  zoom: z.object({ out: text, in: text, fit: text, close: text, hint: text, dialog: text, image: text, 'image-alt': text.includes('{alt}') }),
  /** The home page's way into search. */
  'search-hint': z.object({ button: text, text }),
  /** The page shown at a missing URL. */
  'not-found': z.object({ title: text, description: text, tagline: text, home: text, questions: text }),
  /** The glossary page: the intro ({description}, {count}), the letter index, more pages ({count}). */
  glossary: z.object({ intro: text.includes('{count}'), letters: text, more: text.includes('{count}') }),
  /** The question index ({total} questions). */
  questions: z.object({ title: text, description: text.includes('{total}'), intro: text.includes('{total}') }),
  /** The maintainers' report page: headings, table heads and the lines that carry figures. */
  report: z.object({
    title: text, description: text, audience: text, summary: text, 'notes-line': text.includes('{sources}'), 'blocks-line': text.includes('{dropped}'),
    errors: text, 'version-notes': text, 'version-notes-intro': text, 'th-page': text, 'th-fact': text, 'th-part': text, 'th-note': text,
    format: text.includes('{format}'), 'note-title': text.includes('{title}'), 'note-date': text.includes('{date}'),
    sections: text, 'th-heading': text, 'th-chapter': text, 'th-score': text, 'th-terms': text,
    dropped: text, none: text, 'th-rule': text, 'th-line': text, 'th-text': text, images: text, external: text, local: text, fixes: text, warnings: text,
  }),
});

export type UiStrings = z.infer<typeof uiStringsSchema>;


/** How the search box compares names (src/search-key.ts): the pipeline writes them so. */
export { searchKey } from './search-key.ts';

/** A diagram made or refused, for the report. */
export const diagramRecordSchema = z.object({
  source: z.string(),
  section: z.string(),
  kind: z.enum(['sequence', 'flowchart', 'author']),
  made: z.boolean(),
  /** Why it was made or refused, in words. */
  reason: z.string(),
  id: z.string().optional(),
});

/** content/chapters.json: the chapters the site shows, in order (a catch-all only when it has pages). */
export const chaptersSchema = z.array(
  z.object({
    slug: z.string(),
    title: z.string(),
    /** Short label for compact places (cards). */
    short: z.string(),
    description: z.string(),
    groups: z.array(z.object({ slug: z.string(), title: z.string() })),
  }),
);

const droppedSchema = z.object({
  /** The rule that dropped it (`tail:…`, `html:…`, `toc`, `near-duplicate:…`). */
  rule: z.string(),
  text: z.string(),
  /** Line of the note where it stood. */
  line: z.number().optional(),
});

/** content/ingest-report.json: what happened to every note. Deterministic: no times, sorted. */
export const ingestReportSchema = z.object({
  summary: z.object({ sources: z.number(), refused: z.number(), sections: z.number(), pages: z.number(), dropped: z.number(), images: z.number(), diagrams: z.number() }),
  sources: z.array(
    z.object({
      file: z.string(),
      format: z.enum(['html', 'markdown', 'text', 'restructured-text', 'asciidoc', 'notebook', 'word']),
      encoding: z.string(),
      title: z.string().nullable(),
      date: z.string().nullable(),
      /** One part per question or topic (collection), or one part for the whole note (article), and why. */
      shape: z.object({ kind: z.enum(['collection', 'article']), reason: z.string() }).nullable(),
      /** The note this one reposts (its parts are shown once, there), with the share of sentences found there. */
      repostOf: z.object({ file: z.string(), share: z.number() }).nullable(),
      sections: z.array(
        z.object({ heading: z.string(), topic: z.string().nullable(), page: z.string(), chapter: z.string(), group: z.string(), score: z.number(), terms: z.array(z.string()) }),
      ),
      dropped: z.array(droppedSchema),
      images: z.array(z.object({ url: z.string(), alt: z.string(), external: z.boolean() })),
      fixes: z.record(z.string(), z.number()),
      warnings: z.array(z.string()),
    }),
  ),
  errors: z.array(z.object({ file: z.string(), reason: z.string(), hint: z.string() })),
  pages: z.array(z.object({ path: z.string(), title: z.string(), chapter: z.string(), group: z.string(), sources: z.array(z.string()) })),
  diagrams: z.array(diagramRecordSchema.extend({ page: z.string() })),
  /** The 「版本提示」 asides placed: which fact, on which page, in which part of which note. */
  versionNotes: z.array(z.object({ fact: z.string(), page: z.string(), source: z.string(), section: z.string() })).default([]),
});

export type DiagramSpec = z.infer<typeof diagramSpecSchema>;
export type DiagramRecord = z.infer<typeof diagramRecordSchema>;
export type Chapters = z.infer<typeof chaptersSchema>;
export type IngestReport = z.infer<typeof ingestReportSchema>;
export type SourceReport = IngestReport['sources'][number];
export type SectionReport = SourceReport['sections'][number];
export type DiagramReport = IngestReport['diagrams'][number];
export type ErrorReport = IngestReport['errors'][number];

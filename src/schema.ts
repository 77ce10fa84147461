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
});

export type SourceRef = z.infer<typeof sourceRefSchema>;
export type SectionRef = z.infer<typeof sectionRefSchema>;
export type HandbookPage = z.infer<typeof handbookPageSchema>;
export type RelatedRef = z.infer<typeof relatedRefSchema>;

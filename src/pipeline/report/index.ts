import type { DiagramReport, ErrorReport, IngestReport, SourceReport } from '../../schema.ts';
import type { Repost } from '../merge/near-duplicates.ts';
import type { Dropped, NoteFile, NoteRecord, Page, SourceMeta } from '../types.ts';
import { compareText } from '../../collation.ts';

export type { DiagramReport, ErrorReport, IngestReport, SectionReport, SourceReport } from '../../schema.ts';

/** A note's messages as the report words them. */
export function warningsOf(file: NoteFile): string[] {
  return file.messages.map((m) => `${m.line ? `line ${m.line}: ` : ''}${m.reason}${m.ruleId ? ` [${m.ruleId}]` : ''}`);
}

export function buildReport(notes: NoteRecord[], pages: Page[], errors: ErrorReport[], reposts: Repost[] = [], repostDrops: Map<string, Dropped[]> = new Map(), versionNotes: IngestReport['versionNotes'] = []): IngestReport {
  const repostOf = new Map(reposts.map((r) => [r.file, { file: r.of, share: r.share }]));
  const pageOf = new Map<string, string>();
  for (const page of pages) for (const s of page.sections) pageOf.set(`${s.source}#${s.index}`, `${page.chapter}/${page.slug}`);
  const diagrams: DiagramReport[] = pages
    .flatMap((p) => p.sections.flatMap((s) => (s.diagrams ?? []).map((d) => ({ ...d, page: `${p.chapter}/${p.slug}` }))))
    .sort((a, b) => compareText(a.source, b.source) || compareText(a.page, b.page) || compareText(a.section, b.section) || compareText(a.reason, b.reason));
  const sources: SourceReport[] = notes
    .map((note) => {
      const meta = note.data.meta as SourceMeta;
      const sections = pages
        .flatMap((p) => p.sections)
        .filter((s) => s.source === meta.file)
        .sort((a, b) => a.index - b.index)
        .map((s) => ({
          heading: s.heading,
          topic: s.topic ?? null,
          page: pageOf.get(`${s.source}#${s.index}`) ?? '',
          chapter: s.classification?.chapter ?? '',
          group: s.classification?.group ?? '',
          score: s.classification?.score ?? 0,
          terms: s.classification?.terms ?? [],
        }));
      const fixes = Object.fromEntries(Object.entries(note.data.fixes ?? {}).sort(([a], [b]) => compareText(a, b)));
      return {
        file: meta.file,
        format: meta.format,
        encoding: meta.encoding,
        title: meta.title ?? null,
        date: meta.date ?? null,
        shape: note.data.shape ?? null,
        repostOf: repostOf.get(meta.file) ?? null,
        sections,
        dropped: [...(note.data.dropped ?? []), ...(repostDrops.get(meta.file) ?? [])],
        images: note.data.images ?? [],
        fixes,
        warnings: note.warnings,
      };
    })
    .sort((a, b) => compareText(a.file, b.file));
  return {
    summary: {
      sources: sources.length,
      refused: errors.length,
      sections: sources.reduce((n, s) => n + s.sections.length, 0),
      pages: pages.length,
      dropped: sources.reduce((n, s) => n + s.dropped.length, 0),
      images: sources.reduce((n, s) => n + s.images.length, 0),
      diagrams: diagrams.filter((d) => d.made).length,
    },
    sources,
    errors: [...errors].sort((a, b) => compareText(a.file, b.file)),
    pages: pages
      .map((p) => ({ path: `${p.chapter}/${p.slug}`, title: p.title, chapter: p.chapter, group: p.group, sources: [...new Set(p.sections.map((s) => s.source))] }))
      .sort((a, b) => compareText(a.path, b.path)),
    diagrams,
    versionNotes: [...versionNotes].sort((a, b) => compareText(a.page, b.page) || compareText(a.fact, b.fact)),
  };
}

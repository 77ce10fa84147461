import type { IngestReport } from '../src/pipeline/report/index.ts';

/**
 * Note-level chapters against a truth table (`file<TAB>chapters a reader accepts, a|b`): a note's
 * chapter is the one holding most of its parts; `other` is the taxonomy's catch-all chapter;
 * notes marked `mixed` are not scored.
 */
export function chapterAccuracy(report: IngestReport, truth: string, catchAll: string | undefined): { right: string[]; wrong: string[]; scored: number } {
  const accepted = new Map(
    truth
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t'))
      .map(([file = '', chapters = '']) => [file, chapters.split('|')] as const),
  );
  const right: string[] = [];
  const wrong: string[] = [];
  for (const source of report.sources) {
    const ok = accepted.get(source.file);
    if (!ok || ok.includes('mixed')) continue;
    const counts = new Map<string, number>();
    for (const s of source.sections) {
      const chapter = s.page.split('/')[0] ?? '';
      counts.set(chapter, (counts.get(chapter) ?? 0) + 1);
    }
    const chapter = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    (ok.includes(chapter) || (chapter === catchAll && ok.includes('other')) ? right : wrong).push(source.file);
  }
  return { right, wrong, scored: right.length + wrong.length };
}

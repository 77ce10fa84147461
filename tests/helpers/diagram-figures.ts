import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles } from '../../src/pipeline/verify/html-files.ts';

/** Each built page of `dist`: its HTML, its diagram figures, and how many of them hold their SVG. */
export function diagramFigures(dist: string): { file: string; html: string; figures: number; drawn: number }[] {
  return htmlFiles(dist).map((file) => {
    const html = readFileSync(join(dist, file), 'utf8');
    return {
      file,
      html,
      figures: html.match(/<figure class="diagram/g)?.length ?? 0,
      drawn: html.match(/<figure class="diagram[^>]*>\s*<div class="diagram-frame"[^>]*><svg/g)?.length ?? 0,
    };
  });
}

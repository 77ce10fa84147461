import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { chapterAccuracy } from '../../bench/accuracy.ts';
import { termFixer } from '../../src/pipeline/clean/fix-terms.ts';
import { listSources, runPipeline } from '../../src/pipeline/index.ts';
import { contentSentences, normalizeText, sourceText } from '../../src/pipeline/verify/sentences.ts';
import { LEAKED_MARKUP } from '../../src/pipeline/verify/structure.ts';
import { variantInputs } from '../helpers/corpus-variants.ts';
import { pageText } from '../helpers/page-text.ts';
import { rules } from '../helpers/rules.ts';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url).pathname;
const fix = termFixer(rules.glossary);
const gfm = unified().use(remarkParse).use(remarkGfm);
/** The tables a Markdown text holds. */
function tables(markdown: string): number {
  let n = 0;
  visit(gfm.parse(markdown), 'table', () => void n++);
  return n;
}

/**
 * Notes the handbook has not seen come as saved web pages and plain-text copies as often as
 * Markdown: the shared corpus's Markdown notes, turned into both at test time, must make a
 * handbook as good as the Markdown does.
 */
describe.runIf(existsSync(join(CORPUS, 'notes')))('the shared corpus as saved web pages and as plain-text copies', () => {
  const markdown = listSources(join(CORPUS, 'notes'));
  const truth = readFileSync(join(CORPUS, 'truth.tsv'), 'utf8');
  const catchAll = rules.taxonomy.chapters.find((c) => c.optional)?.slug;

  for (const shape of ['html', 'txt'] as const) {
    it(`${shape}: read as such, in the right chapters, titled by their titles, every sentence on a page, no markup shown as text`, () => {
      const inputs = variantInputs(markdown, shape);
      const { files, report } = runPipeline(inputs, rules);
      const format = shape === 'html' ? 'html' : 'text';
      const misread = report.sources.filter((s) => s.format !== format).map((s) => s.file);
      const { right, scored } = chapterAccuracy(report, truth.replace(/\.md\t/g, `.${shape}\t`), catchAll);
      const pages = files.filter((f) => /^[a-z-]+\/.+\.mdx$/.test(f.path) && !f.path.endsWith('/index.mdx'));
      const texts = pages.map((p) => ({ path: p.path, text: pageText(p.content), prose: pageText(p.content, { prose: true }) }));
      // A page named after its note's file (the note's title was not found), its note read in the right format.
      const sourcesOf = new Map(report.pages.map((p) => [`${p.path}.mdx`, p.sources]));
      const titledByFile = texts.filter((p) => /\.(md|html|txt)$|^(fk|rs|tb|cn|qa)-/.test(p.text.split('\n')[0] ?? '') && !sourcesOf.get(p.path)?.every((f) => misread.includes(f))).map((p) => p.path);
      const leaked = texts.flatMap((p) => LEAKED_MARKUP.filter((m) => m.pattern.test(p.prose)).map((m) => `${p.path}: ${m.what}`));
      const all = normalizeText(texts.map((p) => p.text).join('\n'));
      let total = 0;
      const missing: string[] = [];
      for (const input of inputs) {
        // What was dropped as junk (the page's header, its date line) is accounted for by the report, as npm run verify counts it.
        const junk = normalizeText((report.sources.find((r) => r.file === input.name)?.dropped ?? []).map((d) => d.text).join('\n'));
        for (const sentence of contentSentences(sourceText(Buffer.from(input.bytes).toString('utf8')))) {
          const key = normalizeText(fix(sentence, () => {}));
          if (junk.includes(key)) continue;
          total++;
          if (!all.includes(key)) missing.push(`${input.name}: ${sentence}`);
        }
      }
      // A table copied as tab-separated lines, or saved as HTML, is a table on its page again.
      const tablesIn = markdown.reduce((n, input) => n + tables(Buffer.from(input.bytes).toString('utf8')), 0);
      const tablesOut = pages.reduce((n, page) => n + tables(page.content), 0);
      console.log(`${shape}: ${inputs.length} notes, ${misread.length} not read as ${format}; chapters ${right.length} of ${scored}; ${pages.length} pages; sentences ${total - missing.length} of ${total}; tables ${tablesOut} of ${tablesIn}`);
      expect(tablesOut).toBeGreaterThanOrEqual(tablesIn);
      expect(misread.length / inputs.length, misread.join(', ')).toBeLessThanOrEqual(0.05);
      expect(right.length / scored).toBeGreaterThanOrEqual(0.95);
      expect(titledByFile).toEqual([]);
      expect(leaked).toEqual([]);
      expect(missing.length / total, missing.slice(0, 10).join('\n')).toBeLessThanOrEqual(0.01);
    });
  }
});

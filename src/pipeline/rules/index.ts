import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { uiStringsSchema } from '../../schema.ts';
import { actorsSchema, glossarySchema, junkRulesSchema, markupSchema, pageModelSchema, searchRulesSchema, taxonomySchema, termsSchema, versionNotesSchema, type Rules } from './schemas.ts';

export type { Rules } from './schemas.ts';

/** Loads and validates one rules file; a broken file is an error that names it. */
function load<T>(dir: string, name: string, schema: z.ZodType<T>): T {
  const path = join(dir, name);
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read rules file ${path}: ${(error as Error).message}\nHint: fix the YAML syntax or restore the file from git.`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Rules file ${path} does not match its schema:\n${issues}`);
  }
  return result.data;
}

/** Reads the data files that steer the pipeline from `dir` (the project's content/ folder). */
export function loadRules(dir: string): Rules {
  return {
    taxonomy: load(dir, 'taxonomy.yaml', taxonomySchema),
    glossary: load(dir, 'glossary.yaml', glossarySchema),
    junk: load(dir, 'junk-rules.yaml', junkRulesSchema),
    actors: load(dir, 'actors.yaml', actorsSchema),
    markup: load(dir, 'markup.yaml', markupSchema),
    pageModel: load(dir, 'page-model.yaml', pageModelSchema),
    // Optional: without the file, no page gets version notes.
    versionNotes: existsSync(join(dir, 'version-notes.yaml')) ? load(dir, 'version-notes.yaml', versionNotesSchema) : versionNotesSchema.parse({ 'checked-against': 'v0.0', facts: [] }),
    // Optional: without the file, the handbook has no glossary and no page links terms.
    // Required: the site's own words live there.
    ui: load(dir, 'ui.yaml', uiStringsSchema),
    // Required: the search box's words live there.
    search: load(dir, 'search.yaml', searchRulesSchema),
    terms: existsSync(join(dir, 'terms.yaml')) ? load(dir, 'terms.yaml', termsSchema) : { title: '术语表', description: '', 'docs-label': '官方文档', 'pages-label': '出现在', categories: {}, 'not-terms': [], terms: [] },
  };
}

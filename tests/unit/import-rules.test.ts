import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|astro|mjs)$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** The module specifiers a source file imports (static and dynamic). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*import\s[^;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*export\s[^;]*?from\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

const SITE = ['components', 'pages', 'site', 'styles', 'content.config.ts', 'routeData.ts'];

describe('the pipeline and the site meet only in src/schema.ts and the generated content', () => {
  it('the pipeline imports nothing from the site', () => {
    const wrong = files(join(SRC, 'pipeline')).flatMap((f) =>
      imports(f)
        .filter((spec) => spec.startsWith('astro') || SITE.some((s) => spec.includes(`/${s}/`) || spec.endsWith(`/${s}`)) || spec.includes('@handbook/'))
        .map((spec) => `${relative(SRC, f)} imports ${spec}`),
    );
    expect(wrong, 'The pipeline must not know the site: move what both need into src/schema.ts, or write it into content/ for the site to read.').toEqual([]);
  });

  it('the site imports nothing from the pipeline', () => {
    const siteFiles = SITE.flatMap((s) => {
      const path = join(SRC, s);
      return s.includes('.') ? [path] : files(path);
    });
    const wrong = siteFiles.flatMap((f) => imports(f).filter((spec) => spec.includes('/pipeline/') || spec.includes('pipeline/')).map((spec) => `${relative(SRC, f)} imports ${spec}`));
    expect(siteFiles.length).toBeGreaterThan(10);
    expect(wrong, 'The site reads only content/ and src/schema.ts: have the pipeline write what the site needs into content/, described in src/schema.ts.').toEqual([]);
  });

  it('generated pages import components by the site alias, not by a path from the output folder', () => {
    const pages = readdirSync(new URL('../../content/components/', import.meta.url).pathname).map((n) => readFileSync(new URL(`../../content/components/${n}`, import.meta.url), 'utf8'));
    const specs = pages.flatMap((p) => [...p.matchAll(/^import \w+ from '([^']+)';$/gm)].map((m) => m[1]));
    expect(specs.length).toBeGreaterThan(0);
    expect(specs.every((s) => s?.startsWith('@handbook/components/'))).toBe(true);
  });
});

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagramFigures } from '../helpers/diagram-figures.ts';
import { cloneCopy } from '../helpers/project-copy.ts';

const project = cloneCopy();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('a build that draws its diagrams while Astro bundles the pages (src/site/after-pipeline.ts)', () => {
  it('every page shows its diagram drawn in this build, none waiting to be drawn', () => {
    const drawnDir = join(project, 'content/diagrams');
    for (const name of readdirSync(drawnDir)) if (name.endsWith('.svg')) rmSync(join(drawnDir, name));
    const build = spawnSync('npm', ['run', 'build'], { cwd: project, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDBOOK_PDF: '0' } });
    expect(build.status, build.stderr).toBe(0);
    const specs = JSON.parse(readFileSync(join(project, 'content/diagrams.json'), 'utf8')) as { file: string }[];
    const drawn = readdirSync(drawnDir).filter((name) => name.endsWith('.svg'));
    expect(build.stdout).toMatch(new RegExp(`: ${drawn.length} drawn, 0 already drawn`));
    expect(drawn.sort()).toEqual([...new Set(specs.map((s) => s.file))].sort());
    expect(drawn.length).toBeGreaterThan(3);
    let figures = 0;
    for (const page of diagramFigures(join(project, 'dist'))) {
      figures += page.figures;
      // Each figure holds its SVG: not the note that it is not drawn yet.
      expect(page.drawn, page.file).toBe(page.figures);
      expect(page.html, page.file).not.toContain('diagram-missing');
    }
    expect(figures).toBeGreaterThanOrEqual(drawn.length);
  });
});

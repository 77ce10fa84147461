import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagramFigures } from '../helpers/diagram-figures.ts';
import { cloneCopy } from '../helpers/project-copy.ts';

const project = cloneCopy();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('a fresh clone on a machine with no browser', () => {
  it('npm run build serves every diagram as its committed SVG, loads no Mermaid, and skips the PDF with one line', () => {
    const build = spawnSync('npm', ['run', 'build'], { cwd: project, encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', ASTRO_TELEMETRY_DISABLED: '1' } });
    expect(build.status, build.stderr).toBe(0);
    // Nothing needed drawing: the build did not even look for a browser.
    expect(`${build.stdout}${build.stderr}`).not.toMatch(/no browser could be started/);
    const dist = join(project, 'dist');
    let figures = 0;
    for (const page of diagramFigures(dist)) {
      figures += page.figures;
      expect(page.drawn, page.file).toBe(page.figures);
      expect(page.html, page.file).not.toMatch(/mermaid\.(min\.)?js|import\s*["'][^"']*mermaid|尚未绘制/);
    }
    const specs = JSON.parse(readFileSync(join(project, 'content/diagrams.json'), 'utf8')) as unknown[];
    expect(figures).toBeGreaterThanOrEqual(specs.length);
    // The whole-book PDF is skipped with one line that says why, and the home page does not offer it.
    const log = `${build.stdout}${build.stderr}`;
    expect(log.match(/handbook\.pdf skipped: no Chromium at \/nonexistent\/chromium/g)?.length).toBe(1);
    expect(existsSync(join(dist, 'handbook.pdf'))).toBe(false);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toContain('handbook.pdf');
  });
});

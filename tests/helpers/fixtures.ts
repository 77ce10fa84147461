import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

/** The cases of a stage: the folders under tests/fixtures/<stage>/. */
export function cases(stage: string): string[] {
  const dir = join(FIXTURES, stage);
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** The single input file of a case (input.*). */
export function inputOf(stage: string, name: string): { path: string; bytes: Buffer } {
  const dir = join(FIXTURES, stage, name);
  const file = readdirSync(dir).find((f) => f.startsWith('input.'));
  if (!file) throw new Error(`fixture ${stage}/${name} has no input.* file`);
  return { path: join(dir, file), bytes: readFileSync(join(dir, file)) };
}

/**
 * Compares produced files with the expected ones in the case folder. With UPDATE_FIXTURES=1
 * the expected files are rewritten instead: do that on purpose only, and review the diff.
 */
export function expectFiles(stage: string, name: string, files: Record<string, string>): void {
  const dir = join(FIXTURES, stage, name, 'expected');
  for (const [rel, content] of Object.entries(files)) {
    const path = join(dir, rel);
    if (process.env['UPDATE_FIXTURES'] === '1') {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      continue;
    }
    expect(existsSync(path), `missing expected file ${path} (run with UPDATE_FIXTURES=1 once, then review)`).toBe(true);
    expect(content, `${stage}/${name}/expected/${rel}`).toBe(readFileSync(path, 'utf8'));
  }
  if (process.env['UPDATE_FIXTURES'] !== '1' && existsSync(dir)) {
    const listed = (d: string, prefix = ''): string[] =>
      readdirSync(join(dir, d)).flatMap((f) => (existsSync(join(dir, d, f)) && !f.includes('.') ? listed(join(d, f), `${prefix}${f}/`) : [`${prefix}${f}`]));
    expect(listed('').sort(), `expected files of ${stage}/${name}`).toEqual(Object.keys(files).sort());
  }
}

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

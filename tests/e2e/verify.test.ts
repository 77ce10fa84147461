import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestReport } from '../../src/pipeline/report/index.ts';
import { account } from '../../src/pipeline/verify/index.ts';
import { siteDir } from '../helpers/site.ts';

describe('npm run verify: every content sentence is in the pages or reported as dropped', () => {
  it('accounts for 100% of the bundled notes on the built site', () => {
    const run = spawnSync('node_modules/.bin/tsx', ['src/pipeline/cli.ts', 'verify', '--site', siteDir()], { encoding: 'utf8' });
    console.log(run.stdout.trim().split('\n').pop());
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/100\.00% of \d+ content sentences accounted for; 0 unaccounted\./);
    expect(run.stdout.match(/✓ /g)?.length).toBe(5);
  });

  it('names what is unaccounted for and fails', () => {
    const root = mkdtempSync(join(tmpdir(), 'verify-'));
    mkdirSync(join(root, 'sources'));
    mkdirSync(join(root, 'site'));
    writeFileSync(join(root, 'sources', 'note.md'), '## 节\n\n这一句话会出现在页面里面。\n\n这一句话被当作垃圾删除了。\n\n这一句话凭空消失不见了。\n');
    writeFileSync(join(root, 'site', 'index.html'), '<html><body><main data-pagefind-body><p>这一句话会出现在页面里面。</p></main></body></html>');
    const report = { sources: [{ file: 'note.md', dropped: [{ rule: 'tail:x', text: '这一句话被当作垃圾删除了。' }] }] } as unknown as IngestReport;
    const [result] = account(join(root, 'sources'), join(root, 'site'), report, (t) => t);
    expect(result).toMatchObject({ sentences: 3, inPages: 1, dropped: 1, missing: ['这一句话凭空消失不见了'] });
  });
});

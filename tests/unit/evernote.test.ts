import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/index.ts';
import { splitEvernoteExports } from '../../src/pipeline/read/evernote.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { rules } from '../helpers/rules.ts';

const enex = readFileSync(join(FIXTURES, 'evernote/k8s-notes.enex'));
const body = (content: string) => content.replace(/^---[\s\S]*?\n---\n/, '');

describe('an Evernote export', () => {
  it('is split into its notes, each a page with its title, formatting, to-do boxes and pictures', () => {
    const inputs = splitEvernoteExports([{ name: 'k8s-notes.enex', bytes: enex }], rules.markup.evernote);
    expect(inputs.map((i) => i.name)).toEqual(['k8s-notes.enex#1', 'k8s-notes.enex#2']);
    const { files, assets, report } = runPipeline(inputs, rules);
    expect(report.sources.map((s) => [s.file, s.title, s.dropped.length])).toEqual([
      ['k8s-notes.enex#1', 'HPA 自动扩缩容', 0],
      ['k8s-notes.enex#2', 'PDB 中断预算', 0],
    ]);
    const hpa = body(files.find((f) => f.content.includes('HPA 自动扩缩容'))?.content ?? '');
    expect(hpa).toContain('**注意：**<Term id="pod">Pod</Term> 必须设置');
    expect(hpa).toMatch(/^!\[\]\(\.\.\/assets\/[0-9a-f]{16}\.png\)$/m);
    expect(hpa).toMatch(/^☑ 装好 metrics-server\n\n☐ 试一下自定义指标$/m);
    expect(assets).toHaveLength(1);
    expect(body(files.find((f) => f.content.includes('PDB 中断预算'))?.content ?? '')).toMatch(/^- minAvailable：至少保持可用的副本数$/m);
  });

  it('that holds no notes is refused with a reason and a hint', () => {
    const inputs = splitEvernoteExports([{ name: 'empty.enex', bytes: Buffer.from('<?xml version="1.0"?><en-export></en-export>') }], rules.markup.evernote);
    const { report } = runPipeline(inputs, rules);
    expect(report.errors.map((e) => [e.file, e.reason])).toEqual([['empty.enex', 'it is not an Evernote export: it holds no <en-export> with notes']]);
  });
});

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { toMdx } from '../../src/pipeline/emit/index.ts';
import { listSources, runPipeline } from '../../src/pipeline/index.ts';
import { loadRules } from '../../src/pipeline/rules/index.ts';
import type { Page, Section } from '../../src/pipeline/types.ts';
import { addVersionNotes } from '../../src/pipeline/version/index.ts';
import { CONTENT_DIR, rules } from '../helpers/rules.ts';

const notes = rules.versionNotes;

function section(heading: string, text: string, index: number): Section {
  return { source: 'note.md', index, heading, originalHeading: heading, children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
}

describe('version notes: stale Kubernetes facts get a 「版本提示」', () => {
  it('the data holds at least 25 facts, each with its version and an official https source', () => {
    expect(notes.facts.length).toBeGreaterThanOrEqual(25);
    expect(notes['checked-against']).toMatch(/^v1\.\d+$/);
    expect(new Set(notes.facts.map((f) => f.id)).size).toBe(notes.facts.length);
    for (const fact of notes.facts) expect(new URL(fact.source).protocol, fact.id).toBe('https:');
  });

  it('puts one aside at the top of the first part that mentions a fact, once per page, and leaves the parts it was given unchanged', () => {
    const first = section('PSP 是什么', '使用 PodSecurityPolicy 限制特权容器。', 0);
    const second = section('再谈策略', 'PodSecurityPolicy 与 RBAC 配合，节点上的容器运行时（如 Docker）负责运行容器。', 1);
    const third = section('别的页', '这里没有过时的东西。', 2);
    const page: Page = { chapter: 'security', group: 'policy', slug: 'psp', title: 'PSP', order: 1, sections: [first, second, third] };
    const before = JSON.stringify(page);
    const { pages, records } = addVersionNotes([page], notes);
    expect(JSON.stringify(page)).toBe(before);
    const [out] = pages;
    const mdx = (s: Section | undefined) => toMdx({ type: 'root', children: s?.children ?? [] });
    const psp = notes.facts.find((f) => f.id === 'pod-security-policy');
    const docker = notes.facts.find((f) => f.id === 'dockershim');
    expect(mdx(out?.sections[0])).toBe(`:::caution[版本提示（对照 Kubernetes ${notes['checked-against']}）]\n${psp?.note} [官方说明](${psp?.source})\n:::\n\n使用 PodSecurityPolicy 限制特权容器。\n`);
    // PodSecurityPolicy again: no second aside; the runtime is new on this page.
    expect(mdx(out?.sections[1])).toBe(`:::caution[版本提示（对照 Kubernetes ${notes['checked-against']}）]\n${docker?.note} [官方说明](${docker?.source})\n:::\n\nPodSecurityPolicy 与 RBAC 配合，节点上的容器运行时（如 Docker）负责运行容器。\n`);
    expect(out?.sections[2]).toBe(third);
    expect(records).toEqual([
      { fact: 'pod-security-policy', page: 'security/psp', source: 'note.md', section: 'PSP 是什么' },
      { fact: 'dockershim', page: 'security/psp', source: 'note.md', section: '再谈策略' },
    ]);
  });

  it('gathers several facts of one part into one aside, as a list; code counts as a mention', () => {
    const code: RootContent = { type: 'code', lang: 'yaml', meta: null, value: 'apiVersion: extensions/v1beta1\nkind: Ingress' };
    const part: Section = { ...section('Ingress', '用 Heapster 看监控。', 0), children: [code] };
    part.children.push({ type: 'paragraph', children: [{ type: 'text', value: '用 Heapster 看监控。' }] });
    const { pages } = addVersionNotes([{ chapter: 'networking', group: 'g', slug: 'ingress', title: 'Ingress', order: 1, sections: [part] }], notes);
    const aside = pages[0]?.sections[0]?.children[0];
    expect(aside?.type).toBe('containerDirective');
    expect(toMdx({ type: 'root', children: aside ? [aside] : [] })).toMatch(/^:::caution\[版本提示（对照 Kubernetes v1\.\d+）\]\n- .*Heapster.*\n- .*extensions\/v1beta1.*\n:::\n$/);
  });

  it('on the bundled notes: PodSecurityPolicy, Docker as the runtime, userspace mode, Heapster and kubectl get cs are flagged, and no description is an aside', () => {
    const result = runPipeline(listSources(join(CONTENT_DIR, 'sources')), rules);
    const facts = new Set(result.report.versionNotes.map((v) => v.fact));
    for (const id of ['pod-security-policy', 'dockershim', 'kube-proxy-userspace', 'heapster', 'component-status']) expect(facts.has(id), id).toBe(true);
    const texts = new Set(notes.facts.map((f) => f.note));
    for (const file of result.files.filter((f) => f.path.endsWith('.mdx'))) {
      const description = /^description: (.*)$/m.exec(file.content)?.[1] ?? '';
      expect(texts.has(description), file.path).toBe(false);
    }
  });

  it('a broken version-notes.yaml names the file, the field and what to write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    cpSync(CONTENT_DIR, dir, { recursive: true, filter: (src) => !src.includes('/sources') && !/\.mdx?$/.test(src) });
    writeFileSync(join(dir, 'version-notes.yaml'), readFileSync(join(CONTENT_DIR, 'version-notes.yaml'), 'utf8').replace('version: v1.25', 'version: "1.25"'));
    expect(() => loadRules(dir)).toThrow(/version-notes\.yaml does not match its schema:\n {2}- facts\.0\.version: write it like v1\.25/);
  });
});

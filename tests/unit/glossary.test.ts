import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { emitGlossary, toMdx } from '../../src/pipeline/emit/index.ts';
import { linkTerms, namePattern, nextMention, termMatcher } from '../../src/pipeline/glossary/link-terms.ts';
import { loadRules } from '../../src/pipeline/rules/index.ts';
import { termsSchema, type Terms } from '../../src/pipeline/rules/schemas.ts';
import type { Page, Section } from '../../src/pipeline/types.ts';
import { glossarySchema } from '../../src/schema.ts';
import { CONTENT_DIR, rules } from '../helpers/rules.ts';

/** A small glossary written for these tests. */
const terms: Terms = termsSchema.parse({
  description: '测试用术语表。',
  categories: { net: '网络', work: '工作负载', sec: '安全', node: '节点' },
  terms: [
    { id: 'service', en: ['Service'], abbr: ['SVC'], category: 'net', definition: '给一组 Pod 一个稳定地址的对象。', docs: 'https://example.org/service' },
    { id: 'service-account', zh: ['服务账号'], en: ['ServiceAccount', 'Service Account'], abbr: ['SA'], category: 'sec', definition: '供 Pod 中进程使用的身份。', docs: 'https://example.org/sa' },
    { id: 'pod', en: ['Pod'], category: 'work', definition: '一起调度的一组容器。', docs: 'https://example.org/pod' },
    { id: 'pv', zh: ['持久卷'], en: ['PersistentVolume'], abbr: ['PV'], category: 'work', definition: '集群级别的一块持久存储。', docs: 'https://example.org/pv' },
    { id: 'node', zh: ['节点'], en: ['Node'], 'match-case': true, category: 'node', definition: '运行 Pod 的机器。', docs: 'https://example.org/node' },
    { id: 'node-affinity', zh: ['节点亲和性'], category: 'node', definition: '约束 Pod 可以去哪些节点。', docs: 'https://example.org/na' },
    { id: 'kube-proxy', en: ['kube-proxy'], category: 'net', definition: '每个节点上的网络代理。', docs: 'https://example.org/kp' },
  ],
});

const para = (...children: RootContent[]): RootContent => ({ type: 'paragraph', children: children as never });
const text = (value: string): RootContent => ({ type: 'text', value });
const section = (heading: string, children: RootContent[], index = 0): Section => ({ source: 'note.md', index, heading, originalHeading: heading, children });
const page = (title: string, sections: Section[]): Page => ({ chapter: 'networking', group: 'g', slug: 's', title, order: 0, sections });
const mdx = (s: Section | undefined) => toMdx({ type: 'root', children: s?.children ?? [] });

describe('glossary: the first mention of a term links to its entry', () => {
  it('links each term once per page, the longest name first, never in code, headings or links, and leaves its input unchanged', () => {
    const first = section('什么是 Service', [
      { type: 'heading', depth: 3, children: [{ type: 'text', value: 'Pod 与 Service' }] },
      para(text('创建 Service Account 后，Service 把流量转给 pods；'), { type: 'inlineCode', value: 'kube-proxy' }, text(' 与 '), { type: 'link', url: 'https://example.org', children: [{ type: 'text', value: 'kube-proxy' }] }, text('。')),
      { type: 'code', lang: 'yaml', meta: null, value: 'kind: Service' },
      para(text('svc、SVC 与 node.js 的 Node 节点亲和性，然后才是节点。')),
    ]);
    const second = section('再谈', [para(text('kubeproxy 和 PV（pv）都在这里；Service 与 Pod 不再链接。'))], 1);
    const input = page('概览', [first, second]);
    const before = JSON.stringify(input);
    const [out] = linkTerms([input], terms);
    expect(JSON.stringify(input)).toBe(before);
    expect(mdx(out?.sections[0])).toBe(
      [
        '### Pod 与 Service',
        '',
        '创建 <Term id="service-account">Service Account</Term> 后，<Term id="service">Service</Term> 把流量转给 <Term id="pod">pods</Term>；`kube-proxy` 与 [kube-proxy](https://example.org)。',
        '',
        '```yaml',
        'kind: Service',
        '```',
        '',
        'svc、SVC 与 node.js 的 <Term id="node">Node</Term> <Term id="node-affinity">节点亲和性</Term>，然后才是节点。',
        '',
      ].join('\n'),
    );
    expect(mdx(out?.sections[1])).toBe('<Term id="kube-proxy">kubeproxy</Term> 和 <Term id="pv">PV</Term>（pv）都在这里；Service 与 Pod 不再链接。\n');
  });

  it('links no term inside a word that holds its name but means something else (not-terms), and still links it elsewhere', () => {
    const withNotTerms = { ...terms, 'not-terms': ['父节点', '根节点'] };
    const [out] = linkTerms([page('树', [section('树', [para(text('父节点和根节点属于数据结构；调度器把 Pod 放到节点上。'))])])], withNotTerms);
    expect(mdx(out?.sections[0])).toBe('父节点和根节点属于数据结构；调度器把 <Term id="pod">Pod</Term> 放到<Term id="node">节点</Term>上。\n');
    const [without] = linkTerms([page('树', [section('树', [para(text('父节点属于数据结构。'))])])], terms);
    expect(mdx(without?.sections[0])).toBe('父<Term id="node">节点</Term>属于数据结构。\n');
  });

  it('links no master node where a verb manages what is on a node (content/terms.yaml)', () => {
    const [out] = linkTerms([page('节点', [section('节点', [para(text('kubelet 负责管理节点上的容器，也就是分配和管理节点上的资源；etcd 可以部署在管理节点上。'))])])], rules.terms);
    const written = mdx(out?.sections[0]);
    expect(written).toContain('负责管理节点上的');
    expect(written).toContain('分配和管理节点上的资源');
    expect(written).toContain('部署在<Term id="master-node">管理节点</Term>上');
  });

  it('does not link the terms its page title names, nor text inside a version note', () => {
    const note = { type: 'containerDirective', name: 'caution', attributes: {}, data: { versionNote: true }, children: [para(text('Pod 的旧写法。'))] } as unknown as RootContent;
    const [out] = linkTerms([page('Service 与 kube-proxy', [section('Service', [note, para(text('Service 通过 kube-proxy 找到 Pod。'))])])], terms);
    expect(mdx(out?.sections[0])).toBe(':::caution\nPod 的旧写法。\n:::\n\nService 通过 kube-proxy 找到 <Term id="pod">Pod</Term>。\n');
  });

  it('never loses or changes a character of the text (random text of names and filler)', () => {
    const names = terms.terms.flatMap((t) => [...t.zh, ...t.en, ...t.abbr]);
    const piece = fc.oneof(fc.constantFrom(...names, ' ', '的', 's', '-', 'x', '。'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), { minLength: 1, maxLength: 4 }), (texts) => {
        const input = page('页', [section('h', texts.map((t) => para(text(t))))]);
        const [out] = linkTerms([input], terms);
        const ids: string[] = [];
        const tree = { type: 'root' as const, children: out?.sections[0]?.children ?? [] };
        JSON.stringify(tree, (_key, value) => {
          if (value?.type === 'mdxJsxTextElement') ids.push(value.attributes[0].value);
          return value;
        });
        expect(toString(tree)).toBe(texts.join(''));
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });
});

describe('glossary: finding mentions', () => {
  /**
   * What the matcher must find, written as one pattern of every name (longest first, then by id;
   * no Latin-led name inside a word) that the regular-expression engine runs from left to right.
   */
  function onePattern(list: Terms['terms']) {
    const names = list.flatMap((t) => [...t.zh.map((n) => ({ id: t.id, n, k: 'zh' as const, c: true })), ...t.en.map((n) => ({ id: t.id, n, k: 'en' as const, c: t['match-case'] })), ...t.abbr.map((n) => ({ id: t.id, n, k: 'abbr' as const, c: true }))]);
    names.sort((a, b) => b.n.length - a.n.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const alternatives = names.map(({ n, k, c }) => `(${/^[A-Za-z0-9]/.test(n) ? '(?<![A-Za-z0-9])' : ''}${namePattern(n, k, c)})`);
    const pattern = new RegExp(alternatives.join('|'), 'g');
    return (value: string) => [...value.matchAll(pattern)].map((m) => ({ index: m.index, text: m[0], id: names[m.slice(1).findIndex((g) => g !== undefined)]!.id }));
  }
  const mentions = (value: string, list: Terms['terms']) => {
    const matcher = termMatcher(list);
    const found = [];
    for (let m = nextMention(value, 0, matcher); m; m = nextMention(value, m.index + m.text.length, matcher)) found.push(m);
    return found;
  };

  it('finds what one pattern of all names finds, on the bundled glossary and random text around its names', () => {
    const list = rules.terms.terms;
    const expected = onePattern(list);
    const names = list.flatMap((t) => [...t.zh, ...t.en, ...t.abbr]);
    const piece = fc.oneof(
      fc.constantFrom(...names),
      fc.constantFrom(...names).map((n) => n.toLowerCase().replace(/ /g, '-')),
      fc.constantFrom(' ', '-', '_', 's', 'es', 'x', '9', '的', '。', 'Pod', 'pods', 'k8s'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }).map((p) => p.join('')), (value) => {
        expect(mentions(value, list)).toEqual(expected(value));
      }),
      { numRuns: 400 },
    );
  });

  it('takes the longest name at the leftmost place, whole words only, names of any case unless the term matches case', () => {
    expect(mentions('serviceaccounts 与 SA、sa，kube proxy 和 kube_proxys；xPod 不算，Node 与 node，节点亲和性', terms.terms).map((m) => `${m.index}:${m.text}:${m.id}`)).toEqual([
      '0:serviceaccounts:service-account',
      '18:SA:service-account',
      '24:kube proxy:kube-proxy',
      '37:kube_proxys:kube-proxy',
      '57:Node:node',
      '69:节点亲和性:node-affinity',
    ]);
  });
});

describe('glossary: the data and the page data', () => {
  it('the bundled glossary has at least 120 terms, each with a definition and an official https page', () => {
    expect(rules.terms.terms.length).toBeGreaterThanOrEqual(120);
    for (const term of rules.terms.terms) expect(new URL(term.docs).protocol, term.id).toBe('https:');
  });

  it('sorts entries by the pinyin of their name under its first letter, Latin names by their letters', () => {
    const glossary = glossarySchema.parse(JSON.parse(emitGlossary(terms).content));
    expect(glossary.terms.map((t) => `${t.letter} ${t.name}`)).toEqual(['C 持久卷', 'F 服务账号', 'J 节点', 'J 节点亲和性', 'K kube-proxy', 'P Pod', 'S Service']);
    expect(glossary.terms.find((t) => t.id === 'pv')?.aliases).toEqual(['PersistentVolume', 'PV']);
  });

  it('a glossary error names the file, the field and what to write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'terms-'));
    for (const name of ['taxonomy.yaml', 'glossary.yaml', 'junk-rules.yaml', 'actors.yaml', 'markup.yaml', 'page-model.yaml', 'search.yaml', 'ui.yaml']) writeFileSync(join(dir, name), readFileSync(join(CONTENT_DIR, name)));
    const data = parse(readFileSync(join(CONTENT_DIR, 'terms.yaml'), 'utf8')) as { terms: { id: string; en: string[]; category: string }[] };
    data.terms[1] = { ...data.terms[1]!, en: [...(data.terms[1]?.en ?? []), data.terms[0]?.en[0] ?? 'x'], category: 'nowhere' };
    writeFileSync(join(dir, 'terms.yaml'), stringify(data));
    expect(() => loadRules(dir)).toThrow(/terms\.yaml does not match its schema:[\s\S]*terms\.1\.category: unknown category nowhere: use one of[\s\S]*terms\.1: the name .* also names /);
  });
});

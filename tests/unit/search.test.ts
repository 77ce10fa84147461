import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { emitSearch } from '../../src/pipeline/emit/search.ts';
import { loadRules } from '../../src/pipeline/rules/index.ts';
import { searchRulesSchema, termsSchema } from '../../src/pipeline/rules/schemas.ts';
import { searchDictSchema, searchKey } from '../../src/schema.ts';
import { writeSearchTitles } from '../../src/search-titles/index.ts';
import { highlight } from '../../src/site/search/highlight.ts';
import { lexicon, parseQuery } from '../../src/site/search/query.ts';
import { rankPages, titleBonus, type PagefindApi } from '../../src/site/search/rank.ts';
import { CONTENT_DIR, rules } from '../helpers/rules.ts';

/** Search rules and a glossary written for these tests. */
const search = searchRulesSchema.parse({
  'stop-words': ['是什么', '什么是', '什么', '如何', '怎么', '区别', '的', '和', '是', '用', '来', '做', '有什么', 'what', 'is'],
  synonyms: [
    ['滚动更新', 'RollingUpdate'],
    ['持久卷', '持久化卷'],
  ],
  typos: { ingres: 'Ingress', deploymnet: 'Deployment' },
  labels: parse(readFileSync(join(CONTENT_DIR, 'search.yaml'), 'utf8')).labels,
});
const terms = termsSchema.parse({
  description: '测试用术语表。',
  categories: { x: '其他' },
  terms: [
    { id: 'pv', zh: ['持久卷'], en: ['PersistentVolume'], abbr: ['PV'], category: 'x', definition: '集群级别的一块持久存储。', docs: 'https://example.org/pv' },
    { id: 'pvc', zh: ['持久卷申领'], en: ['PersistentVolumeClaim'], abbr: ['PVC'], category: 'x', definition: '对持久存储的一份申请。', docs: 'https://example.org/pvc' },
    { id: 'kube-proxy', en: ['kube-proxy'], category: 'x', definition: '每个节点上的网络代理。', docs: 'https://example.org/kp' },
    { id: 'ingress', en: ['Ingress'], category: 'x', definition: '把集群外的 HTTP 流量引到 Service。', docs: 'https://example.org/ing' },
    { id: 'probe', zh: ['探针'], en: ['Probe'], category: 'x', definition: 'kubelet 对容器做的周期检查。', docs: 'https://example.org/probe' },
    { id: 'api-server', zh: ['API 服务器'], en: ['apiserver', 'API Server'], category: 'x', definition: '控制平面的入口。', docs: 'https://example.org/api' },
  ],
});
const taxonomy = { ...rules.taxonomy, topics: [{ slug: 't1', chapter: 'storage', group: 'g', title: 'T', terms: ['PV和PVC', '什么是Kubernetes'], except: [] }, { slug: 't2', chapter: 'components', group: 'g', title: 'D', terms: ['Deployment'], except: [] }] };
const file = emitSearch({ search, terms, glossary: { fixes: { 'kube-porxy': 'kube-proxy' } }, taxonomy } as never);
const dict = searchDictSchema.parse(JSON.parse(file.content));
const lex = lexicon(dict);

const show = (q: string): string => {
  const p = parseQuery(q, lex);
  return `${p.concepts.map((c) => `${c.known ? '*' : ''}${c.typed}[${c.names.join('|')}]`).join(' ')}${p.dropped.length ? ` −${p.dropped.join(',')}` : ''}`;
};

describe('content/search.json: the names the search box knows', () => {
  it('joins the glossary, synonym groups, topic terms and misspellings; a name in two groups joins them', () => {
    expect(file.path).toBe('search.json');
    expect(dict.entries).toEqual([
      { search: ['持久卷', 'PersistentVolume', 'PV', '持久化卷'], term: 'pv' },
      { search: ['持久卷申领', 'PersistentVolumeClaim', 'PVC'], term: 'pvc' },
      { search: ['kube-proxy'], typos: ['kubeporxy'], term: 'kube-proxy' },
      { search: ['Ingress'], typos: ['ingres'], term: 'ingress' },
      { search: ['探针', 'Probe'], term: 'probe' },
      { search: ['API 服务器', 'apiserver', 'API Server'], term: 'api-server' },
      { search: ['滚动更新', 'RollingUpdate'] },
      // A topic term is kept whole; one that is a question frame (什么是Kubernetes) is not a name.
      { search: ['PV和PVC'] },
      { search: ['Deployment'], typos: ['deploymnet'] },
    ]);
    expect(dict.stopWords).toContain('是什么');
    expect(dict.labels.partial).toBe('没有同时包含全部词语的结果，以下为部分匹配');
  });

  it('a search rules error names the file, the field and what to write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'search-rules-'));
    for (const name of ['taxonomy.yaml', 'glossary.yaml', 'junk-rules.yaml', 'actors.yaml', 'markup.yaml', 'page-model.yaml', 'terms.yaml', 'ui.yaml']) writeFileSync(join(dir, name), readFileSync(join(CONTENT_DIR, name)));
    const data = parse(readFileSync(join(CONTENT_DIR, 'search.yaml'), 'utf8')) as { synonyms: string[][]; labels: Record<string, string> };
    data.synonyms.push(['孤单']);
    data.labels.count = '找到结果';
    writeFileSync(join(dir, 'search.yaml'), stringify(data));
    expect(() => loadRules(dir)).toThrow(/search\.yaml does not match its schema:[\s\S]*synonyms\.\d+: a synonym group needs two names or more[\s\S]*labels\.count: write \{count\} where the number of results goes/);
  });
});

describe('reading a query as a learner types it', () => {
  it.each([
    ['如何实现滚动更新', '实现[实现] *滚动更新[滚动更新|RollingUpdate] −如何'],
    ['pv和pvc的区别', '*pv和pvc[PV和PVC] −的区别'],
        // Spaces inside a known name are optional: 'pv 和 pvc' is the topic term PV和PVC.
    ['pv 和 pvc 的区别', '*pv 和 pvc[PV和PVC] −的区别'],
    ['pv pvc', '*pv[持久卷|PersistentVolume|PV|持久化卷] *pvc[持久卷申领|PersistentVolumeClaim|PVC]'],
    ['探？滚', '探[探] 滚[滚]'],
    ['ingress 是什么', '*ingress[Ingress] −是什么'],
    ['ingres', '*ingres[Ingress]'],
    ['Kube Proxy', '*kube proxy[kube-proxy]'],
    ['kubeproxy', '*kubeproxy[kube-proxy]'],
    ['ＰＶＣ', '*pvc[持久卷申领|PersistentVolumeClaim|PVC]'],
    ['pvcx', 'pvcx[pvcx]'],
    ['什么是探针', '*探针[探针|Probe] −什么是'],
    ['apiserver 怎么用', '*apiserver[API 服务器|apiserver|API Server] −怎么用'],
    ['what is ingress', '*ingress[Ingress] −what,is'],
    ['是什么', '是什么[是什么]'],
    ['', ''],
  ])('%s → %s', (query, expected) => {
    expect(show(query)).toBe(expected);
  });

  it('any input: never throws, keeps what it does not drop, finds known names whole', () => {
    const alphabet = fc.constantFrom(...'pv和pvc探针是什么 -_ingres怎么kube-proxy滚动更新ＡＢ？!'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 24 }).map((a) => a.join('')), (query) => {
        const p = parseQuery(query, lex);
        const squeezed = searchKey(query);
        for (const c of p.concepts) {
          // Nothing invented: what a concept was typed as is in the query.
          expect(squeezed).toContain(searchKey(c.typed));
          expect(c.names.length).toBeGreaterThan(0);
          if (c.known) expect(dict.entries.some((e) => [...e.search, ...(e.typos ?? [])].map(searchKey).includes(searchKey(c.typed)))).toBe(true);
        }
        // Question words stay only when the query is nothing else (then they are looked up as typed).
        if (p.concepts.some((c) => dict.stopWords.includes(searchKey(c.typed)))) {
          expect(p.dropped).toEqual([]);
          expect(p.concepts.every((c) => !c.known)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.constantFrom('探针', 'kube-proxy', '滚动更新', 'PVC'), fc.constantFrom('', '是什么', '怎么用', ' 和 ingress'), (name, rest) => {
        const p = parseQuery(`${name}${rest}`, lex);
        expect(p.concepts[0]?.known).toBe(true);
        expect(searchKey(p.concepts[0]?.typed ?? '')).toBe(searchKey(name));
      }),
    );
  });
});

/** Pagefind as seen from the box, over pages written for the test: words match as Pagefind's do. */
function fakePagefind(pages: Record<string, string>): PagefindApi<{ url: string }> & { calls: string[] } {
  const calls: string[] = [];
  // Pagefind cuts Chinese into characters here, and finds a Latin word at the start of a word.
  const words = (term: string): string[] => term.toLowerCase().split(/\s+/).flatMap((w) => w.match(/\p{Script=Han}|[a-z0-9-]+/gu) ?? []);
  const has = (text: string, w: string): boolean => (/^[a-z0-9-]+$/.test(w) ? text.split(/[^a-z0-9-]+/).some((t) => t.startsWith(w)) : text.includes(w));
  return {
    calls,
    async search(term: string) {
      calls.push(term);
      const exact = /^".+"$/.test(term);
      const wanted = exact ? term.slice(1, -1).toLowerCase() : '';
      const results = Object.entries(pages)
        .filter(([, text]) => (exact ? text.toLowerCase().includes(wanted) : words(term).every((w) => has(text.toLowerCase(), w))))
        .map(([id, text]) => ({ id, score: words(term).reduce((n, w) => n + text.toLowerCase().split(w).length - 1, 0), data: async () => ({ url: `/${id}/` }) }));
      return { results };
    },
  };
}

describe('ranking pages for a parsed query', () => {
  const pages = {
    probes: '健康检查与探针。存活探针和就绪探针。',
    elsewhere: '我们先探讨调度，再针对节点说明。调度 调度 调度',
    storage: '持久卷 PV 与持久卷申领 PVC 的区别。',
    claims: '持久卷申领 PVC 的用法。',
    proxy: 'kube-proxy 使用 iptables 或 ipvs。',
  };

  it('finds a Chinese term whole: 探针 is not 探讨…针对', async () => {
    const api = fakePagefind(pages);
    const ranking = await rankPages(parseQuery('什么是探针', lex).concepts, api);
    expect(ranking.pages.map((p) => p.id)).toEqual(['probes']);
    expect(api.calls).toEqual(['探针', '"探针"', 'Probe']);
  });

  it('searches a term by its other names: PersistentVolume finds the page that says 持久卷', async () => {
    const ranking = await rankPages(parseQuery('PersistentVolume', lex).concepts, fakePagefind(pages));
    expect(ranking.pages.map((p) => p.id)).toEqual(['storage', 'claims']);
  });

  it('pages with every concept first; with none, the partial ranking says so and keeps the specific term', async () => {
    const both = await rankPages(parseQuery('pv pvc', lex).concepts, fakePagefind(pages));
    expect(both.partial).toBe(false);
    expect(both.pages[0]?.id).toBe('storage');
    const some = await rankPages(parseQuery('kube-proxy 持久卷申领', lex).concepts, fakePagefind({ proxy: pages.proxy, claims: pages.claims }));
    expect(some.partial).toBe(true);
    expect(some.pages.map((p) => p.matched.length)).toEqual([1, 1]);
    const none = await rankPages(parseQuery('zzqqxx', lex).concepts, fakePagefind(pages));
    expect(none).toEqual({ pages: [], partial: false, weights: [0] });
  });

  it('a title that is what the reader asked for, or a heading that asks it, raises a page', async () => {
    const concepts = parseQuery('apiserver', lex).concepts;
    const named = titleBonus(concepts, [1]);
    expect(named(['API Server'])).toBe(1);
    expect(named(['Pod 如何与 API Server 通信'])).toBeCloseTo(9 / 'pod如何与apiserver通信'.length);
    expect(named(['组件概览', '2.apiserver 有什么作用？'])).toBe(0.5);
    expect(named(undefined)).toBe(0);
    // Over the whole ranking: the page titled API Server outranks a longer page that says it more often.
    const api = fakePagefind({ overview: 'apiserver apiserver apiserver 组件', server: 'apiserver 入口' });
    const ranking = await rankPages(concepts, api, { overview: ['/overview/', '组件概览'], server: ['/server/', 'API Server'] });
    expect(ranking.pages.map((p) => p.id)).toEqual(['server', 'overview']);
    const plain = await rankPages(concepts, api);
    expect(plain.pages.map((p) => p.id)).toEqual(['overview', 'server']);
  });
});

describe('marking the query on a page', () => {
  it('marks every occurrence, case-insensitive, the longest name first, never in hidden definitions', () => {
    const dom = new JSDOM('<main><p>PV 和持久卷 pv。PersistentVolume 与 c++ 写法</p><div class="term-defs"><p>PV 的定义</p></div></main>');
    const g = globalThis as unknown as Record<string, unknown>;
    Object.assign(g, { document: dom.window.document, NodeFilter: dom.window.NodeFilter });
    try {
      const main = dom.window.document.querySelector('main') as Element;
      const marks = highlight(main, ['pv', 'PersistentVolume', '持久卷', 'c++']);
      expect(marks.map((m) => m.textContent)).toEqual(['PV', '持久卷', 'pv', 'PersistentVolume', 'c++']);
      expect(main.querySelector('p')?.textContent).toBe('PV 和持久卷 pv。PersistentVolume 与 c++ 写法');
      expect(main.querySelector('.term-defs mark')).toBeNull();
    } finally {
      delete g.document;
      delete g.NodeFilter;
    }
  });
});

describe('the titles file written after Pagefind', () => {
  it('names each page Pagefind indexed by its id: URL under the base path, title, h2 headings', () => {
    const dist = mkdtempSync(join(tmpdir(), 'search-titles-'));
    mkdirSync(join(dist, 'pagefind', 'fragment'), { recursive: true });
    const fragment = (url: string, title: string, headings: string[]) =>
      gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify({ url, content: '正文', word_count: 1, filters: {}, meta: { title }, anchors: [{ element: 'h1', id: '_top', text: title, location: 0 }, ...headings.map((text, i) => ({ element: i === 1 ? 'h3' : 'h2', id: `a${i}`, text, location: i + 1 }))] }))]));
    writeFileSync(join(dist, 'pagefind', 'fragment', 'zh-cn_aaa1111.pf_fragment'), fragment('/storage/pv/', '持久卷', ['什么是 PV？', '小节', '什么是 PV？']));
    writeFileSync(join(dist, 'pagefind', 'fragment', 'zh-cn_bbb2222.pf_fragment'), fragment('/networking/service/', 'Service', []));
    expect(writeSearchTitles(dist, '/k8s-handbook/').pages).toBe(2);
    expect(JSON.parse(readFileSync(join(dist, 'pagefind', 'handbook-titles.json'), 'utf8'))).toEqual({
      'zh-cn_aaa1111': ['/k8s-handbook/storage/pv/', '持久卷', '什么是 PV？'],
      'zh-cn_bbb2222': ['/k8s-handbook/networking/service/', 'Service'],
    });
  });
});

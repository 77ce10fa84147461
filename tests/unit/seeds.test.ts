import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { termFixer } from '../../src/pipeline/clean/fix-terms.ts';
import { listSources, runPipeline } from '../../src/pipeline/index.ts';
import { contentSentences, normalizeText, sourceText } from '../../src/pipeline/verify/sentences.ts';
import { messagesOf } from '../helpers/diagram-set.ts';
import { pageText, parsePage } from '../helpers/page-text.ts';
import { CONTENT_DIR, rules } from '../helpers/rules.ts';

const SOURCES = join(CONTENT_DIR, 'sources');
const inputs = listSources(SOURCES);
const result = runPipeline(inputs, rules);
const pages = result.files.filter((f) => f.path.endsWith('.mdx'));
const allPagesText = normalizeText(pages.map((p) => pageText(p.content)).join('\n'));
const fix = termFixer(rules.glossary);

describe('the bundled notes', () => {
  it('are the seed notes, byte for byte', () => {
    const seeds = new URL('../../../shared/seeds/', import.meta.url).pathname;
    let names: string[] = [];
    try {
      names = readdirSync(seeds).sort();
    } catch {
      return; // the shared folder is not beside this clone
    }
    for (const name of names) expect(readFileSync(join(SOURCES, name)).equals(readFileSync(join(seeds, name))), name).toBe(true);
  });

  it('give the four chapters', () => {
    const chapters = new Set(pages.map((p) => p.path.split('/')[0]));
    expect([...chapters].sort()).toEqual(['components', 'networking', 'security', 'storage']);
    for (const chapter of chapters) expect(pages.filter((p) => p.path.startsWith(`${chapter}/`) && !p.path.endsWith('index.mdx')).length, chapter).toBeGreaterThan(0);
  });

  it('lose no sentence of real content (≥ 98% of sentences with 8+ Chinese characters)', () => {
    let total = 0;
    let found = 0;
    const missing: string[] = [];
    for (const source of result.report.sources) {
      const raw = readFileSync(join(SOURCES, source.file), 'utf8');
      const junk = normalizeText(source.dropped.filter((d) => d.rule.startsWith('tail:') || d.rule.startsWith('html:') || d.rule.startsWith('front-matter:')).map((d) => d.text).join('\n'));
      for (const sentence of contentSentences(sourceText(raw))) {
        const key = normalizeText(fix(sentence, () => {}));
        if (junk.includes(key)) continue;
        total++;
        if (allPagesText.includes(key)) found++;
        else missing.push(`${source.file}: ${sentence}`);
      }
    }
    const share = found / total;
    console.log(`content sentences kept: ${found}/${total} = ${(share * 100).toFixed(2)}%`);
    if (missing.length) console.log(`not found:\n  ${missing.slice(0, 20).join('\n  ')}`);
    expect(share).toBeGreaterThanOrEqual(0.98);
  });

  it('keep every question heading, in its own wording, as a heading of the site', () => {
    const headings = new Set<string>();
    for (const page of pages) {
      const { title, tree } = parsePage(page.content);
      if (title) headings.add(normalizeText(title));
      visit(tree, 'heading', (node) => {
        headings.add(normalizeText(toString(node)));
      });
    }
    const questions: string[] = [];
    for (const input of inputs) {
      const raw = Buffer.from(input.bytes).toString('utf8');
      const body = raw.replace(/^---\n[\s\S]*?\n---\n/, '');
      const candidates = body.trimStart().startsWith('<')
        ? [...body.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim())
        : [...body.matchAll(/^#{1,6}\s+(.*)$/gm)].map((m) => m[1] ?? '');
      for (const c of candidates) if (/简述|什么|作用|如何|[？?]/.test(c)) questions.push(c.replace(/^(\d+\.|0x[0-9a-f]+)\s*/i, '').trim());
    }
    expect(questions.length).toBeGreaterThan(55);
    const lost = questions.filter((q) => !headings.has(normalizeText(fix(q, () => {}))));
    console.log(`question headings in the notes: ${questions.length}`);
    expect(lost).toEqual([]);
  });

  it('leave no junk in the generated files', () => {
    // The search dictionary lists misspellings on purpose: a reader who types kubele finds kubelet.
    const generated = result.files.filter((f) => f.path !== 'ingest-report.json' && f.path !== 'search.json').map((f) => f.content).join('\n');
    const junk = ['相关文章', 'K-means', 'CTF-密码学', 'Springboot', 'WebRTC', 'Lumerical', 'm.baidu.com', 'api.vvhan.com', 'bing.ee123.net', 'article-header', 'kdoc_html_views', 'htmledit_views', 'display:none', '```css', 'kube-schduler', 'kube-contorller', 'kube-controller-manage:', 'render_with_liquid', 'featuredImage', 'artid'];
    for (const s of junk) expect(generated.includes(s), s).toBe(false);
    expect(/[\uE000-\uF8FF]/u.test(generated), 'private-use icon characters').toBe(false);
    expect(/kubele(?![A-Za-z0-9-])/.test(generated), 'kubele').toBe(false);
    expect(/<(script|iframe|style|link)\b/i.test(generated), 'raw HTML').toBe(false);
  });

  it('have every diagram drawn and committed, and no SVG of a diagram that is gone', () => {
    const specs = JSON.parse(result.files.find((f) => f.path === 'diagrams.json')?.content ?? '[]') as { file: string }[];
    const wanted = specs.map((s) => s.file).sort();
    const committed = readdirSync(join(CONTENT_DIR, 'diagrams')).filter((n) => n.endsWith('.svg')).sort();
    expect(committed, 'content/diagrams/ is stale: run npm run diagrams (Chromium draws the missing SVGs) and commit').toEqual(wanted);
    for (const name of committed) expect(readFileSync(join(CONTENT_DIR, 'diagrams', name), 'utf8')).toMatch(/^<svg style="--dg-w:\d+px"[^>]*>/);
  });

  it('are committed as generated: content/ is not stale', () => {
    for (const file of result.files) {
      const onDisk = readFileSync(join(CONTENT_DIR, file.path), 'utf8');
      expect(onDisk, `content/${file.path} is stale: run npm run ingest and commit`).toBe(file.content);
    }
    for (const chapter of rules.taxonomy.chapters) {
      // A catch-all chapter with no pages has no folder.
      if (!existsSync(join(CONTENT_DIR, chapter.slug))) continue;
      for (const name of readdirSync(join(CONTENT_DIR, chapter.slug))) {
        const path = `${chapter.slug}/${name}`;
        const content = readFileSync(join(CONTENT_DIR, path), 'utf8');
        if (/^generated: true$/m.test(content)) expect(result.files.some((f) => f.path === path), `content/${path} is no longer generated: run npm run ingest`).toBe(true);
      }
    }
  });

  it('read like a handbook: noun titles, readable slugs, the four-component answer on the overview, learning order', () => {
    const topical = pages.filter((p) => !p.path.endsWith('/index.mdx'));
    const titles = topical.map((p) => /^title: (.*)$/m.exec(p.content)?.[1] ?? '');
    expect(titles.filter((t) => /^(简述|什么是|请|如何|说说|谈谈)|[？?]$/.test(t))).toEqual([]);
    expect(topical.map((p) => p.path).filter((p) => /-[0-9a-f]{6}(-\d+)?\.mdx$|\/section-|\/\d+\.mdx$/.test(p))).toEqual([]);
    const overview = result.report.sources.flatMap((s) => s.sections).find((s) => s.heading.startsWith('kube-apiserver, etcd, kube-controller-manager, kube-scheduler'));
    expect(overview?.page).toBe('components/components-overview');
    const kubelet = result.report.sources.flatMap((s) => s.sections).find((s) => /^kubelet, kube-proxy/.test(s.heading));
    expect(kubelet?.page).toBe('components/kubelet');
    // Every topic page's description is a sentence, not a lead-in ending in a colon.
    expect(topical.map((p) => /^description: (.*)$/m.exec(p.content)?.[1] ?? '').filter((d) => !d || /[:：]$/.test(d))).toEqual([]);
    const sidebar = JSON.parse(result.files.find((f) => f.path === 'sidebar.json')?.content ?? '[]') as { items: { label: string; items?: { slug: string }[] }[] }[];
    const controlPlane = sidebar[0]?.items.find((g) => g.label === '控制平面')?.items?.map((i) => i.slug) ?? [];
    expect(controlPlane.slice(0, 2)).toEqual(['components/kubernetes-overview', 'components/components-overview']);
  });

  it('gather a topic from every note that treats it: etcd from four notes or more', () => {
    const etcd = result.files.find((f) => f.path === 'components/etcd.mdx')?.content ?? '';
    const own = [...etcd.matchAll(/^  - file: (.*)$/gm)].map((m) => m[1]);
    const related = [...etcd.matchAll(/^    source: (.*)$/gm)].map((m) => m[1]);
    expect(new Set([...own, ...related]).size).toBeGreaterThanOrEqual(4);
    expect(etcd).toMatch(/related:\n  - page: components\/[a-z0-9-]+\n    anchor: /);
  });

  it('yield the workflow diagrams the notes describe, each message as its step states it, and none for feature lists', () => {
    const made = result.report.diagrams.filter((d) => d.made);
    const specs = JSON.parse(result.files.find((f) => f.path === 'diagrams.json')?.content ?? '[]') as { caption: string; code: string; source: string }[];
    const drawn = specs
      .map((s) => ({
        note: s.source.slice(0, 3),
        caption: s.caption,
        kind: s.code.startsWith('sequenceDiagram') ? 'sequence' : 'flowchart',
        messages: messagesOf(s.code).map(([from, to, step]) => `${from}>${to}@${step}`),
      }))
      .sort((a, b) => (`${a.note}${a.caption}` < `${b.note}${b.caption}` ? -1 : 1));
    // Checked by hand against each step of the notes: a message only where the step names its sender and receiver.
    expect(drawn).toEqual([
      { note: '000', caption: '实施资源管理的步骤', kind: 'flowchart', messages: [] },
      { note: '000', caption: '组件之间的协作关系', kind: 'sequence', messages: ['kubectl>apiserver@1', 'apiserver>etcd@2', 'etcd>scheduler@3', 'etcd>controller@4', 'apiserver>kubelet@5'] },
      { note: '002', caption: 'Deployment升级过程', kind: 'flowchart', messages: [] },
      { note: '002', caption: 'Kubernetes Worker节点加入集群的过程', kind: 'flowchart', messages: [] },
      { note: '002', caption: 'Kubernetes 进行优雅节点关机维护的步骤', kind: 'flowchart', messages: [] },
      { note: '002', caption: 'Kubernetes创建一个Pod的主要流程', kind: 'flowchart', messages: [] },
      { note: '002', caption: '水平自动扩展的工作原理', kind: 'flowchart', messages: [] },
      { note: '003', caption: 'Controller manager', kind: 'flowchart', messages: [] },
      { note: '003', caption: 'Scheduler', kind: 'flowchart', messages: [] },
      {
        note: '004',
        caption: '创建pod',
        kind: 'sequence',
        messages: ['kubectl>apiserver@1', 'apiserver>etcd@2', 'etcd>apiserver@3', 'apiserver>scheduler@4', 'scheduler>apiserver@5', 'apiserver>etcd@6', 'etcd>apiserver@7', 'apiserver>kubelet@8', 'kubelet>runtime@9', 'kubelet>apiserver@10'],
      },
      {
        note: '004',
        caption: '创建replicaset',
        kind: 'sequence',
        messages: ['kubectl>apiserver@1', 'apiserver>etcd@2', 'etcd>apiserver@3', 'apiserver>controller@4', 'controller>apiserver@5', 'apiserver>etcd@6', 'etcd>apiserver@7', 'apiserver>scheduler@8', 'scheduler>apiserver@9', 'apiserver>etcd@10', 'apiserver>kubelet@11', 'kubelet>runtime@12', 'kubelet>apiserver@13'],
      },
    ]);
    // Sub-headed phases (kubelet and kube-proxy) and feature lists get none.
    for (const none of [/kubelet, kube-proxy/, /ETCD及其特点/, /DaemonSet类型的资源特性/, /RBAC及其特点/, /Service类型/, /集群相关组件/]) {
      expect(made.filter((d) => none.test(d.section)), `no diagram for ${none}`).toEqual([]);
    }
    // No label is cut, and every caption names a process rather than copying a sentence.
    for (const spec of specs) {
      expect(spec.code).not.toContain('…');
      expect(spec.caption).not.toMatch(/[：:。]$|如下|以下是/);
    }
    const refused = result.report.diagrams.filter((d) => !d.made);
    expect(refused.length).toBeGreaterThan(10);
    for (const d of refused) expect(d.reason.length).toBeGreaterThan(10);
  });

  it('give byte-identical output whatever order the files are listed in', () => {
    const reversed = runPipeline([...inputs].reverse(), rules);
    expect(reversed.files).toEqual(result.files);
  });
});

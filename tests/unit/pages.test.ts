import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topicOf } from '../../src/pipeline/classify/topic.ts';
import { listSources, runPipeline, type SourceInput } from '../../src/pipeline/index.ts';
import { plainTitle, shortTitle } from '../../src/pipeline/merge/short-title.ts';
import { titleSlug } from '../../src/pipeline/merge/slug.ts';
import { noteShape } from '../../src/pipeline/segment/note-shape.ts';
import { chapterAccuracy } from '../../bench/accuracy.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { CONTENT_DIR, rules } from '../helpers/rules.ts';
import { loadRules } from '../../src/pipeline/rules/index.ts';
import { headingReader } from '../../src/pipeline/segment/heading-text.ts';

const topic = (text: string) => topicOf(text, rules.taxonomy) ?? null;

describe('topics are matched as whole terms', () => {
  it('keeps apart what the old matching merged', () => {
    // Service Account is a topic of its own, never Service.
    expect(topic('Service Account')).toBe('service-account');
    expect(topic('使用多个 Service Account')).toBe('service-account');
    expect(topic('手动创建 service account 的 API token')).toBe('service-account');
    expect(topic('Linux IPC namespace 的作用')).toBeNull();
    expect(topic('网络命名空间')).toBeNull();
    expect(topic('修改为ipvs调度方式')).toBe('kube-proxy');
    expect(topic('简述Kubernetes Metric Service')).toBeNull();
  });

  it('finds the topic a heading names', () => {
    expect(topic('Headless Service 的用途')).toBe('service');
    expect(topic('Service')).toBe('service');
    expect(topic('什么是 K8s 的 namespace')).toBe('namespace');
    expect(topic('Network-Policy')).toBe('network-policy');
    expect(topic('kubeproxy 的工作模式')).toBe('kube-proxy');
    // The topic named first; a heading naming three topics or more is an overview.
    expect(topic('kubelet, kube-proxy 作用')).toBe('kubelet');
    expect(topic('kube-apiserver, etcd, kube-controller-manager, kube-scheduler 的作用')).toBe('components-overview');
    // Three workloads compared are no overview of the components: the first named wins.
    expect(topic('Deployment、StatefulSet、DaemonSet 的区别')).toBe('deployment');
    expect(topic('PersistentVolumeClaim')).toBe('persistent-volumes');
    expect(topic('Kubernetes HPA 原理详解')).toBe('hpa');
    expect(topic('如何运行定时任务？')).toBe('job');
    expect(topic('Jenkins Job 的配置')).toBeNull();
    expect(topic('Volume基础应用')).toBe('volume');
    expect(topic('k8s 概述和特性')).toBe('kubernetes-overview');
  });
});

describe("a note's shape decides its parts", () => {
  const shape = (title: string, headings: string[]) => noteShape(title, headings, rules.pageModel, rules.taxonomy).kind;
  it('splits collections and keeps articles whole', () => {
    expect(shape('Kubernetes 面试题', ['基础', '网络'])).toBe('collection');
    expect(shape('笔记', ['什么是 Pod？', '简述 Service 的作用', '如何备份 etcd？', '总结'])).toBe('collection');
    expect(shape('控制平面笔记', ['etcd 的作用', 'kube-proxy 的工作模式'])).toBe('collection');
    expect(shape('2023.10.23', ['上午', '下午'])).toBe('collection');
    expect(shape('Deployment', ['概述', '滚动更新', '回滚', 'etcd 中的存储'])).toBe('article');
    expect(shape('Pod', ['什么是 Pod？', '生命周期', '探针', '总结'])).toBe('article');
    expect(shape('准入控制', ['Initializers', 'GenericAdmissionWebhook'])).toBe('article');
    // Headings that keep naming the same few topics: one subject (troubleshooting), not a collection.
    expect(shape('网络排错', ['Flannel Pod 一直重启', 'Pod 无法分配 IP', 'Pod 无法解析 DNS', 'DNS 解析缓慢', 'Service 无法访问', 'Pod 无法通过 Service 访问自己', '内核导致的问题'])).toBe('article');
    expect(shape('工作负载', ['Deployment', 'StatefulSet', 'Job', '总结'])).toBe('collection');
  });

  it('gives short titles and readable slugs', () => {
    const short = (heading: string) => shortTitle(heading, rules.pageModel);
    expect(short('简述Kubernetes自动扩容机制')).toBe('自动扩容机制');
    expect(short('如何排查Kubernetes中的网络连接问题？')).toBe('排查Kubernetes中的网络连接问题');
    expect(short('etcd 是什么？')).toBe('etcd');
    expect(short('HPA 是如何工作的？')).toBe('HPA');
    expect(short('kube-proxy 的工作原理')).toBe('kube-proxy');
    expect(short('什么是')).toBe('什么是');
    // A last clause that asks for more is no part of the name; a word before a particle stays.
    expect(short('Pod 一定会被调度到有污点的节点上，请解释对错。')).toBe('Pod 一定会被调度到有污点的节点上');
    expect(short('Init 容器有什么用途，请说明它的执行顺序')).toBe('Init 容器');
    expect(short('举例说明查看 Pod 日志的命令？')).toBe('查看 Pod 日志的命令');
    expect(short('描述 Kubernetes 删除 Pod 的过程')).toBe('删除 Pod 的过程');
    expect(short('K8s 中的 Service 是什么？')).toBe('K8s 中的 Service');
    expect(short('kubeadm join 命令的解释')).toBe('kubeadm join 命令');
    expect(short('Service，Ingress 和 Gateway 有什么区别')).toBe('Service，Ingress 和 Gateway');
    // A note's title loses the word for what kind of writing it is, never its subject.
    const plain = (heading: string) => plainTitle(heading, rules.pageModel);
    expect(plain('StatefulSet 学习笔记')).toBe('StatefulSet');
    expect(plain('Helm 详解：')).toBe('Helm');
    expect(plain('Kubernetes 中的 DNS 解析')).toBe('Kubernetes 中的 DNS 解析');
    expect(plain('笔记')).toBe('笔记');
    expect(plain('调度器的笔记')).toBe('调度器的笔记');
    expect(plain('K8s 在 1.2 之后就不再支持 docker。')).toBe('K8s 在 1.2 之后就不再支持 docker');
    expect(plain('深入理解 Kubernetes 中的 Pod')).toBe('Kubernetes 中的 Pod');
    expect(plain('一文读懂 Service 网络详解')).toBe('Service 网络');
    expect(plain('图解')).toBe('图解');
    expect(plain('【云原生】K8s 学习笔记（三）：Service 详解')).toBe('Service');
    // The emoji a blog decorates a title with are no part of the name a sidebar shows.
    expect(plain('✨ Kubernetes 网络策略实战 🚀')).toBe('Kubernetes 网络策略实战');
    expect(short('📌 什么是 Pod？')).toBe('Pod');
    expect(plain('Kubernetes 系列第 5 篇：存储卷')).toBe('存储卷');
    expect(plain('【云原生 • Kubernetes】kubernetes 核心技术 - 集群安全机制')).toBe('集群安全机制');
    expect(plain('Pod 的生命周期 - 从创建到删除')).toBe('Pod 的生命周期 - 从创建到删除');
    expect(plain('[K8s] Ingress 入门')).toBe('Ingress');
    expect(plain('Kubernetes 中的 DNS 解析：CoreDNS 工作原理')).toBe('Kubernetes 中的 DNS 解析：CoreDNS 工作原理');
    expect(plain('【转载】')).toBe('【转载】');
    expect(plain('K8s 学习笔记（三）：概述')).toBe('K8s 学习笔记（三）：概述');
    expect(plain('【网络】总结')).toBe('【网络】总结');
    expect(titleSlug('准入控制')).toBe('zhun-ru-kong-zhi');
    expect(titleSlug('Init 容器')).toBe('init-rong-qi');
    expect(titleSlug('Ingress Controller 和 Gateway API 控制器')).toBe('ingress-controller-he-gateway-api-kong-zhi-qi');
    expect(titleSlug('  ')).toBe('page');
  });
});

describe('a short title the author gave', () => {
  it('names the page (Hugo linktitle, Docusaurus sidebar_label), unless it is a generic word', () => {
    const note = (name: string, text: string): SourceInput => ({ name, bytes: Buffer.from(text) });
    const body = '\nKubernetes 通过证书、令牌和身份认证插件识别请求的发出者，再交给授权模块判断它能做什么。\n';
    const { report } = runPipeline([
      note('auth.md', `---\ntitle: Kubernetes 中的用户与身份认证授权\nlinktitle: 用户与身份认证\n---\n${body}`),
      note('audit.md', `---\ntitle: 审计日志的配置与存储\nsidebar_label: 概述\n---\n${body.replace('证书、令牌和身份认证插件识别', '审计策略记录')}`),
    ], rules);
    expect(report.pages.map((p) => [p.title, p.path.split('/')[1]]).sort()).toEqual([['审计日志的配置与存储', 'shen-ji-ri-zhi-de-pei-zhi-yu-cun-chu'], ['用户与身份认证', 'yong-hu-yu-shen-fen-ren-zheng']]);
    expect(report.sources.flatMap((s) => s.dropped.map((d) => d.rule))).toEqual([]);
  });
});

describe('a note with no title of its own', () => {
  it('is named by its file without the number, date or export id around its subject, or by its folder when it is the folder\'s own page', () => {
    const note = (name: string): SourceInput => ({ name, bytes: Buffer.from('## 第一部分\n\n这一部分讲的是一个与任何主题都无关的话题，写得足够长。\n\n## 第二部分\n\n这一部分讲的是另一个与任何主题都无关的话题，也写得足够长。\n') });
    const { report } = runPipeline([note('2023-05-01-随手记.md'), note('整理 3f2a9c1e8b7d4e6fa1b2c3d4e5f60718.md'), note('杂项/README.md'), note('07-草稿.md')], rules);
    expect(report.sources.map((s) => s.sections[0]?.heading)).toEqual(['草稿', '随手记', '整理', '杂项']);
  });
});

describe('a title of punctuation alone', () => {
  it('names nothing: the page is titled by the note\'s first clause, the author\'s heading kept', () => {
    const { report, files } = runPipeline([{ name: 'untitled.md', bytes: Buffer.from('# ？？？\n\n这是一段随手记下的话，写下来以后再也没有整理过。\n') }], rules);
    expect(report.pages.map((p) => [p.title, p.path])).toEqual([['这是一段随手记下的话', 'ecosystem/zhe-shi-yi-duan-sui-shou-ji-xia-de-hua']]);
    expect(files.find((f) => f.path === 'ecosystem/zhe-shi-yi-duan-sui-shou-ji-xia-de-hua.mdx')?.content).toContain('\n## ？？？\n');
  });
});

describe('a part that names too few of any chapter\'s terms', () => {
  it('goes where its note goes, and to the catch-all only when the whole note fits no chapter', () => {
    const note = (name: string, text: string): SourceInput => ({ name, bytes: Buffer.from(text) });
    const { report } = runPipeline([
      note('jobs.md', '# Job 面试题\n\n## Job 失败后会怎样？\n\nPod 失败时 Job 按 backoffLimit 重试 Pod，超过次数后 Job 被标记为失败。\n\n## Job 怎么并行执行？\n\n用 completions 和 parallelism 控制 Pod 的数量，Job 会保持指定数量的 Pod 同时运行。\n\n## 并发策略有哪些？\n\nAllow 允许同时运行，Forbid 跳过这一次，Replace 用新的一次替换还在运行的那一次。\n'),
      note('go.md', '# Go 语言的 channel\n\nchannel 是 goroutine 之间通信的管道，无缓冲的 channel 发送和接收会同时阻塞，直到双方都准备好。\n'),
    ], rules);
    const chapters = new Map(report.sources.flatMap((s) => s.sections.map((x) => [`${s.file} § ${x.heading}`, x.chapter])));
    expect(chapters.get('jobs.md § 并发策略有哪些？')).toBe('components');
    expect(chapters.get('go.md § Go 语言的 channel')).toBe('ecosystem');
  });
});

describe('a note with nothing to read makes no page', () => {
  it('a GitBook SUMMARY.md (headings and a table of contents of other notes) is reported, not shown', () => {
    const note = (name: string, text: string): SourceInput => ({ name, bytes: Buffer.from(text) });
    const summary = note('SUMMARY.md', '# Summary\n\n* [前言](README.md)\n* [Pod](concepts/pod.md)\n    * [Init 容器](concepts/init.md)\n\n## 网络\n\n* [Service](network/service.md)\n');
    const pod = note('pod.md', '# Pod 的阶段\n\nPod 从创建到结束会经历 Pending、Running、Succeeded、Failed 几个阶段，每个阶段的含义都不同。\n');
    const { report, files } = runPipeline([summary, pod], rules);
    expect(report.pages.map((p) => p.sources)).toEqual([['pod.md']]);
    const source = report.sources.find((s) => s.file === 'SUMMARY.md');
    expect(source?.sections).toEqual([]);
    expect(source?.warnings).toEqual(['nothing but headings is left once cleaned (see what was dropped): the note makes no page [no-content]']);
    expect(files.some((f) => f.content.includes('source: SUMMARY.md'))).toBe(false);
  });
});

describe('notes on the same Kubernetes object share its page', () => {
  const note = (name: string, text: string): SourceInput => ({ name, bytes: new TextEncoder().encode(text) });
  it('three notes on HPA, written three ways, make one page with three sections', () => {
    const { report } = runPipeline(
      [
        note('hpa-principle.md', '# Kubernetes HPA 原理详解\n\nHPA 根据 CPU 使用率或自定义指标调整 Deployment 的副本数，控制器定期查询 metrics-server 计算期望副本数。\n\n## 计算公式\n\n期望副本数等于当前副本数乘以当前指标值与目标指标值之比，向上取整。\n'),
        note('autoscaling.md', '---\ntitle: HPA 水平自动扩缩容实践\n---\n\n生产环境中用 HPA 应对流量高峰，先安装 metrics-server，再用 kubectl autoscale 创建 HPA 对象。\n\n## 冷却\n\n缩容默认有五分钟的稳定窗口，防止副本数频繁变化。\n'),
        note('interview.md', '# 面试题\n\n## 什么是 HPA？\n\nHPA 是 Pod 水平自动扩缩容，根据监控指标自动调整工作负载的副本数量。\n\n## StatefulSet 和 Deployment 有什么区别？\n\nStatefulSet 的 Pod 有固定序号和各自的存储，Deployment 的 Pod 可以任意替换。\n\n## 如何运行定时任务？\n\n使用 CronJob，它按照 schedule 字段周期性地创建 Job 对象。\n'),
      ],
      rules,
    );
    const hpa = report.pages.filter((p) => p.path === 'components/hpa');
    expect(hpa.map((p) => p.title)).toEqual(['自动扩缩容（HPA）']);
    const landing = report.sources.flatMap((s) => s.sections.map((x) => `${x.heading} → ${x.page}`));
    expect(landing.sort()).toEqual(['HPA 水平自动扩缩容实践 → components/hpa', 'Kubernetes HPA 原理详解 → components/hpa', 'StatefulSet 和 Deployment 有什么区别？ → components/statefulset', '如何运行定时任务？ → components/job', '什么是 HPA？ → components/hpa'].sort());
  });
});

describe('links between notes', () => {
  it('lead to the page each linked note became, and to a heading that is there', async () => {
    const { default: GithubSlugger } = await import('github-slugger');
    const { files, report } = runPipeline(listSources(join(FIXTURES, 'pipeline/note-links/sources')), rules);
    const pages = new Map(files.filter((f) => f.path.endsWith('.mdx')).map((f) => [f.path.replace(/\.mdx$/, ''), f.content]));
    // The anchors of a page as the site makes them: github-slugger over its headings in order.
    const anchors = (content: string) => {
      const slugger = new GithubSlugger();
      return new Set([...content.matchAll(/^#{2,6} (.*)$/gm)].map((m) => slugger.slug(m[1]!.replace(/<[^>]+>/g, ''))));
    };
    const links: string[] = [];
    for (const [path, content] of pages) {
      for (const [, href] of content.matchAll(/\]\(((?:\.\.\/\.\.\/|\.\/)[^)]*)\)/g)) {
        const url = new URL(href!, `http://site.test/${path}/`);
        const target = url.pathname.replace(/^\/|\/$/g, '');
        expect(pages.has(target), `${path}: ${href}`).toBe(true);
        if (url.hash) expect(anchors(pages.get(target)!), `${path}: ${href}`).toContain(decodeURIComponent(url.hash.slice(1)));
        links.push(`${path} → ${target}${decodeURIComponent(url.hash)}`);
      }
    }
    expect(links.sort()).toEqual([
      'components/deployment → components/pod#pod',
      'components/pod → components/deployment',
      'components/pod → components/deployment#滚动更新',
      'components/pod → networking/service#service',
      'networking/service → components/pod#pod',
      'networking/service → components/pod#什么是-pod',
      'networking/service → networking/service#service-有哪些类型',
    ]);
    // A link to a note that is not in the folder is its text, reported.
    expect(report.sources.find((s) => s.file === 'concepts/pod.md')?.dropped.map((d) => d.rule)).toContain('link:not-a-web-address');
  });
});

describe('npm run verify compares words', () => {
  it('not the icon a callout lost, nor its variation selector', async () => {
    const { normalizeText } = await import('../../src/pipeline/verify/sentences.ts');
    expect(normalizeText('⚠️ requiredDuringScheduling 的规则不满足时')).toBe(normalizeText('requiredDuringScheduling 的规则不满足时'));
    expect(normalizeText('1️⃣ 什么是 Pod')).toBe(normalizeText('1 什么是 Pod'));
  });
});

describe('page URLs never move when other notes come and go', () => {
  const base = listSources(join(FIXTURES, 'stability/sources'));
  const extra: SourceInput = { name: 'scheduler.md', bytes: readFileSync(join(FIXTURES, 'stability/extra.md')) };
  /** Where every part of every note lands: note § heading → page path. */
  const landing = (inputs: SourceInput[]) => {
    const { report } = runPipeline(inputs, rules);
    return new Map(report.sources.flatMap((s) => s.sections.map((x) => [`${s.file} § ${x.heading}`, x.page] as const)));
  };

  it('adding a note or removing one changes no other page', () => {
    const before = landing(base);
    expect(before.size).toBeGreaterThan(4);
    for (const [part, page] of landing([...base, extra])) if (before.has(part)) expect(page, part).toBe(before.get(part));
    const removed = landing(base.slice(1));
    for (const [part, page] of removed) expect(page, part).toBe(before.get(part));
  });

  it('puts each part where a reader looks for it', () => {
    const pages = landing([...base, extra]);
    expect(pages.get('interview.md § 什么是 Service Account？')).toBe('security/service-account');
    expect(pages.get('interview.md § kubelet, kube-proxy 的作用')).toBe('components/kubelet');
    expect(pages.get('interview.md § 修改为ipvs调度方式')).toBe('networking/kube-proxy');
    expect(pages.get('interview.md § 简述Kubernetes自动扩容机制')).toBe('components/hpa');
    expect(pages.get('etcd-notes.md § etcd 笔记')).toBe('components/etcd');
    expect(pages.get('storage.md § 准入控制')).toBe('security/cluster-security');
    expect(pages.get('scheduler.md § 调度器')).toBe('components/pod-scheduling');
    expect([...pages.values()].every((p) => /^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/.test(p) && !/-[0-9a-f]{6}$|\/\d+$/.test(p))).toBe(true);
  });
});

const CORPUS = new URL('../../../shared/corpus/', import.meta.url).pathname;

describe.runIf(existsSync(join(CORPUS, 'notes')))('the shared corpus of real notes makes a handbook', () => {
  const { files, report } = runPipeline(listSources(join(CORPUS, 'notes')), rules);
  const pages = files.filter((f) => /^[a-z-]+\/.+\.mdx$/.test(f.path) && !f.path.endsWith('/index.mdx'));
  const titleOf = (content: string) => /^title: (.*)$/m.exec(content)?.[1]?.replace(/^"|"$/g, '') ?? '';

  it('one page per topic: at most 1.5 pages a note, readable slugs, no generic, duplicate or empty page', () => {
    console.log(`shared corpus: ${report.summary.sources} notes → ${pages.length} pages`);
    expect(pages.length / report.summary.sources).toBeLessThanOrEqual(1.5);
    expect(pages.filter((p) => /-[0-9a-f]{6}(-\d+)?\.mdx$|\/section-|\/\d+\.mdx$/.test(p.path)).map((p) => p.path)).toEqual([]);
    const generic = new Set(rules.pageModel['generic-headings'].map((g) => g.toLowerCase()));
    const titles = pages.map((p) => titleOf(p.content));
    expect(titles.filter((t) => generic.has(t.toLowerCase()))).toEqual([]);
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
    const slight = pages.filter((p) => p.content.slice(p.content.indexOf('\n---\n') + 5).replace(/\s+/g, '').length < 80).map((p) => p.path);
    expect(slight).toEqual([]);
  });

  it('puts at least 95% of the scored notes in a chapter a reader accepts (truth.tsv)', () => {
    const { right, scored } = chapterAccuracy(report, readFileSync(join(CORPUS, 'truth.tsv'), 'utf8'), rules.taxonomy.chapters.find((c) => c.optional)?.slug);
    console.log(`note-level chapter accuracy: ${right.length} of ${scored}`);
    expect(right.length / scored).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the language rules are data', () => {
  it('question words and heading numbering come from page-model.yaml', () => {
    const reader = headingReader(rules.pageModel);
    expect(reader.isQuestion('简述 Pod 的生命周期')).toBe(true);
    expect(reader.text('6.1.1 Master processes')).toBe('Master processes');
    // Keycap emoji number a heading as digits do: nothing of them is left in its text.
    expect(reader.text('1️⃣ 什么是 Pod？')).toBe('什么是 Pod？');
    expect(reader.text('🔟 Ingress')).toBe('Ingress');
    // A course's chapters and lessons are numbering too; a word that starts like them is not.
    expect(reader.text('第二章 Service 与网络')).toBe('Service 与网络');
    expect(reader.text('第 3 节：存储卷')).toBe('存储卷');
    expect(reader.text('第一部分 基础概念')).toBe('基础概念');
    expect(reader.text('Chapter 3: Storage')).toBe('Storage');
    expect(reader.text('Lesson 2.1 - Pods')).toBe('Pods');
    expect(reader.text('第二节点的配置')).toBe('第二节点的配置');
    expect(reader.text('第三方插件')).toBe('第三方插件');
    const other = headingReader({ ...rules.pageModel, 'question-starts': ['试述'], 'question-ends': [], 'heading-numbering': [] });
    expect(other.isQuestion('简述 Pod 的生命周期')).toBe(false);
    expect(other.isQuestion('试述 Pod 的生命周期')).toBe(true);
    expect(other.text('6.1.1 Master processes')).toBe('6.1.1 Master processes');
  });

  it('a broken rules file names the file, the field and what is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handbook-rules-'));
    for (const name of readdirSync(CONTENT_DIR).filter((n) => n.endsWith('.yaml'))) copyFileSync(join(CONTENT_DIR, name), join(dir, name));
    writeFileSync(join(dir, 'page-model.yaml'), `${readFileSync(join(dir, 'page-model.yaml'), 'utf8')}\nmin-questions: three\n`.replace(/^min-questions: 3\n/m, ''));
    expect(() => loadRules(dir)).toThrow(/page-model\.yaml[\s\S]*min-questions: .*number/);
    writeFileSync(join(dir, 'page-model.yaml'), readFileSync(join(CONTENT_DIR, 'page-model.yaml'), 'utf8').replace(/^heading-numbering: .*$/m, "heading-numbering: ['[unclosed']"));
    expect(() => loadRules(dir)).toThrow(/heading-numbering\.0: not a valid regular expression/);
  });
});

describe('the words the pipeline writes into pages come from the rules files', () => {
  it('the chapter overview label (taxonomy.yaml) and the version note title (version-notes.yaml)', () => {
    const note = { name: 'psp.md', bytes: Buffer.from('# PodSecurityPolicy\n\nPodSecurityPolicy 用来限制 Pod 的特权设置，例如禁止以 root 运行容器和挂载主机目录。\n') };
    const written = (r: typeof rules) => runPipeline([note], r).files;
    const changed = written({ ...rules, taxonomy: { ...rules.taxonomy, 'overview-label': '本章总览' }, versionNotes: { ...rules.versionNotes, title: '{label}（核对版本 {version}）' } });
    const sidebar = JSON.parse(changed.find((f) => f.path === 'sidebar.json')?.content ?? '[]') as { items: { label: string }[] }[];
    expect(sidebar.map((c) => c.items[0]?.label)).toEqual(sidebar.map(() => '本章总览'));
    expect(changed.find((f) => f.path === 'security/index.mdx')?.content).toContain('label: 本章总览');
    const page = changed.find((f) => f.content.includes('PodSecurityPolicy 用来限制'))?.content ?? '';
    expect(page).toContain(`:::caution[版本提示（核对版本 ${rules.versionNotes['checked-against']}）]`);
    // The files as shipped write what the bundled handbook shows.
    expect(written(rules).find((f) => f.content.includes('PodSecurityPolicy 用来限制'))?.content).toContain(`版本提示（对照 Kubernetes ${rules.versionNotes['checked-against']}）`);
  });
});

describe('the site’s own words are data (content/ui.yaml)', () => {
  it('the pipeline hands them to the site as content/ui.json, unchanged', () => {
    const file = runPipeline([], rules).files.find((f) => f.path === 'ui.json');
    expect(JSON.parse(file?.content ?? '{}')).toEqual(rules.ui);
    expect(rules.ui.practice.reveal).toBe('显示答案');
  });

  it('a broken string names the file, the field and what is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ui-rules-'));
    for (const name of readdirSync(CONTENT_DIR).filter((n) => n.endsWith('.yaml'))) copyFileSync(join(CONTENT_DIR, name), join(dir, name));
    writeFileSync(join(dir, 'ui.yaml'), readFileSync(join(CONTENT_DIR, 'ui.yaml'), 'utf8').replace('card: \'{title}（{count} 个主题）\'', 'card: 主题').replace(/^ {2}reveal: .*$/m, ''));
    expect(() => loadRules(dir)).toThrow(/ui\.yaml does not match its schema:[\s\S]*chapters\.card[\s\S]*practice\.reveal/);
  });
});

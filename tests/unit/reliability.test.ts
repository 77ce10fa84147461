import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Root as HastRoot } from 'hast';
import type { RootContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { mdxError } from '../../src/pipeline/emit/compile-mdx.ts';
import { ensureCompiles } from '../../src/pipeline/emit/ensure-compiles.ts';
import { writeOutput } from '../../src/pipeline/emit/write.ts';
import { listNotes, listSources, runPipeline } from '../../src/pipeline/index.ts';
import { plainTextToMdast } from '../../src/pipeline/read/plain-text.ts';
import type { NoteFile } from '../../src/pipeline/types.ts';
import { contentSentences, sourceText } from '../../src/pipeline/verify/sentences.ts';
import { structureProblems } from '../../src/pipeline/verify/structure.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { rules } from '../helpers/rules.ts';

const SEEDS = new URL('../../content/sources/', import.meta.url).pathname;

function files(dir: string): Record<string, string> {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return Object.fromEntries(walk(dir).map((f) => [relative(dir, f), readFileSync(f, 'utf8')]));
}

describe('every page compiles as MDX before it is written', () => {
  it('compiles every page the fixtures and the bundled notes give', () => {
    const sets = [SEEDS, ...readdirSync(join(FIXTURES, 'pipeline')).map((c) => join(FIXTURES, 'pipeline', c, 'sources'))];
    let pages = 0;
    for (const dir of sets) {
      for (const file of runPipeline(listSources(dir), rules).files.filter((f) => f.path.endsWith('.mdx'))) {
        pages++;
        expect(mdxError(file.content.slice(file.content.indexOf('\n---\n') + 5)), file.path).toBeUndefined();
      }
    }
    expect(pages).toBeGreaterThan(40);
  });

  it('a block that would not compile is shown as its text, with a warning naming its line', () => {
    const file = new VFile({ path: 'note.md' }) as NoteFile;
    const bad = { type: 'mdxFlowExpression', value: 'process.exit(', position: { start: { line: 7, column: 1 }, end: { line: 7, column: 14 } } } as unknown as RootContent;
    const good: RootContent = { type: 'paragraph', children: [{ type: 'text', value: '这一段没有问题。' }] };
    expect(mdxError('{process.exit(}\n')).toBeDefined();
    const out = ensureCompiles([good, bad], file);
    expect(out[0]).toBe(good);
    expect(out.slice(1)).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'process.exit(' }], position: bad.position }]);
    expect(file.messages.map((m) => [m.line, m.ruleId])).toEqual([[7, 'mdx-compile']]);
  });
});

describe('the same notes give the same files in any locale', () => {
  const ingest = (locale: string) => {
    const out = mkdtempSync(join(tmpdir(), `handbook-${locale.replace(/\W/g, '')}-`));
    const run = spawnSync('node_modules/.bin/tsx', ['src/pipeline/cli.ts', 'ingest', '--quiet', '--sources', join(FIXTURES, 'pipeline/merge-topics/sources'), '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: locale, LANG: locale },
    });
    expect(run.status, run.stderr).toBe(0);
    return files(out);
  };

  it('the locale changes how a bare localeCompare orders Chinese (the hazard is real here)', () => {
    const order = (locale: string) =>
      spawnSync('node_modules/.bin/tsx', ['-e', "console.log(['中文', '安全'].sort((a, b) => a.localeCompare(b)).join())"], { encoding: 'utf8', env: { ...process.env, LC_ALL: locale, LANG: locale } }).stdout.trim();
    expect(order('C')).not.toBe(order('zh_CN.UTF-8'));
  });

  it('LC_ALL=C and LC_ALL=zh_CN.UTF-8 write byte-identical chapters and report', () => {
    const c = ingest('C');
    expect(Object.keys(c).length).toBeGreaterThan(5);
    expect(ingest('zh_CN.UTF-8')).toEqual(c);
  });
});

describe('generated pages are recognised whatever their size', () => {
  it('a generated page with 8 KB of front matter is rewritten, and removed when its note is gone', () => {
    const out = mkdtempSync(join(tmpdir(), 'handbook-frozen-'));
    mkdirSync(join(out, 'components'));
    const long = Array.from({ length: 200 }, (_, i) => `  - file: note-${i}.md`).join('\n');
    const page = `---\ntitle: 旧页面\nsources:\n${long}\ngenerated: true\n---\n\n旧内容。\n`;
    expect(page.indexOf('generated: true')).toBeGreaterThan(4096);
    writeFileSync(join(out, 'components/old.mdx'), page);
    writeFileSync(join(out, 'components/kept.mdx'), `---\ntitle: 新内容\nsources:\n${long}\ngenerated: true\n---\n\n旧内容。\n`);
    writeFileSync(join(out, 'components/mine.mdx'), '---\ntitle: 手写\n---\n\n手写的页面。\n');
    const result = writeOutput(out, [{ path: 'components/kept.mdx', content: '---\ngenerated: true\n---\n\n新内容。\n' }], ['components']);
    expect(result.removed).toEqual(['components/old.mdx']);
    expect(result.written).toEqual(['components/kept.mdx']);
    expect(existsSync(join(out, 'components/old.mdx'))).toBe(false);
    expect(readFileSync(join(out, 'components/mine.mdx'), 'utf8')).toContain('手写的页面');
  });
});

describe('npm run verify: structure of built pages', () => {
  const page = (body: string) => unified().use(rehypeParse).parse(`<html><body><main data-pagefind-body>${body}</main></body></html>`) as HastRoot;
  const rules = (body: string) => structureProblems(page(body)).map((p) => p.rule);

  it('names markup shown as text, zero-width characters and empty pages', () => {
    expect(rules('<p>## 标题</p>')).toEqual(['heading']);
    expect(rules('<p>```bash</p>')).toEqual(['fence']);
    expect(rules('<p>{{&lt; callout note &gt;}}</p>')).toEqual(['shortcode']);
    expect(rules('<p>{% hint style="info" %}</p>')).toEqual(['template-tag']);
    expect(rules('<p>::: tip</p>')).toEqual(['directive']);
    expect(rules('<p>&lt;Diagram id="d-1" /&gt;</p>')).toEqual(['jsx']);
    expect(rules('<p>&lt;TabItem value="cli" label="命令行"&gt;</p>')).toEqual(['jsx']);
    expect(rules('<p>不可变&lt;Badge text="v1.21+" type="tip"/&gt;</p>')).toEqual(['jsx']);
    expect(rules('<p>##使用场景</p>')).toEqual(['heading-no-space']);
    expect(rules('<p>另见 [[Pod 的生命周期]]。</p>')).toEqual(['wiki-link']);
    expect(rules("<p>import Tabs from '@theme/Tabs';</p>")).toEqual(['mdx-import']);
    expect(rules('<p>见[官方文档](https://kubernetes.io)</p>')).toEqual(['link']);
    expect(rules('<p>*来源：`a.md`*</p>')).toEqual(['emphasis-source']);
    expect(rules('<p><img src="a.png" alt="架构">\n{width=1920 height=882}</p>')).toEqual(['attribute-list']);
    expect(rules('<h2>安装 {#install}</h2>')).toEqual(['attribute-list']);
    expect(rules('<p>{: .note}</p>')).toEqual(['attribute-list']);
    expect(rules('<pre><code>kubectl\u200b get pods</code></pre>')).toEqual(['zero-width']);
    expect(rules('')).toEqual(['empty']);
  });

  it('leaves code, emoji sequences and ordinary prose alone', () => {
    expect(rules('<p>JSONPath 表达式 {.status.phase} 与 {range .items[*]}。</p>')).toEqual([]);
    expect(rules('<p>类型为 &lt;Pod&gt; 的对象，&lt;POD_NAME&gt; 占位符，#k8s #云原生 标签。</p>')).toEqual([]);
    expect(rules('<p>Pod 的 #标签 与 C# 语言，a &lt; b。👩\u200d💻 工程师。</p><pre><code>## 注释\n```\n{{&lt; x &gt;}}</code></pre>')).toEqual([]);
    expect(rules('<p>Shell 的条件测试 [[ -f 文件 ]] 与数组 a[[0]]；要导入的模块 import 进来。</p>')).toEqual([]);
  });
});

describe('npm run verify: a note as its reader sees it', () => {
  it('reads a saved page without its <head> or the Mermaid source it draws, and wiki markup as the words it shows', () => {
    const page = '<!doctype html><html><head><title>Pod 的生命周期与重启策略 - 某个博客的名字很长</title></head><body>\n<h1>Pod 的生命周期与重启策略</h1>\n<p>第一句话有足够多的汉字来计数。</p>\n</body></html>';
    expect(contentSentences(sourceText(page))).toEqual(['Pod 的生命周期与重启策略', '第一句话有足够多的汉字来计数']);
    const drawn = '<html><body>\n<p>下面这张图画出了调度的全部过程和步骤。</p>\n<pre><code class="language-mermaid">flowchart TD\n  A[调度器监听未绑定节点的 Pod] --> B[过滤和打分]\n</code></pre>\n</body></html>';
    expect(contentSentences(sourceText(drawn))).toEqual(['下面这张图画出了调度的全部过程和步骤']);
    // A minified page has no line end between its blocks; a reader still sees them apart.
    expect(contentSentences(sourceText('<html><body><h1>Pod 的生命周期与重启策略</h1><p>第一句话有足够多的汉字来计数<br>第二行也有足够多的汉字来计数</p></body></html>'))).toEqual(['Pod 的生命周期与重启策略', '第一句话有足够多的汉字来计数', '第二行也有足够多的汉字来计数']);
    expect(contentSentences(sourceText('另见 [[Pod 的生命周期|生命周期]]，==节点失联超过四十秒会被标记==。\n![[节点压力驱逐的全部笔记]]'))).toEqual(['另见 生命周期，节点失联超过四十秒会被标记']);
    // A page shows a task's box and a footnote's number, not the markers that make them.
    expect(contentSentences(sourceText('- [x] 节点打分由各个插件并行计算\n+ [ ] 分数相同时随机选择节点\n\n[^note-1]: 参考官方文档的调度框架一节'))).toEqual(['节点打分由各个插件并行计算', '分数相同时随机选择节点', '参考官方文档的调度框架一节']);
    expect(contentSentences(sourceText('Pod 是最小的调度单位[^unit]，详见[官方文档][pod-doc]。\n\n[pod-doc]: https://kubernetes.io/'))).toEqual(['Pod 是最小的调度单位，详见[官方文档]']);
    // An MkDocs callout's opener shows its title, as the aside does.
    expect(contentSentences(sourceText('??? note "为什么修改配置映射以后环境变量没有变化？"\n    环境变量只在容器启动时读取一次。\n\n=== "命令行创建配置映射的方法"'))).toEqual(['为什么修改配置映射以后环境变量没有变化', '环境变量只在容器启动时读取一次', '命令行创建配置映射的方法']);
    // An emoji's code shows as the emoji; a colon pair that names none stays.
    expect(contentSentences(sourceText('部署成功以后记得检查一下状态 :tada: 然后看日志 :not_an_emoji:'))).toEqual(['部署成功以后记得检查一下状态 🎉 然后看日志 :not_an_emoji:']);
  });

  it('reads reStructuredText and AsciiDoc without their roles, references, macros and labels, attributes as their values', () => {
    const rst = '.. note:: 修改注解后用 :command:`kubectl describe` 查看事件\n\n参考 `官方文档 <https://kubernetes.io/>`_ 和 ``kubectl get`` 的输出\\ **很重要**\\ 的一节 [#]_\n\n.. [#] 文档版本对照的是一点三十四版';
    expect(contentSentences(sourceText(rst, 'restructured-text'))).toEqual(['修改注解后用 kubectl describe 查看事件', '参考 官方文档 和 kubectl get 的输出**很重要**的一节', '文档版本对照的是一点三十四版']);
    const adoc = ':k8s-version: v1.34\n\nTIP: 本文对照 Kubernetes {k8s-version} 的文档编写\n\n按 kbd:[Ctrl+C] 退出编辑器，详见 <<mount,挂载为文件>> 和 https://kubernetes.io/[官方文档] 的说明';
    expect(contentSentences(sourceText(adoc, 'asciidoc'))).toEqual(['本文对照 Kubernetes v1.34 的文档编写', '按 Ctrl+C 退出编辑器，详见 挂载为文件 和 官方文档 的说明']);
  });

  it('reads a notebook as its cells and what they printed, not its JSON', () => {
    const notebook = JSON.stringify({ cells: [{ cell_type: 'markdown', source: ['## 观察资源用量\n', '先取到每个 Pod 的 **CPU** 和内存用量。'] }, { cell_type: 'code', source: 'print(usage)', outputs: [{ output_type: 'stream', text: ['副本一的用量是其他副本的二十多倍\n'] }] }] });
    expect(contentSentences(sourceText(notebook, 'notebook'))).toEqual(['先取到每个 Pod 的 **CPU** 和内存用量', '副本一的用量是其他副本的二十多倍']);
  });
});

describe('pictures beside the notes', () => {
  const dir = join(FIXTURES, 'pipeline/local-images/sources');

  it('are copied into the content folder under a name made of their bytes, shown as images; missing ones are dropped and reported', () => {
    const inputs = listSources(dir);
    expect(inputs.map((i) => i.name)).toEqual(['pod-notes.md']);
    const { files, assets, report } = runPipeline(inputs, rules);
    expect(assets.map((a) => a.path)).toEqual(['assets/268654864f828722.png']);
    expect(Buffer.from(assets[0]?.bytes ?? []).equals(readFileSync(join(dir, 'images/pod.png')))).toBe(true);
    const page = files.find((f) => f.content.includes('Pod 的结构]('))?.content ?? '';
    expect(page).toContain('![Pod 的结构](../assets/268654864f828722.png)');
    expect(page).not.toContain('missing.png');
    expect(report.sources[0]?.dropped).toContainEqual({ rule: 'image:not-on-the-web', text: '架构图 → images/missing.png', line: 7 });
    const out = mkdtempSync(join(tmpdir(), 'handbook-assets-'));
    mkdirSync(join(out, 'assets'));
    writeFileSync(join(out, 'assets/0000000000000000.png'), 'stale');
    const written = writeOutput(out, files, rules.taxonomy.chapters.map((c) => c.slug), assets);
    expect(written.removed).toContain('assets/0000000000000000.png');
    expect(readdirSync(join(out, 'assets'))).toEqual(['268654864f828722.png']);
  });
});

describe('notes in folders below the notes folder', () => {
  it('are read like the others, named by their path, their pictures looked up beside them; hidden folders, node_modules and a site\'s configuration files are not notes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handbook-nested-'));
    const write = (path: string, content: string | Buffer) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    };
    write('concepts/workloads/pod.md', '# Pod 的结构\n\n一个 Pod 里的容器共享网络命名空间和存储卷，网络命名空间由 pause 容器持有。\n\n![Pod 的结构](images/pod.png)\n');
    write('concepts/workloads/images/pod.png', readFileSync(join(FIXTURES, 'pipeline/local-images/sources/images/pod.png')));
    write('network/README.md', '# Service 的类型\n\nService 有 ClusterIP、NodePort、LoadBalancer 和 ExternalName 四种类型，默认是 ClusterIP。\n');
    write('.obsidian/workspace.md', '# 不是笔记\n');
    write('node_modules/pkg/readme.md', '# 也不是笔记\n');
    write('book.json', '{ "title": "笔记" }\n');
    write('network/_category_.yml', 'label: 网络\n');
    write('LICENSE', 'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n');
    write('CHANGELOG.md', '# 更新记录\n\n- 补充了 Service 的笔记\n');
    write('scripts/deploy.sh', '#!/bin/bash\nkubectl apply -f .\n');
    const { inputs, skipped } = listNotes(dir, rules.markup);
    expect(inputs.map((i) => i.name)).toEqual(['concepts/workloads/pod.md', 'network/README.md']);
    expect(listSources(dir, rules.markup)).toEqual(inputs);
    expect(skipped).toEqual(['CHANGELOG.md', 'LICENSE', 'book.json', 'network/_category_.yml', 'scripts/deploy.sh']);
    const { files, assets, report } = runPipeline(inputs, rules);
    expect(report.sources.map((s) => [s.file, s.sections.length])).toEqual([['concepts/workloads/pod.md', 1], ['network/README.md', 1]]);
    expect(assets.map((a) => a.path)).toEqual(['assets/268654864f828722.png']);
    expect(files.find((f) => f.content.includes('file: network/README.md'))?.content).toContain('title: Service 的类型');
  });
});

describe('a plain-text note of any length', () => {
  it('reads a run of tens of thousands of comment lines above a command, and as many blank lines, in one pass', () => {
    const text = ['长长的注释', '', ...Array.from({ length: 60_000 }, (_, i) => `# 第 ${i} 行注释\n`), '$ kubectl get pods', ...Array(50_000).fill(''), '到此为止。'].join('\n');
    const tree = plainTextToMdast(text, rules.markup['plain-text'], 1, rules.markup['shell-commands']);
    expect(tree.children.map((c) => c.type)).toEqual(['heading', 'code', 'paragraph']);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/index.ts';
import { convertWordNotes, wordText } from '../../src/pipeline/read/word.ts';
import { contentSentences, sourceText } from '../../src/pipeline/verify/sentences.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { rules } from '../helpers/rules.ts';

const docx = readFileSync(join(FIXTURES, 'word/volumes-class-notes.docx'));

describe('a Word note', () => {
  it('becomes a page with its title, headings, list, table and bold words', async () => {
    const inputs = await convertWordNotes([{ name: 'volumes-class-notes.docx', bytes: docx }], rules.markup.word);
    const { files, report } = runPipeline(inputs, rules);
    expect(report.sources.map((s) => [s.file, s.format, s.title])).toEqual([['volumes-class-notes.docx', 'word', 'Kubernetes 课堂笔记：存储卷']]);
    const page = files.find((f) => f.path.startsWith('storage/') && !f.path.endsWith('/index.mdx'))?.content.replace(/^---[\s\S]*?\n---\n/, '') ?? '';
    expect(page).toMatch(/^### 一、为什么需要卷$/m);
    expect(page).toMatch(/^- <Term id="empty-dir">emptyDir<\/Term>：随 Pod 创建和删除，适合做临时缓存$/m);
    expect(page).toMatch(/^\| 类型 +\| 生命周期 +\|\n\| -+ \| -+ \|\n\| emptyDir \| 与 Pod 相同 \|$/m);
    expect(page).toContain('**重点：**');
    expect(report.sources[0]?.dropped).toEqual([]);
  });

  it('that cannot be opened is refused with a reason and a hint; other notes go on', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('不是一个完整的压缩包')]);
    const renamed = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const inputs = await convertWordNotes([{ name: 'broken.docx', bytes: broken }, { name: 'old-word.docx', bytes: renamed }, { name: 'ok.md', bytes: Buffer.from('# 卷\n\n卷是 Pod 中的容器可以访问的目录。\n') }], rules.markup.word);
    const { report } = runPipeline(inputs, rules);
    const reason = 'the Word document could not be opened (it is damaged, or not a .docx file)';
    expect(report.errors.map((e) => [e.file, e.reason])).toEqual([['broken.docx', reason], ['old-word.docx', reason]]);
    expect(report.sources.map((s) => s.file)).toEqual(['ok.md']);
  });

  it('is read by npm run verify as its text, without its formatting', async () => {
    expect(contentSentences(sourceText(await wordText(docx), 'word'))).toContain('重点：考试时经常问 emptyDir 和 hostPath 的区别，一定要记住 emptyDir 会随 Pod 删除');
  });
});

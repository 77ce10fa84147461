import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { splitFrontMatter } from '../../src/pipeline/read/front-matter.ts';
import type { SourceInput } from '../../src/pipeline/index.ts';

/**
 * The same notes in the two other shapes readers collect them in, made at test time from
 * Markdown notes (the shared corpus is read from ../shared, never copied): a blog post saved as
 * a web page, and a plain-text copy of the rendered page. Only notes named `.md` are turned.
 */

const markdown = unified().use(remarkParse).use(remarkGfm);
const toHtml = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });

/** The note's title (front matter, else its first `# ` heading) and its body. */
function split(text: string): { title: string | undefined; body: string } {
  const { matter, body } = splitFrontMatter(text.replace(/\r\n?/g, '\n'));
  const fromMatter = /^title:\s*["']?(.+?)["']?\s*$/m.exec(matter?.text ?? '')?.[1];
  const first = (markdown.parse(body) as Root).children[0];
  return { title: fromMatter ?? (first?.type === 'heading' && first.depth === 1 ? toString(first) : undefined), body };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A post as a blog engine serves it: the site's header, navigation and footer around the article, the site's name in <title>, a date and view count above the post. */
export function asSavedPage(text: string, index: number): string {
  const { title, body } = split(text);
  const article = String(toHtml.processSync(body));
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><title>${escape(title ?? `第 ${index + 1} 篇`)} - 云原生学习站</title></head>`,
    '<body>',
    '<header><h1 class="site-title">云原生学习站</h1><nav><a href="/">首页</a> <a href="/archives">归档</a></nav></header>',
    '<article class="post">',
    `<div class="post-meta">发表于 2023-04-${String((index % 28) + 1).padStart(2, '0')} | 分类于 Kubernetes | 阅读次数 ${100 + index}</div>`,
    `<div class="post-content">\n${article}\n</div>`,
    '</article>',
    '<footer>© 2023 云原生学习站</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The text of one block as copying it from a rendered page gives it: numbered items keep their numbers, table cells are tab-separated, code is as it is. */
function copied(node: RootContent): string[] {
  switch (node.type) {
    case 'code':
      // A rendered page shows a Mermaid diagram as a drawing, not as its source.
      return node.lang === 'mermaid' ? [] : [node.value];
    case 'list':
      return node.children.map((item, i) => `${node.ordered ? `${(node.start ?? 1) + i}. ` : ''}${item.children.flatMap(copied).join('\n')}`);
    case 'table':
      return [node.children.map((row) => row.children.map((cell) => toString(cell)).join('\t')).join('\n')];
    case 'blockquote':
      return node.children.flatMap(copied);
    case 'html':
    case 'thematicBreak':
    case 'definition':
      return [];
    case 'paragraph':
      // A picture is not text: copying leaves it out, and what its renderer took as its attributes.
      return node.children.some((c) => c.type === 'image') ? [] : [toString(node)];
    default:
      return [toString(node)];
  }
}

/** The rendered page selected and copied as plain text: the title on the first line, then each block, a blank line apart. */
export function asPlainTextCopy(text: string): string {
  const { title, body } = split(text);
  const blocks = (markdown.parse(body) as Root).children.flatMap(copied);
  const lines = [...(title && blocks[0] !== title ? [title] : []), ...blocks].filter((l) => l.trim());
  return `${lines.join('\n\n')}\n`;
}

/** Every `.md` note of `inputs` in one of the shapes, renamed to the shape's extension (`.html`, `.txt`). */
export function variantInputs(inputs: SourceInput[], shape: 'html' | 'txt'): SourceInput[] {
  return inputs
    .filter((input) => input.name.endsWith('.md'))
    .map((input, i) => {
      const text = Buffer.from(input.bytes).toString('utf8');
      const out = shape === 'html' ? asSavedPage(text, i) : asPlainTextCopy(text);
      return { name: input.name.replace(/\.md$/, `.${shape}`), bytes: Buffer.from(out), ...(input.dir ? { dir: input.dir } : {}) };
    });
}

import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from '../tree/visit.ts';
import type { SourceFormat } from '../types.ts';

/**
 * Constructs only Markdown makes. Lists, code indented by four spaces, bare web addresses and
 * `---` lines are left out, and so are `# ` lines after the first and underlined headings: a
 * plain-text copy of a page has numbered steps, indented manifests, links, YAML documents and the
 * comments of shell sessions (`# 创建 Secret`) too.
 */
const MARKDOWN_SIGNALS = new Set(['heading', 'code', 'blockquote', 'table', 'link', 'image', 'emphasis', 'strong', 'inlineCode']);
/** How much of a long note is read to tell its format. */
const SAMPLE = 64 * 1024;
const MARKDOWN_EXTENSIONS = /\.(md|markdown|mdx|mdown|mkd)$/i;

/** How much of a text is made of HTML elements: the share of its text inside elements. */
function htmlShare(text: string): number {
  const root = unified().use(rehypeParse, { fragment: true }).parse(text) as HastRoot;
  let outside = 0;
  let elements = 0;
  for (const child of root.children) {
    if (child.type === 'text') outside += child.value.replace(/\s+/g, '').length;
    if (child.type === 'element') elements++;
  }
  const total = text.replace(/<[^>]*>/g, '').replace(/\s+/g, '').length;
  if (elements === 0 || total === 0) return 0;
  return 1 - outside / total;
}

/** What stands right outside an emphasis in prose: a space, a line's end, Chinese, or prose punctuation. */
const PROSE_EDGE = /^$|[\s\p{Script=Han}，。、；：！？（）「」《》,.;:!?()"'“”‘’]/u;

/** Counts constructs only Markdown makes in a parsed tree of `text`; `typed` tells a typed command (`$ mkdir /opt/data`). */
function markdownSignals(tree: Root, text: string, typed: (line: string) => boolean): number {
  let count = 0;
  const lines = text.split('\n');
  visit(tree, (node) => {
    if (!MARKDOWN_SIGNALS.has(node.type)) return;
    const source = node.position ? text.slice(node.position.start.offset, node.position.end.offset) : '';
    // Fenced code, not indented lines; a link written as one, not an address standing in the text.
    if (node.type === 'code' && !/^\s*(`{3,}|~{3,})/.test(source)) return;
    if (node.type === 'heading' && !/^\s*##/.test(source) && !(/^\s*#\s/.test(source) && node === tree.children[0])) return;
    if (node.type === 'link' && !source.startsWith('[') && !source.startsWith('<')) return;
    // A comment of a copied shell session (`## 创建目录` above `$ mkdir /opt/data`) is no heading.
    if (node.type === 'heading' && node.position && [lines[node.position.start.line - 2], lines[node.position.end.line]].some((line) => line !== undefined && typed(line))) return;
    // Emphasis reads as such between words: `<namespace>_<pod-name>_<uid>` is a path.
    if ((node.type === 'emphasis' || node.type === 'strong') && node.position) {
      const { start, end } = node.position;
      const outside = [start.offset === undefined ? '' : text.charAt(start.offset - 1), end.offset === undefined ? '' : text.charAt(end.offset)];
      if (!outside.every((c) => PROSE_EDGE.test(c))) return;
    }
    count++;
  });
  return count;
}

/**
 * Recognises a note's format by its content: an HTML page, Markdown, or plain text.
 * The file name only breaks ties (a `.md` note with no Markdown is still Markdown).
 */
export function detectFormat(body: string, fileName: string, hasFrontMatter: boolean, parseSample: (text: string) => Root, typed: (line: string) => boolean = () => false): SourceFormat {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('<') && htmlShare(trimmed.slice(0, SAMPLE)) > 0.8) return 'html';
  if (MARKDOWN_EXTENSIONS.test(fileName) || hasFrontMatter) return 'markdown';
  // The start of a long note tells its format as well as the whole of it, at a fraction of the cost.
  const sample = body.length > SAMPLE ? body.slice(0, SAMPLE) : body;
  return markdownSignals(parseSample(sample), sample, typed) >= 2 ? 'markdown' : 'text';
}

import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { SourceFormat } from '../types.ts';

const MARKDOWN_SIGNALS = new Set(['heading', 'list', 'code', 'blockquote', 'table', 'link', 'image', 'emphasis', 'strong', 'inlineCode', 'thematicBreak']);
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

/** Counts Markdown constructs in a parsed tree. */
function markdownSignals(tree: Root): number {
  let count = 0;
  visit(tree, (node) => {
    if (MARKDOWN_SIGNALS.has(node.type)) count++;
  });
  return count;
}

/**
 * Recognises a note's format by its content: an HTML page, Markdown, or plain text.
 * The file name only breaks ties (a `.md` note with no Markdown is still Markdown).
 */
export function detectFormat(body: string, fileName: string, parsedMarkdown: () => Root, hasFrontMatter: boolean, parseSample: (text: string) => Root): SourceFormat {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('<') && htmlShare(trimmed.slice(0, SAMPLE)) > 0.8) return 'html';
  if (MARKDOWN_EXTENSIONS.test(fileName) || hasFrontMatter) return 'markdown';
  // The start of a long note tells its format as well as the whole of it, at a fraction of the cost.
  return markdownSignals(body.length > SAMPLE ? parseSample(body.slice(0, SAMPLE)) : parsedMarkdown()) >= 2 ? 'markdown' : 'text';
}

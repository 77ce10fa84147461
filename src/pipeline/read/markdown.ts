import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * GFM, except that a single tilde strikes nothing through: Chinese writes ranges with it
 * (`30000~32767`, `3~5 个副本`), and two of them in a paragraph would strike out the text between.
 * `~~删除~~` still does. The page escapes a tilde it writes, so the site reads it as one too.
 */
const parser = unified().use(remarkParse).use(remarkGfm, { singleTilde: false });

/** Parses Markdown (front matter already split off) into mdast. */
export function markdownToMdast(text: string): Root {
  return parser.runSync(parser.parse(text)) as Root;
}

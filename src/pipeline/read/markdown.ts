import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm);

/** Parses Markdown (front matter already split off) into mdast. */
export function markdownToMdast(text: string): Root {
  return parser.runSync(parser.parse(text)) as Root;
}

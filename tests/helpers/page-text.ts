import { createProcessor } from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { parse } from 'yaml';

// Directives (`:::note`) are parsed as Starlight's asides are, not read as text.
const mdx = createProcessor({ format: 'mdx', remarkPlugins: [remarkDirective] });

/** A generated page: its front matter's title and its body parsed as MDX. */
export function parsePage(content: string) {
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(content) ?? [];
  return { title: (parse(front) as { title?: string }).title ?? '', tree: mdx.parse(body) };
}

/** What a reader sees of a page: its title and the text of its body (no markup; components' text kept), its code too unless `prose`. */
export function pageText(content: string, { prose = false } = {}): string {
  const { title, tree } = parsePage(content);
  const blocks: string[] = [];
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell' && (prose || node.type !== 'code')) return undefined;
    blocks.push(toString(node));
    return SKIP;
  });
  return `${title}\n${blocks.join('\n')}`;
}

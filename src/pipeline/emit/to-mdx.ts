import type { Root } from 'mdast';
import { directiveToMarkdown } from 'mdast-util-directive';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, type Options, type Unsafe } from 'mdast-util-to-markdown';
import { visit } from '../tree/visit.ts';
import { wrapLoosePhrasing } from '../tree/wrap-loose-phrasing.ts';

/**
 * MDX runs a paragraph that starts with `import` or `export` as JavaScript. Escaping the
 * first letter (`&#x69;mport`) keeps it text. `{` and `<` are escaped by the MDX extension.
 */
const esmUnsafe: Unsafe[] = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
  { character: 'I', atBreak: true, after: 'MPORT\\b' },
  { character: 'E', atBreak: true, after: 'XPORT\\b' },
];

/**
 * The serialiser's options, made once: it compiles each escaping rule's pattern on the rule
 * object itself, so extensions made afresh for every page compiled them all again every time.
 */
const OPTIONS: Options = {
  extensions: [gfmToMarkdown(), mdxToMarkdown(), directiveToMarkdown()],
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
  resourceLink: true,
  unsafe: esmUnsafe,
};

/** Serialises a page tree as MDX with fixed options, so the same tree gives the same bytes. */
export function toMdx(tree: Root): string {
  // Raw HTML is never written as HTML: whatever reaches this point is shown as text.
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const text = { type: 'text' as const, value: node.value };
    parent.children.splice(index, 1, (parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem' ? { type: 'paragraph', children: [text] } : text) as never);
  });
  wrapLoosePhrasing(tree);
  return toMarkdown(tree, OPTIONS);
}

import type { Parent, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { phrasing } from 'mdast-util-phrasing';

/** Parents whose children are blocks: a phrasing child there must sit in a paragraph. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'containerDirective', 'mdxJsxFlowElement']);

/**
 * Puts every run of phrasing content (text, an image, an inline tag) that stands directly in a
 * block container into a paragraph of its own. mdast-util-to-markdown serialises a container
 * holding any phrasing child as one run of phrasing: without this, a part that starts with an
 * image loses every blank line between its blocks, and headings and fences become text.
 */
export function wrapLoosePhrasing(node: Parent): void {
  for (const child of node.children as RootContent[]) if ('children' in child) wrapLoosePhrasing(child);
  if (!FLOW_PARENTS.has(node.type)) return;
  const children = node.children as RootContent[];
  if (!children.some((c) => phrasing(c))) return;
  const out: RootContent[] = [];
  let run: Paragraph | undefined;
  for (const child of children) {
    if (phrasing(child)) {
      if (!run) {
        run = { type: 'paragraph', children: [] };
        out.push(run);
      }
      run.children.push(child as PhrasingContent);
    } else {
      run = undefined;
      out.push(child);
    }
  }
  // A run of white space alone carries nothing.
  node.children = out.filter((c) => c.type !== 'paragraph' || c.children.some((p) => p.type !== 'text' || p.value.trim() !== '')) as never;
}

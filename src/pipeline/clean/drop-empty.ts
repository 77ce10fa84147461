import type { Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

const EMPTYABLE = new Set(['paragraph', 'heading', 'list', 'listItem', 'blockquote', 'emphasis', 'strong', 'delete', 'link', 'tableCell']);

function hasMedia(node: RootContent): boolean {
  if (node.type === 'image' || node.type === 'code' || node.type === 'table' || node.type === 'thematicBreak' || node.type === 'break') return true;
  return 'children' in node && (node.children as RootContent[]).some(hasMedia);
}

/** Removes blocks left with nothing to read (after junk and tags were dropped). */
export function dropEmpty(tree: Root): void {
  const prune = (parent: Parent): void => {
    parent.children = (parent.children as RootContent[]).filter((child) => {
      if ('children' in child) prune(child);
      if (child.type === 'tableCell') return true;
      if (!EMPTYABLE.has(child.type)) return true;
      return toString(child).trim() !== '' || hasMedia(child);
    }) as never;
  };
  prune(tree);
}

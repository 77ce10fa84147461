import type { Root, RootContent } from 'mdast';

/** Shifts every position in a tree down by `lines`, so lines refer to the whole file. */
export function offsetLines(node: Root | RootContent, lines: number): void {
  if (lines === 0) return;
  if (node.position) {
    node.position.start.line += lines;
    node.position.end.line += lines;
  }
  if ('children' in node) for (const child of node.children) offsetLines(child, lines);
}

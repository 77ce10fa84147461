import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Dropped, NoteFile } from '../types.ts';

/** `Created: 2023年3月5日 下午 8:12`: a key, a colon, its value. */
const PROPERTY = /^\s*([^:：\n]{1,40}?)\s*[:：]\s*(.*)$/;

/**
 * Notion, Yuque and other note apps export a page's properties as lines right under its title
 * (`Created: 2023年3月5日`, `Tags: k8s, 调度`), where a static site generator keeps them in front
 * matter. The paragraphs right after the note's title whose every line is such a property (its
 * key one of `keys`, compared without case; two lines at least) are dropped as front matter is,
 * and listed in the report under `properties`; the same lines further down are content and stay.
 */
export function dropHeaderProperties(tree: Root, file: NoteFile, keys: readonly string[]): void {
  if (keys.length === 0) return;
  const known = new Set(keys.map((k) => k.toLowerCase()));
  const first = tree.children[0];
  const start = first?.type === 'heading' && first.depth === 1 ? 1 : 0;
  const found: Dropped[] = [];
  let end = start;
  while (end < tree.children.length) {
    const node = tree.children[end];
    if (node?.type !== 'paragraph') break;
    const lines = toString(node).split('\n');
    if (!lines.every((l) => known.has((PROPERTY.exec(l)?.[1] ?? '').toLowerCase()))) break;
    lines.forEach((text, i) => found.push({ rule: 'properties', text: text.trim(), ...(node.position ? { line: node.position.start.line + i } : {}) }));
    end++;
  }
  // One such line may be the note's own first sentence (`Type: ClusterIP`); an app writes several.
  if (found.length < 2) return;
  (file.data.dropped ??= []).push(...found);
  tree.children.splice(start, end - start);
}

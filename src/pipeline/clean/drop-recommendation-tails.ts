import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { JunkRules } from '../rules/schemas.ts';
import type { NoteFile } from '../types.ts';

function caption(text: string): string {
  return text.trim().replace(/[:：\s]+$/, '').toLowerCase();
}

/**
 * A "相关文章:" / "推荐阅读" caption starts a tail of unrelated teasers that a
 * site appends to a post: the caption and everything after it are dropped.
 */
export function dropRecommendationTails(tree: Root, file: NoteFile, rules: JunkRules): void {
  const captions = new Map<string, string>();
  for (const rule of rules.tails) for (const c of rule.captions) captions.set(caption(c), rule.id);
  const start = tree.children.findIndex((node) => (node.type === 'paragraph' || node.type === 'heading') && captions.has(caption(toString(node))));
  if (start === -1) return;
  const first = tree.children[start];
  const rule = `tail:${captions.get(caption(first ? toString(first) : '')) ?? ''}`;
  for (const node of tree.children.splice(start)) {
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text) (file.data.dropped ??= []).push({ rule, text, ...(node.position ? { line: node.position.start.line } : {}) });
  }
}

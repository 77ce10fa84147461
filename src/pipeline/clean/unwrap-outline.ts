import type { List, ListItem, Root, RootContent } from 'mdast';
import { fixed, type NoteFile } from '../types.ts';

/**
 * An outliner (Logseq, Roam, Workflowy) writes a whole note as bullets, its headings included:
 * `- ## Ingress 是什么` with the section's blocks nested below. A heading is never a bullet on a
 * page: each top-level item that opens with a heading becomes that heading followed by what the
 * item holds, so the note has the sections its author gave it (and, below them, the bullets).
 * Other items, a heading alone among them, stay in lists, in their order. Counted in the report's fixes as
 * `outline-heading`.
 */
/** An item that is a heading and what comes under it; one that is a heading alone (`* ##### 用户` in a list of steps) is a list item written large. */
const opensSection = (item: ListItem) => item.children[0]?.type === 'heading' && item.children.length > 1;

export function unwrapOutline(tree: Root, file: NoteFile): void {
  let count = 0;
  const lift = (nodes: RootContent[]): RootContent[] =>
    nodes.flatMap((node): RootContent[] => {
      if (node.type !== 'list' || !node.children.some(opensSection)) return [node];
      const out: RootContent[] = [];
      let run: ListItem[] = [];
      const flush = () => {
        if (run.length) out.push({ ...node, children: run, ...(node.ordered && node.start != null ? { start: node.start + node.children.indexOf(run[0] as ListItem) } : {}) } satisfies List);
        run = [];
      };
      for (const item of node.children) {
        if (!opensSection(item)) {
          run.push(item);
          continue;
        }
        flush();
        count++;
        // What the item holds may be an outline of its own.
        out.push(...lift(item.children as RootContent[]));
      }
      flush();
      return out;
    });
  tree.children = lift(tree.children);
  fixed(file, 'outline-heading', count);
}

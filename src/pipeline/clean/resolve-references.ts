import type { Image, ImageReference, Link, LinkReference, Parent, Root } from 'mdast';
import { definitions } from 'mdast-util-definitions';
import { SKIP, visit } from 'unist-util-visit';
import type { NoteFile } from '../types.ts';

/**
 * Reference-style links and pictures (`[官方文档][pod-doc]`, `![][1]`) point to definitions
 * usually gathered at the note's end (`[pod-doc]: https://…`). A note becomes several pages, and
 * a page keeps only its own part: each reference becomes the link or picture it stands for, and
 * the definitions go, so no page shows `[官方文档][pod-doc]` or a stray list of addresses.
 * Counted in the report's fixes as `reference`.
 */
export function resolveReferences(tree: Root, file: NoteFile): void {
  const definitionOf = definitions(tree);
  let count = 0;
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (parent === undefined || index === undefined) return undefined;
    if (node.type === 'definition') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type !== 'linkReference' && node.type !== 'imageReference') return undefined;
    const reference = node as LinkReference | ImageReference;
    const definition = definitionOf(reference.identifier);
    if (!definition) return undefined;
    count++;
    const title = definition.title ? { title: definition.title } : {};
    const position = reference.position ? { position: reference.position } : {};
    const replacement: Link | Image =
      reference.type === 'linkReference' ? { type: 'link', url: definition.url, ...title, children: reference.children, ...position } : { type: 'image', url: definition.url, alt: reference.alt ?? '', ...title, ...position };
    parent.children.splice(index, 1, replacement as never);
    return undefined;
  });
  if (count) {
    const fixes = (file.data.fixes ??= {});
    fixes['reference'] = (fixes['reference'] ?? 0) + count;
  }
}

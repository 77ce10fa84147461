import { createHash } from 'node:crypto';
import type { FootnoteDefinition, Image, ImageReference, Link, LinkReference, Parent, Root, RootContent } from 'mdast';
import { definitions } from 'mdast-util-definitions';
import { SKIP, visit } from '../tree/visit.ts';
import { fixed, type NoteFile } from '../types.ts';

/**
 * Reference-style links and pictures (`[官方文档][pod-doc]`, `![][1]`) point to definitions
 * usually gathered at the note's end (`[pod-doc]: https://…`). A note becomes several pages, and
 * a page keeps only its own part: each reference becomes the link or picture it stands for, and
 * the definitions go, so no page shows `[官方文档][pod-doc]` or a stray list of addresses.
 * Footnotes stay with the part that cites them (placeFootnotes). Counted in the report's fixes as `reference`.
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
  count += placeFootnotes(tree);
  // Two notes' parts may share a page, and both call a footnote [^1]: each note's labels get its own prefix.
  const prefix = createHash('sha256').update(file.data.meta?.file ?? file.path ?? '').digest('hex').slice(0, 6);
  visit(tree, (node) => {
    if (node.type !== 'footnoteReference' && node.type !== 'footnoteDefinition') return;
    node.label = `${prefix}-${node.label ?? node.identifier}`;
    node.identifier = `${prefix}-${node.identifier}`;
  });
  fixed(file, 'reference', count);
}

/**
 * Footnotes (`[^1]`) are defined at the note's end too: each definition moves to just after the
 * first block that refers to it, so it stays with that block's part (the page still shows it
 * at its end). Returns how many moved.
 */
function placeFootnotes(tree: Root): number {
  const definitions = new Map<string, FootnoteDefinition>();
  for (const node of tree.children) if (node.type === 'footnoteDefinition') definitions.set(node.identifier, node);
  if (definitions.size === 0) return 0;
  const cited = new Set<string>();
  visit(tree, 'footnoteReference', (reference) => void cited.add(reference.identifier));
  const placed = new Set<FootnoteDefinition>();
  const out: RootContent[] = [];
  for (const node of tree.children) {
    // A cited definition is written after the block citing it; one no block cites stays where it is.
    if (node.type === 'footnoteDefinition') {
      if (!cited.has(node.identifier)) out.push(node);
      continue;
    }
    out.push(node);
    visit(node, 'footnoteReference', (reference) => {
      const definition = definitions.get(reference.identifier);
      if (definition && !placed.has(definition)) {
        placed.add(definition);
        out.push(definition);
      }
    });
  }
  tree.children = out;
  return placed.size;
}

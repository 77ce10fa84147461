import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { NoteFile } from '../types.ts';
import { mdxError } from './compile-mdx.ts';
import { toMdx } from './to-mdx.ts';

/** A block as plain text paragraphs: what is always safe to write, its words intact. */
function asText(block: RootContent): Paragraph[] {
  return toString(block)
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }], ...(block.position ? { position: block.position } : {}) }));
}

const compiles = (blocks: RootContent[]) => mdxError(toMdx({ type: 'root', children: structuredClone(blocks) })) === undefined;

/**
 * Makes sure a part of a note compiles as MDX before it is written: a block that does not
 * (it would fail the whole site build) is replaced by its text, and the note gets a warning
 * naming the block's line and the compiler's message. Returns the blocks to write.
 */
export function ensureCompiles(blocks: RootContent[], file: NoteFile): RootContent[] {
  const whole = mdxError(toMdx({ type: 'root', children: structuredClone(blocks) }));
  if (whole === undefined) return blocks;
  let repaired = blocks.flatMap((block) => {
    if (compiles([block])) return [block];
    const error = mdxError(toMdx({ type: 'root', children: structuredClone([block]) })) ?? whole;
    file.message(`this block would not compile as MDX (${error}); it is shown as plain text`, { ruleId: 'mdx-compile', source: 'emit', ...(block.position ? { place: block.position.start } : {}) });
    return asText(block);
  });
  if (!compiles(repaired)) {
    file.message(`this part would not compile as MDX (${whole}); it is shown as plain text`, { ruleId: 'mdx-compile', source: 'emit', ...(blocks[0]?.position ? { place: blocks[0].position.start } : {}) });
    repaired = blocks.flatMap(asText);
  }
  return repaired;
}

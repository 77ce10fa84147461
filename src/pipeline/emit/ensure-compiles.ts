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

/** The compiler's message for a run of blocks written as MDX, or undefined when it compiles. */
const errorOf = (blocks: RootContent[]) => mdxError(toMdx({ type: 'root', children: structuredClone(blocks) }));

/**
 * Makes sure a part of a note compiles as MDX before it is written: a block that does not
 * (it would fail the whole site build) is replaced by its text, and the note gets a warning
 * naming the block's line and the compiler's message. Returns the blocks to write.
 */
export function ensureCompiles(blocks: RootContent[], file: NoteFile): RootContent[] {
  const whole = errorOf(blocks);
  if (whole === undefined) return blocks;
  let repaired = blocks.flatMap((block) => {
    const error = errorOf([block]);
    if (error === undefined) return [block];
    file.message(`this block would not compile as MDX (${error}); it is shown as plain text`, { ruleId: 'mdx-compile', source: 'emit', ...(block.position ? { place: block.position.start } : {}) });
    return asText(block);
  });
  if (errorOf(repaired) !== undefined) {
    file.message(`this part would not compile as MDX (${whole}); it is shown as plain text`, { ruleId: 'mdx-compile', source: 'emit', ...(blocks[0]?.position ? { place: blocks[0].position.start } : {}) });
    repaired = blocks.flatMap(asText);
  }
  return repaired;
}

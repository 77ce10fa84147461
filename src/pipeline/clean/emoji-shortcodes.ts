import { nameToEmoji } from 'gemoji';
import type { Root } from 'mdast';
import { visit } from '../tree/visit.ts';
import { fixed, type NoteFile } from '../types.ts';

export const SHORTCODE = /:([+\w-]+):/g;
/** A name of hexadecimal digits only (`:ab:`, `:cd:`, `:100:`) is more likely a piece of an IPv6 or MAC address than an emoji. */
const HEX = /^[0-9a-f]+$/;

/** The emoji a shortcode's name stands for (`tada` → 🎉), or undefined. */
export const emojiNamed = (name: string): string | undefined => (HEX.test(name) ? undefined : nameToEmoji[name]);

/**
 * GitHub, VuePress and VitePress show `:tada:` and `:warning:` as the emoji they name (GitHub's
 * list: gemoji); notes written for them keep the codes. In text, never in code, a code that names
 * an emoji becomes it; any other colon pair stays. Counted in the report's fixes as `emoji`.
 */
export function emojiShortcodes(tree: Root, file: NoteFile): void {
  let count = 0;
  visit(tree, 'text', (node) => {
    if (!node.value.includes(':')) return;
    node.value = node.value.replace(SHORTCODE, (code, name: string) => {
      const emoji = emojiNamed(name);
      if (emoji === undefined) return code;
      count++;
      return emoji;
    });
  });
  fixed(file, 'emoji', count);
}

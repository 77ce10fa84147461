import type { Paragraph } from 'mdast';

/**
 * The label another generator gives a block (a tab's, a shortcode's title, a details box's
 * summary) as a bold line above it; nothing when the label is empty.
 */
export function labelLine(label: string | undefined): Paragraph[] {
  const text = label?.trim();
  return text ? [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: text }] }] }] : [];
}

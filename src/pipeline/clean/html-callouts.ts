import type { Html, Paragraph, Parent, Root, RootContent } from 'mdast';
import { markdownToMdast } from '../read/markdown.ts';
import type { Markup } from '../rules/schemas.ts';
import { asideDirective, asideKinds } from '../tree/aside.ts';
import { offsetLines } from '../tree/offset-lines.ts';
import { fixed, type NoteFile } from '../types.ts';

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'containerDirective']);
/** A leading icon (an emoji and its variation selector) and the space after it. */
const ICON = /^(\p{Extended_Pictographic}\uFE0F?)\s*/u;

/**
 * A callout a note app exports as an HTML tag around Markdown (Notion's `<aside>` with its icon:
 * `<aside>` / `💡 过滤阶段…` / `</aside>`), which Markdown reads as HTML blocks around text: the
 * tags, one block or two with the text between, become a Starlight aside whose content is the
 * text read as Markdown. Its kind is the one its icon stands for (`asides` in markup.yaml lists
 * 💡 as a tip, ⚠️ as a caution), the icon then going, since the aside shows its own; the default
 * kind otherwise, the icon kept. The tags are `html-callouts`. Counted in the report's fixes.
 */
export function htmlCallouts(tree: Root, file: NoteFile, markup: Pick<Markup, 'html-callouts' | 'asides' | 'default-aside'>): void {
  const tags = markup['html-callouts'];
  if (tags.length === 0) return;
  const kindOf = asideKinds(markup);
  const patterns = tags.map((tag) => ({ open: new RegExp(`^\\s*<${tag}(\\s[^>]*)?>`, 'i'), close: new RegExp(`</${tag}\\s*>\\s*$`, 'i') }));
  let made = 0;
  const walk = (parent: Parent) => {
    const children = parent.children as RootContent[];
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (node.type !== 'html') {
        if ('children' in node && BLOCK_PARENTS.has(node.type)) walk(node as Parent);
        continue;
      }
      const pattern = patterns.find(({ open }) => open.test(node.value));
      if (!pattern) continue;
      const { open, close } = pattern;
      const end = close.test(node.value) ? i : children.findIndex((c, j) => j > i && c.type === 'html' && close.test((c as Html).value) && (c as Html).value.trim().startsWith(`</`));
      if (end < 0) continue;
      // The text inside the tags, read as Markdown; the blocks between the two tags as they are.
      const inner = (html: Html) => {
        const text = html.value.replace(open, '').replace(close, '').trim();
        const blocks = text ? markdownToMdast(text).children : [];
        for (const block of blocks) offsetLines(block, (html.position?.start.line ?? 1) - 1);
        return blocks;
      };
      const content: RootContent[] = children.slice(i, end + 1).flatMap((c) => (c.type === 'html' ? inner(c) : [c]));
      const first = content[0]?.type === 'paragraph' ? (content[0] as Paragraph).children[0] : undefined;
      const icon = first?.type === 'text' ? ICON.exec(first.value) : null;
      const kind = kindOf(icon?.[1]) ?? kindOf(icon?.[1]?.replace(/\uFE0F$/, ''));
      if (kind && first?.type === 'text' && icon) first.value = first.value.slice(icon[0].length);
      const aside = asideDirective(kind ?? markup['default-aside'], undefined, content);
      children.splice(i, end - i + 1, aside as RootContent);
      made++;
    }
  };
  walk(tree);
  fixed(file, 'html-callout', made);
}

import type { Element, Root as HastRoot } from 'hast';
import { htmlTagNames } from 'html-tag-names';
import type { Html, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { hastToMdast } from '../read/hast-to-mdast.ts';
import { MEDIA, mediaAddress, sanitizeHast } from '../read/sanitize-hast.ts';
import { labelLine } from '../tree/label-line.ts';
import { offsetLines } from '../tree/offset-lines.ts';
import { fixed, type Dropped, type NoteFile } from '../types.ts';

const KNOWN_TAGS = new Set(htmlTagNames);
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)/g;
const COMPONENT_TAG = /^\s*<\/?[A-Z][\w.]*(\s[^<>]*)?\/?>\s*$/;
/** A component's tag: a PascalCase name (`Badge`, not a placeholder such as `<POD_NAME>`), with attributes or closing itself. */
const CLOSING_COMPONENT = /^\s*<\/[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9.]*\s*>\s*$/;
const INLINE_COMPONENT = /^\s*<[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9.]*((?:\s+[\w:-]+(?:=(?:"[^"]*"|'[^']*'|\{[^{}]*\}))?)*)\s*(\/?)>\s*$/;
const fragmentParser = unified().use(rehypeParse, { fragment: true });

function tagNames(html: string): string[] {
  return [...html.matchAll(TAG)].map((m) => (m[1] ?? '').toLowerCase());
}

/** Converts HTML to inert mdast; what sanitising removes is recorded. */
function htmlToInertMdast(html: string, dropped: Dropped[]): RootContent[] {
  const hast = fragmentParser.parse(html) as HastRoot;
  sanitizeHast(hast, dropped);
  return hastToMdast(hast).children;
}

/** Inline tags that say how their words look, by what Markdown says the same with. Coloured or highlighted words (`<font color="red">`, `<mark>`) are the author's emphasis: bold. */
const PAIRED: Record<string, 'strong' | 'emphasis' | 'inlineCode' | 'delete'> = { b: 'strong', strong: 'strong', mark: 'strong', u: 'strong', ins: 'strong', font: 'strong', i: 'emphasis', em: 'emphasis', cite: 'emphasis', code: 'inlineCode', kbd: 'inlineCode', tt: 'inlineCode', samp: 'inlineCode', var: 'inlineCode', del: 'delete', s: 'delete', strike: 'delete' };
const OPENING = /^<([A-Za-z]+)(\s[^<>]*)?>$/;
const CLOSING = /^<\/([A-Za-z]+)\s*>$/;

/**
 * `<b>重点</b>`, `<kbd>Ctrl</kbd>`, `<font color="red">注意</font>` inside a line: the tags and
 * the words between them become the Markdown node that shows them so (a `<font>` or `<span>`
 * only when it colours its words). Tags left unpaired are handled as any inline tag. Returns how
 * many pairs it turned.
 */
function pairInlineTags(parent: Parent): number {
  let count = 0;
  const children = parent.children as RootContent[];
  for (let open = 0; open < children.length; open++) {
    const node = children[open]!;
    const opening = node.type === 'html' ? OPENING.exec(node.value.trim()) : null;
    if (!opening) continue;
    const name = opening[1]!.toLowerCase();
    const coloured = /\b(color|style\s*=\s*["'][^"']*(color|background))/i.test(opening[2] ?? '');
    const kind = name === 'span' ? (coloured ? 'strong' : undefined) : name === 'font' && !coloured ? undefined : PAIRED[name];
    if (!kind) continue;
    const close = children.findIndex((c, i) => i > open && c.type === 'html' && CLOSING.exec(c.value.trim())?.[1]?.toLowerCase() === name);
    if (close < 0) continue;
    const inner = children.slice(open + 1, close) as PhrasingContent[];
    if (kind === 'inlineCode' && !inner.every((c) => c.type === 'text' || c.type === 'inlineCode')) continue;
    // Words already so (`<font color="red">**重点**</font>`) are not wrapped twice.
    const [only, ...more] = inner.filter((c) => c.type !== 'text' || c.value.trim() !== '');
    const replacement: PhrasingContent =
      kind === 'inlineCode' ? { type: 'inlineCode', value: inner.map((c) => ('value' in c ? c.value : '')).join('') } : only?.type === kind && more.length === 0 ? only : { type: kind, children: inner };
    children.splice(open, close - open + 1, replacement as RootContent);
    count++;
  }
  return count;
}

/**
 * Raw HTML in a Markdown note never reaches the page as HTML. Comments are dropped;
 * HTML blocks are converted to Markdown after removing scripts, frames and handlers;
 * inline tags that style their words become Markdown's (pairInlineTags), other inline tags are dropped (their text stays), and so are block tags of MDX components; things that only look like tags
 * (`<none>`, `<pod-name>`) are kept as literal text.
 */
export function neutralizeHtml(tree: Root, file: NoteFile): void {
  const dropped = (file.data.dropped ??= []);
  let styled = 0;
  const walk = (parent: Parent, inline: boolean): void => {
    const next: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      if (child.type !== 'html') {
        if ('children' in child && (inline || child.type === 'paragraph' || child.type === 'heading' || child.type === 'tableCell')) styled += pairInlineTags(child);
        if ('children' in child) walk(child, inline || child.type === 'paragraph' || child.type === 'heading' || child.type === 'tableCell');
        next.push(child);
        continue;
      }
      next.push(...replaceHtml(child, inline, dropped));
    }
    parent.children = next as never;
  };
  walk(tree, false);
  fixed(file, 'html-inline-style', styled);
}

function replaceHtml(node: Html, inline: boolean, dropped: Dropped[]): RootContent[] {
  const value = node.value;
  const line = node.position ? { line: node.position.start.line } : {};
  if (value.trimStart().startsWith('<!--')) {
    const text = value.trim().replace(/^<!--/, '').replace(/-->$/, '').trim();
    dropped.push({ rule: 'html:comment', text: text || '<!-- -->', ...line });
    return [];
  }
  // Another generator's MDX components on lines of their own (<Tabs>, <TabItem value="…">):
  // the tags go, what they wrap stays, an opening tag's label or title as a bold line above it
  // (as a shortcode's title is). A lower-case placeholder such as <pod-name> is no component.
  if (!inline && value.split('\n').every((l) => !l.trim() || COMPONENT_TAG.test(l))) {
    dropped.push({ rule: 'html:component', text: value.trim(), ...line });
    return value.split('\n').flatMap((l): RootContent[] => {
      const label = /^\s*<[A-Z][\w.]*\s[^<>]*?\b(?:label|title)=(?:"([^"]*)"|'([^']*)')/.exec(l);
      return labelLine(label?.[1] ?? label?.[2]);
    });
  }
  // A component inside a line (VuePress's <Badge text="beta"/>, Docusaurus's <Highlight color="…">…</Highlight>):
  // its tags go, what it wraps stays, and a `text` it shows is kept.
  const inlineComponent = INLINE_COMPONENT.exec(value);
  if (inline && ((inlineComponent && ((inlineComponent[1] ?? '').trim() || inlineComponent[2])) || CLOSING_COMPONENT.test(value))) {
    dropped.push({ rule: 'html:component', text: value.trim(), ...line });
    const text = /\btext=(?:"([^"]*)"|'([^']*)')/.exec(inlineComponent?.[1] ?? '');
    const words = (text?.[1] ?? text?.[2] ?? '').trim();
    return words ? [{ type: 'text', value: ` ${words}` }] : [];
  }
  const names = tagNames(value);
  if (!names.some((name) => KNOWN_TAGS.has(name))) {
    const text = { type: 'text', value } as const;
    return inline ? [text] : [{ type: 'paragraph', children: [text] }];
  }
  if (inline) {
    const name = names[0] ?? '';
    if (name === 'br') return [{ type: 'break' }];
    if (name === 'img') return htmlToInertMdast(value, dropped).flatMap((n) => (n.type === 'paragraph' ? n.children : [n])) as PhrasingContent[];
    // A player opened inside a line (<video src="…">, <iframe src="…">): a link to what it plays; its closing tag goes.
    if (MEDIA.has(name) && !value.trimStart().startsWith('</')) {
      const element = (fragmentParser.parse(value) as HastRoot).children.find((c): c is Element => c.type === 'element');
      const address = element ? mediaAddress(element) : undefined;
      if (address) return [{ type: 'link', url: address, children: [{ type: 'text', value: address }] }];
    }
    dropped.push({ rule: 'html:inline-tag', text: value, ...line });
    return [];
  }
  const before = dropped.length;
  const converted = htmlToInertMdast(value, dropped);
  // What the block lost, and what it became, are placed at the note's lines, not the block's own.
  const offset = (node.position?.start.line ?? 1) - 1;
  for (const entry of dropped.slice(before)) if (entry.line !== undefined) entry.line += offset;
  for (const block of converted) offsetLines(block, offset);
  if (converted.length === 0 && dropped.length === before) dropped.push({ rule: 'html:block', text: value.trim(), ...line });
  return converted;
}

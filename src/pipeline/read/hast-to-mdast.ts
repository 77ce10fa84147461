import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot, Text } from 'hast';
import { defaultHandlers, toMdast, type State } from 'hast-util-to-mdast';
import type { BlockContent, Paragraph, PhrasingContent, Root, Table } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { AsideKind, Markup } from '../rules/schemas.ts';
import { asideDirective, asideKinds } from '../tree/aside.ts';
import { toString as hastText } from 'hast-util-to-string';

/** Elements that make a table cell more than a line of text: a GFM table cannot hold them. */
const BLOCK_IN_CELL = new Set(['ul', 'ol', 'dl', 'p', 'pre', 'blockquote', 'table', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);
const TABLE_PARTS = new Set(['thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption']);

function hasBlockCell(table: Element): boolean {
  const walk = (node: ElementContent, inCell: boolean): boolean => {
    if (node.type !== 'element') return false;
    if (inCell && BLOCK_IN_CELL.has(node.tagName)) return true;
    const cell = inCell || node.tagName === 'td' || node.tagName === 'th';
    // A cell holding one paragraph (as Word and many editors write every cell) is a line of text.
    const blocks = cell && !inCell ? node.children.filter((c) => c.type === 'element' || (c.type === 'text' && c.value.trim())) : [];
    if (blocks.length === 1 && blocks[0]?.type === 'element' && blocks[0].tagName === 'p') return blocks[0].children.some((child) => walk(child, true));
    return node.children.some((child) => walk(child, cell));
  };
  return table.children.some((child) => walk(child, false));
}

const jsx = (name: string, children: MdxJsxFlowElement['children'], attributes: MdxJsxFlowElement['attributes'] = []): MdxJsxFlowElement => ({ type: 'mdxJsxFlowElement', name, attributes, children });

/**
 * A table whose cells hold lists, paragraphs or code stays one table: it becomes the same
 * table as JSX elements (only table tags and `colspan`/`rowspan`), each cell's content as
 * Markdown blocks, which MDX renders inside the cell.
 */
function richTable(state: State, table: Element): MdxJsxFlowElement {
  const convert = (node: Element): MdxJsxFlowElement => {
    if (node.tagName === 'td' || node.tagName === 'th' || node.tagName === 'caption') {
      const span = ['colSpan', 'rowSpan']
        .filter((key) => typeof node.properties[key] === 'number' && (node.properties[key] as number) > 1)
        .map((key) => ({ type: 'mdxJsxAttribute' as const, name: key.toLowerCase(), value: String(node.properties[key]) }));
      return jsx(node.tagName, state.toFlow(state.all(node)) as BlockContent[], span);
    }
    const rows = node.children.filter((c): c is Element => c.type === 'element' && TABLE_PARTS.has(c.tagName));
    return jsx(node.tagName, rows.map(convert));
  };
  const parts = table.children.filter((c): c is Element => c.type === 'element' && TABLE_PARTS.has(c.tagName));
  return jsx('table', parts.map(convert));
}

/** The cells of a table, however its rows are grouped. */
function cellsOf(table: Element): Element[] {
  const out: Element[] = [];
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'td' || child.tagName === 'th') out.push(child);
      else if (TABLE_PARTS.has(child.tagName)) walk(child);
    }
  };
  walk(table);
  return out;
}

const isCode = (node: ElementContent): node is Element => node.type === 'element' && node.tagName === 'code';
const isBlank = (node: ElementContent) => node.type === 'text' && !node.value.trim();
/** The language a code box's attributes name: `data-lang="bash"` (WeChat), `lang`, or a `language-`/`lang-` class on the box (Prism). */
function languageOf(...nodes: Element[]): string | undefined {
  for (const node of nodes) {
    const attribute = node.properties['dataLang'] ?? node.properties['dataLanguage'] ?? node.properties['lang'];
    if (typeof attribute === 'string' && /^[\w+#.-]+$/.test(attribute)) return attribute.toLowerCase();
    const classes = Array.isArray(node.properties['className']) ? node.properties['className'].map(String) : [];
    const named = classes.find((c) => /^(language|lang)-[\w+#.-]+$/.test(c));
    if (named) return named.slice(named.indexOf('-') + 1).toLowerCase();
  }
  return undefined;
}

/**
 * A code box as the default handler reads it: one `code` element. A box that holds each line in
 * a `code` of its own (WeChat's code snippets: `<pre><code>line 1</code><code>line 2</code></pre>`)
 * has its lines joined by line breaks, which the page otherwise ran together; the language is
 * taken from the box's attributes when the code's class names none.
 */
function oneCodeBox(pre: Element): Element {
  const parts = pre.children.filter((c) => !isBlank(c));
  const codes = parts.filter(isCode);
  if (codes.length === 0 || codes.length !== parts.length) return pre;
  const children: ElementContent[] = [];
  codes.forEach((code, i) => {
    if (i > 0 && !/\n$/.test(hastText(codes[i - 1]!))) children.push({ type: 'text', value: '\n' });
    children.push(...code.children);
  });
  const language = languageOf(...codes, pre);
  const className = language ? [`language-${language}`] : [];
  return { ...pre, children: [{ type: 'element', tagName: 'code', properties: { className }, children }] };
}

/** How a saved page's callout boxes are known (markup.yaml: html-callout-boxes, html-callout-titles, asides). */
export type CalloutBoxes = Pick<Markup, 'asides' | 'default-aside' | 'html-callout-boxes' | 'html-callout-titles'>;

const classesOf = (node: Element) => (Array.isArray(node.properties['className']) ? node.properties['className'].map(String) : []);

/**
 * The aside a callout box becomes: its kind, named by one of its classes' words other than the
 * box's own (`custom-block tip`, `alert alert-info`, `theme-admonition-warning`), else the
 * default; its title element, when it has one. Undefined for any other element.
 */
function calloutBox(node: Element, rules: CalloutBoxes, kindOf: (word: string | undefined) => AsideKind | undefined): { kind: AsideKind; title?: Element; icon?: { text: Text; value: string } } | undefined {
  const classes = classesOf(node);
  const boxes = new Set(rules['html-callout-boxes']);
  if (!classes.some((c) => boxes.has(c))) return undefined;
  const boxWords = new Set(rules['html-callout-boxes'].flatMap((c) => c.split('-')));
  const named = classes.flatMap((c) => c.split(/[-_]+/)).filter((w) => !boxWords.has(w)).map(kindOf).find(Boolean);
  // A box whose classes name no kind may open with an icon that does (Notion's ⚠️ callout): the icon goes.
  const icon = named ? undefined : leadingIcon(node);
  const kind = named ?? (icon ? kindOf(icon.value) : undefined) ?? rules['default-aside'];
  const titles = rules['html-callout-titles'];
  const isTitle = (e: Element) => classesOf(e).some((c) => titles.some((t) => c === t || c.startsWith(`${t}_`)));
  const find = (e: Element): Element | undefined => {
    for (const child of e.children) {
      if (child.type !== 'element') continue;
      if (isTitle(child)) return child;
      const inner = find(child);
      if (inner) return inner;
    }
    return undefined;
  };
  const title = find(node);
  return { kind, ...(title ? { title } : {}), ...(icon && kindOf(icon.value) ? { icon } : {}) };
}

/** The box's first text when it opens with a pictograph (an emoji, with its variation selector): the text node and the icon. */
function leadingIcon(node: Element): { text: Text; value: string } | undefined {
  const first = (e: Element): Text | undefined => {
    for (const child of e.children) {
      if (child.type === 'text' && child.value.trim()) return child;
      if (child.type === 'element') {
        const inner = first(child);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  const text = first(node);
  const grapheme = text ? [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text.value.trim())][0]?.segment : undefined;
  return text && grapheme && /\p{Extended_Pictographic}/u.test(grapheme) ? { text, value: grapheme } : undefined;
}

/** An element without one of its descendants. */
function without(node: Element, gone: Element): Element {
  return { ...node, children: node.children.filter((c) => c !== gone).map((c) => (c.type === 'element' ? without(c, gone) : c)) };
}

/** hast → mdast with the handbook's handlers (tables with block cells stay tables; a table of one cell is layout; a summary is a bold line; a documentation site's callout box is an aside). */
export function hastToMdast(tree: HastRoot | HastNodes, callouts?: CalloutBoxes): Root {
  const kindOf = callouts ? asideKinds(callouts) : undefined;
  /** A callout box is an aside (its title its label, its icon gone); any other such element is what hast-util-to-mdast makes of it. */
  const callout = (tag: 'div' | 'figure' | 'aside') => (state: State, node: Element) => {
    const box = callouts && kindOf ? calloutBox(node, callouts, kindOf) : undefined;
    if (!box) return defaultHandlers[tag](state, node);
    const title = box.title ? hastText(box.title).replace(/\s+/g, ' ').trim() : '';
    if (box.icon) box.icon.text.value = box.icon.text.value.trim().slice(box.icon.value.length);
    const body = box.title ? without(node, box.title) : node;
    const result = asideDirective(box.kind, title || undefined, state.toFlow(state.all(body)) as never);
    state.patch(node, result as never);
    return result as never;
  };
  return toMdast(tree, {
    handlers: {
      div: callout('div'),
      figure: callout('figure'),
      aside: callout('aside'),
      pre(state, node) {
        return defaultHandlers.pre(state, oneCodeBox(node));
      },
      // A details box's summary is its label: a bold line above what it folds (as a shortcode's title is).
      summary(state, node) {
        const result: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: state.all(node) as PhrasingContent[] }] };
        state.patch(node, result);
        return result;
      },
      // A figure's caption is said in italics below its picture, as a shortcode's caption is.
      figcaption(state, node) {
        const words = state.all(node) as PhrasingContent[];
        if (!words.every((c) => c.type === 'text' || c.type === 'emphasis' || c.type === 'strong' || c.type === 'inlineCode' || c.type === 'link')) return defaultHandlers.figcaption(state, node);
        if (!hastText(node).trim()) return undefined;
        const result: Paragraph = { type: 'paragraph', children: [{ type: 'emphasis', children: words }] };
        state.patch(node, result);
        return result;
      },
      table(state, node) {
        // One cell (a code box laid out as a table, its number column removed): the cell's content.
        const cells = cellsOf(node);
        if (cells.length === 1 && cells[0]) return state.toFlow(state.all(cells[0])) as never;
        if (!hasBlockCell(node)) {
          // A table with no header cells (Word's, most editors') gets an empty header row; its first row is its header.
          const table = defaultHandlers.table(state, node) as Table;
          const [first, ...rest] = table.children;
          if (first && rest.length && first.children.every((cell) => cell.children.length === 0)) table.children = rest;
          return table as never;
        }
        const result = richTable(state, node);
        state.patch(node, result as never);
        return result as never;
      },
    },
  }) as Root;
}

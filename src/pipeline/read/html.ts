import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { JunkRules } from '../rules/schemas.ts';
import type { Dropped } from '../types.ts';
import { dropHinted, findArticle } from './article-box.ts';
import { withScheme } from '../text/web-address.ts';
import { type CalloutBoxes, hastToMdast } from './hast-to-mdast.ts';
import { sanitizeHast } from './sanitize-hast.ts';

export interface HtmlResult {
  tree: Root;
  title?: string;
  dropped: Dropped[];
}

/** A node's text as one line. */
const textOf = (node: HastNodes | undefined) => (node ? toString(node).replace(/\s+/g, ' ').trim() : '');

/** Removes every element matched by the junk rules, recording its text. */
function dropJunk(root: HastRoot, rules: JunkRules, dropped: Dropped[]): void {
  const doomed = new Map<HastNodes, string>();
  for (const rule of rules.html) {
    for (const selector of rule.selectors) {
      for (const element of selectAll(selector, root)) if (!doomed.has(element)) doomed.set(element, rule.id);
    }
  }
  const walk = (node: HastRoot | Element): void => {
    node.children = node.children.filter((child) => {
      const rule = doomed.get(child);
      if (rule === undefined) return true;
      const text = textOf(child);
      if (text) dropped.push({ rule: `html:${rule}`, text, ...(child.position ? { line: child.position.start.line } : {}) });
      return false;
    });
    for (const child of node.children) if (child.type === 'element') walk(child);
  };
  walk(root);
}

/**
 * The article's title. A saved page's <title> is the article's title followed by the site's
 * name (`Pod 的生命周期 - 某某的博客`), and one of its <h1>s the article's own heading (another
 * may be the site's name, in its header): the first <h1> the <title> starts with; else the
 * <title> without what follows its last separator; else the whole <title>. A page with no
 * <title> is titled by its first <h1>.
 */
function articleTitle(root: HastRoot, separators: string[]): string | undefined {
  const full = textOf(select('title', root));
  const headings = selectAll('h1', root).map(textOf).filter(Boolean);
  if (!full) return headings[0];
  const named = headings.find((h) => full.startsWith(h));
  if (named) return named;
  let cut = -1;
  for (const separator of separators) cut = Math.max(cut, full.lastIndexOf(separator));
  return cut > 0 ? full.slice(0, cut).trim() : full;
}

/**
 * Pictures a page loads lazily keep their address in another attribute (`data-src`), the src
 * holding a placeholder: an empty one, a `data:` picture, or the site's own loading picture (a
 * path on the site, which a saved page does not have). The first of `attributes` that holds a web
 * address becomes the src; a src that is a web address itself is kept.
 */
function lazyImages(root: HastRoot | Element, attributes: string[]): void {
  const keys = attributes.map((name) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()));
  // An address without its scheme (`//upload-images.jianshu.io/…`) is fetched over HTTPS.
  for (const img of selectAll('img', root)) {
    const src = withScheme(String(img.properties['src'] ?? ''));
    if (/^https?:\/\//i.test(src)) {
      img.properties['src'] = src;
      continue;
    }
    const address = keys.map((key) => withScheme(String(img.properties[key] ?? ''))).find((value) => /^https?:\/\//i.test(value));
    if (address) img.properties['src'] = address;
  }
}

/**
 * A list an editor exported one item at a time (Notion writes each bullet in a `<ul>` of its
 * own, each numbered item in an `<ol start="n">`) is one list again: lists of the same tag and
 * classes that follow each other, a numbered one where the next starts on, are joined.
 */
function joinSplitLists(parent: HastRoot | Element): void {
  const out: HastRoot['children'] = [];
  let last: Element | undefined;
  const startOf = (list: Element) => Number(list.properties['start'] ?? 1);
  const items = (list: Element) => list.children.filter((c) => c.type === 'element' && c.tagName === 'li').length;
  for (const child of parent.children) {
    if (child.type === 'text' && !child.value.trim() && last) continue;
    if (child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')) {
      const same = last && last.tagName === child.tagName && String(last.properties['className'] ?? '') === String(child.properties['className'] ?? '');
      if (same && last && (child.tagName === 'ul' || startOf(child) === startOf(last) + items(last))) {
        last.children.push(...child.children);
        continue;
      }
      out.push(child);
      last = child;
      continue;
    }
    if (child.type !== 'comment') last = undefined;
    out.push(child);
  }
  parent.children = out as never;
  for (const child of out) if (child.type === 'element') joinSplitLists(child);
}

/** Lists, as dropped, the text of every part of `body` outside the article's boxes: the largest such parts, one entry each. */
function dropOutside(body: Element | HastRoot, boxes: Set<Element>, dropped: Dropped[], title?: string): void {
  const holds = (node: Element): boolean => boxes.has(node) || node.children.some((c) => c.type === 'element' && holds(c));
  const walk = (node: Element | HastRoot) => {
    for (const child of node.children) {
      if (child.type === 'element' && boxes.has(child)) continue;
      if (child.type === 'element' && holds(child)) {
        walk(child);
        continue;
      }
      const text = child.type === 'element' || child.type === 'text' ? textOf(child) : '';
      // The page's title, outside its article box, names the page: it is not lost.
      if (text && text === title) continue;
      if (text) dropped.push({ rule: 'html:outside-article', text, ...(child.position ? { line: child.position.start.line } : {}) });
    }
  };
  walk(body);
}

/** Parses a saved web page and keeps its article, as an mdast tree. */
export function htmlToMdast(html: string, rules: JunkRules, callouts?: CalloutBoxes): HtmlResult {
  const root = unified().use(rehypeParse).parse(html);
  const dropped: Dropped[] = [];
  const title = articleTitle(root, rules['title-separators']);
  dropJunk(root, rules, dropped);
  let content: HastRoot | Element = root;
  for (const selector of rules.content) {
    const found = select(selector, root);
    if (found && toString(found).trim()) {
      content = found;
      break;
    }
  }
  let article: HastRoot = { type: 'root', children: content.type === 'root' ? content.children : [content] };
  // A site a selector knows: what lies outside its article box is reported too (the byline, a tip jar, related posts).
  if (content.type === 'element') dropOutside(select('body', root) ?? root, new Set([content]), dropped, title);
  // A site no selector knows: the box that holds most of the prose, what lies outside it reported.
  if (content === root) {
    const body = select('body', root) ?? root;
    const boxes = findArticle(body, rules['article-hints']);
    if (boxes) {
      dropOutside(body, new Set(boxes), dropped, title);
      for (const box of dropHinted(boxes, rules['article-hints'])) {
        const text = textOf(box);
        if (text) dropped.push({ rule: 'html:outside-article', text, ...(box.position ? { line: box.position.start.line } : {}) });
      }
      article = { type: 'root', children: boxes };
    }
  }
  lazyImages(article, rules['image-sources']);
  joinSplitLists(article);
  sanitizeHast(article, dropped);
  const tree = hastToMdast(article, callouts);
  return { tree, ...(title ? { title } : {}), dropped };
}

/**
 * Where a saved page of a site the content selectors do not know keeps its article: the element
 * that holds most of its prose. Blocks of prose (paragraphs, code, table cells, quotations, and
 * boxes that hold text but no other block) give points to the element around them and half to
 * the one around that: one point, one more per clause, one more per hundred characters (a Chinese
 * one counting two; at most three). A table's row or a list's item stands for its table or list. An element whose class or id says it is an article gains, one that says it is a
 * sidebar, a comment box or a footer loses (`article-hints` in content/junk-rules.yaml); its
 * points shrink by the share of its text inside links. The best element is the article, with
 * those of its siblings that score a fifth as well (an article cut into several boxes) and whose
 * names do not say they are something else; inside it, the boxes whose names say so go too (a
 * comment box under the article in the same wrapper).
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toString } from 'hast-util-to-string';
import type { JunkRules } from '../rules/schemas.ts';
import { escapeRegExp } from '../text/escape-reg-exp.ts';

type Hints = JunkRules['article-hints'];

const PROSE = new Set(['p', 'pre', 'td', 'blockquote']);
const BLOCKS = new Set(['p', 'pre', 'div', 'section', 'article', 'table', 'ul', 'ol', 'dl', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'header', 'footer', 'main', 'aside', 'nav', 'form', 'hr']);
/** Fewer characters than this make no prose (a caption, a button, a count). */
const MIN_PROSE = 25;
const CLAUSES = /[,，、。；;]/g;

/** A text's length as a Latin text would have it: a Chinese character says as much as two or three letters. */
const width = (text: string) => text.length + (text.match(/\p{Script=Han}/gu)?.length ?? 0);
/** Parts of a larger block that are no article alone: a table's row, a list's item. */
const PARTS = new Map([
  ['tr', 'table'],
  ['tbody', 'table'],
  ['thead', 'table'],
  ['li', 'ul,ol'],
  ['dd', 'dl'],
  ['dt', 'dl'],
]);

const isElement = (node: { type: string }): node is Element => node.type === 'element';
const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

function linkDensity(element: Element): number {
  const all = clean(toString(element)).length;
  if (all === 0) return 0;
  let inLinks = 0;
  const walk = (node: ElementContent) => {
    if (!isElement(node)) return;
    if (node.tagName === 'a') inLinks += clean(toString(node)).length;
    else node.children.forEach(walk);
  };
  element.children.forEach(walk);
  return inLinks / all;
}

function classWeight(element: Element, hints: { positive: RegExp; negative: RegExp }): number {
  const names = [...(Array.isArray(element.properties['className']) ? element.properties['className'] : []), element.properties['id'] ?? ''].join(' ');
  if (!names.trim()) return 0;
  return (hints.negative.test(names) ? -25 : 0) + (hints.positive.test(names) ? 25 : 0);
}

/** A word list as one case-insensitive pattern that finds the words inside class names (`post-detail`, `cmt_area`). */
const wordsPattern = (words: string[]) => new RegExp(words.length ? words.map(escapeRegExp).join('|') : '(?!)', 'i');

/**
 * The article of a page that no content selector found, as the elements that hold it (in page
 * order), or undefined when the page's body is itself the best box (a plain page of paragraphs).
 */
export function findArticle(body: Element | HastRoot, hints: Hints): Element[] | undefined {
  const patterns = { positive: wordsPattern(hints.positive), negative: wordsPattern(hints.negative) };
  const scores = new Map<Element, number>();
  const parents = new Map<Element, Element | HastRoot>();
  const add = (element: Element | HastRoot | undefined, points: number) => {
    if (!element || !isElement(element)) return;
    if (!scores.has(element)) scores.set(element, classWeight(element, patterns) + (element.tagName === 'div' ? 5 : 0));
    scores.set(element, (scores.get(element) ?? 0) + points);
  };
  const walk = (node: Element | HastRoot) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      parents.set(child, node);
      const leafBox = (child.tagName === 'div' || child.tagName === 'section') && !child.children.some((c) => isElement(c) && BLOCKS.has(c.tagName));
      if (PROSE.has(child.tagName) || leafBox) {
        const text = clean(toString(child));
        if (text.length >= MIN_PROSE) {
          const points = 1 + (text.match(CLAUSES)?.length ?? 0) + Math.min(Math.floor(width(text) / 100), 3);
          const parent = parents.get(child);
          add(parent as Element, points);
          add(parent && isElement(parent) ? (parents.get(parent) as Element) : undefined, points / 2);
        }
      }
      walk(child);
    }
  };
  walk(body);
  let best: Element | undefined;
  let bestScore = 0;
  const final = new Map<Element, number>();
  for (const [element, score] of scores) {
    const value = score * (1 - linkDensity(element));
    final.set(element, value);
    if (value > bestScore) {
      best = element;
      bestScore = value;
    }
  }
  if (!best || best === body) return undefined;
  // A table's row or a list's item is no article alone: the table or the list is.
  for (let whole = PARTS.get(best.tagName); whole; whole = best ? PARTS.get(best.tagName) : undefined) {
    let up = parents.get(best);
    while (up && isElement(up) && !whole.split(',').includes(up.tagName)) up = parents.get(up);
    if (!up || !isElement(up)) break;
    best = up;
  }
  const parent = parents.get(best);
  if (!parent) return [best];
  // Siblings that score a fifth as well belong to the same article, unless their names say they are comments or a sidebar.
  const threshold = Math.max(10, bestScore * 0.2);
  return (parent.children as { type: string }[]).filter((c): c is Element => isElement(c) && (c === best || ((final.get(c) ?? 0) >= threshold && classWeight(c, patterns) >= 0)));
}

/** Removes, from inside the article's boxes, the boxes whose class or id says they are no part of it; returns them. */
export function dropHinted(boxes: Element[], hints: Hints): Element[] {
  const patterns = { positive: wordsPattern(hints.positive), negative: wordsPattern(hints.negative) };
  const removed: Element[] = [];
  const walk = (node: Element) => {
    node.children = node.children.filter((child) => {
      if (!isElement(child)) return true;
      if (classWeight(child, patterns) < 0) {
        removed.push(child);
        return false;
      }
      walk(child);
      return true;
    });
  };
  boxes.forEach(walk);
  return removed;
}

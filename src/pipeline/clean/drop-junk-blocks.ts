import type { List, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { JunkRules } from '../rules/schemas.ts';
import { dropped, fixed, type NoteFile } from '../types.ts';

/** `[TOC]`, `@[TOC](文章目录)` (read as `@` and a link): a table of contents the blog engine fills in. */
const TOC_LINE = /^@?\[?toc\]?(\([^)]*\))?$/i;

/**
 * A link to an anchor of the page, or to another page of the site or note of the folder
 * (`concepts/pod.md`, `../README.md#安装`, `/docs/pod`, `/`): no scheme, no other host.
 */
const TOC_TARGET = /^(?![a-z][a-z0-9+.-]*:|\/\/)\S*$/i;

/**
 * Is this list a table of contents: every item a link to an anchor of the page or to another
 * note of the folder, as GitBook's SUMMARY.md, docsify's _sidebar.md and a repository's README
 * list them (nested lists allowed, and an item that only labels the list nested in it: `基础`)?
 */
function isTocList(list: List): boolean {
  return list.children.length > 0 && list.children.every((item) => {
    const nested = item.children.some((child) => child.type === 'list');
    return item.children.every((child) => {
      if (child.type === 'list') return isTocList(child);
      if (child.type !== 'paragraph') return false;
      const parts = child.children.filter((c) => c.type !== 'text' || c.value.trim() !== '');
      if (nested && parts.length === 1 && parts[0]?.type === 'text') return true;
      return parts.length === 1 && parts[0]?.type === 'link' && TOC_TARGET.test(parts[0].url);
    });
  });
}

const flat = (node: RootContent) => toString(node).replace(/\s+/g, ' ').trim();

/**
 * Tables of contents that blog engines put above a post, as `junk-rules.yaml` says: a list made
 * only of links to the page's own anchors or to other notes (with the caption above it, such as 文章目录), and
 * `[TOC]` lines. Runs before relative links are turned into text.
 */
export function dropTablesOfContents(tree: Root, file: NoteFile, junk: JunkRules): void {
  const captions = new Set(junk['toc-captions'].map((c) => c.toLowerCase()));
  walkBlocks(tree, (child, kept) => {
    if (child.type === 'list' && isTocList(child)) {
      const before = kept.at(-1);
      if (before && (before.type === 'paragraph' || before.type === 'heading') && captions.has(flat(before).replace(/[:：]$/, '').toLowerCase())) drop(file, kept.pop() as RootContent, 'toc');
      drop(file, child, 'toc');
      return false;
    }
    if (child.type === 'paragraph' && TOC_LINE.test(flat(child))) {
      drop(file, child, 'toc');
      return false;
    }
    return true;
  });
}

/**
 * Lines scrapers and blog engines add to a post, as `junk-rules.yaml` says: image caption lines,
 * share prompts, copyright boilerplate, post dates and view counts (a paragraph, heading or list item
 * whose whole text matches: a plain-text note's short lines are read as headings).
 * Alt texts that say nothing (editor placeholders, file names) are emptied.
 */
export function dropJunkLines(tree: Root, file: NoteFile, junk: JunkRules): void {
  const lineRules = junk.lines.map((rule) => ({ id: rule.id, patterns: rule.patterns.map((p) => new RegExp(p, 'iu')) }));
  const alts = junk['image-alts'].map((p) => new RegExp(p, 'iu'));
  const lineRule = (text: string) => lineRules.find((rule) => rule.patterns.some((p) => p.test(text)))?.id;
  walkBlocks(tree, (child) => {
    if (child.type === 'image' && child.alt && alts.some((p) => p.test(child.alt ?? ''))) {
      child.alt = '';
      fixed(file, 'image-alt');
    }
    if (child.type !== 'paragraph' && child.type !== 'listItem' && child.type !== 'heading') return true;
    const text = flat(child);
    const rule = text ? lineRule(text) : undefined;
    if (rule && (child.type !== 'listItem' || child.children.every((c) => c.type === 'paragraph'))) {
      drop(file, child, `line:${rule}`);
      return false;
    }
    return true;
  });
}

function drop(file: NoteFile, node: RootContent, rule: string): void {
  const text = flat(node);
  if (text) dropped(file, rule, text, node.position?.start.line);
}

/** Visits every node below `parent`, depth first; a node the callback refuses is removed. */
function walkBlocks(parent: Parent, keep: (child: RootContent, kept: RootContent[]) => boolean): void {
  const kept: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (!keep(child, kept)) continue;
    if ('children' in child) walkBlocks(child, keep);
    kept.push(child);
  }
  parent.children = kept as never;
}

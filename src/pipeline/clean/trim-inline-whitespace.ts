import type { Parent, PhrasingContent, Root } from 'mdast';
import { visit } from '../tree/visit.ts';

const LATIN_EDGE = /[A-Za-z0-9]/;

/**
 * Saved web pages pad inline code and bold text with the white space of their indentation
 * (`kubectl `, `**写入 etcd **`), which Markdown would show as stray spaces or `&#x20;`.
 * The padding is removed; a single space stays outside only where Latin words would otherwise touch.
 * Line breaks at the end of a paragraph or heading go, and so does the line end right after a break;
 * so does the indent at the start of a paragraph's lines.
 */
export function trimInlineWhitespace(tree: Root): void {
  visit(tree, 'inlineCode', (node) => {
    node.value = node.value.replace(/\s+/g, ' ').trim();
  });
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    const out: PhrasingContent[] = [];
    const children = parent.children as PhrasingContent[];
    children.forEach((child, i) => {
      if ((child.type === 'strong' || child.type === 'emphasis') && child.children.length) {
        const first = child.children[0];
        const last = child.children.at(-1);
        let lead = false;
        let trail = false;
        if (first?.type === 'text' && /^\s/.test(first.value)) {
          first.value = first.value.trimStart();
          lead = true;
        }
        if (last?.type === 'text' && /\s$/.test(last.value)) {
          last.value = last.value.trimEnd();
          trail = true;
        }
        const before = children[i - 1];
        const after = children[i + 1];
        const beforeChar = before?.type === 'text' ? before.value.slice(-1) : '';
        const afterChar = after?.type === 'text' ? after.value.charAt(0) : '';
        if (lead && LATIN_EDGE.test(beforeChar)) out.push({ type: 'text', value: ' ' });
        out.push(child);
        if (trail && LATIN_EDGE.test(afterChar)) out.push({ type: 'text', value: ' ' });
        return;
      }
      out.push(child);
    });
    parent.children = out as never;
  });
  // A line break that ends a paragraph or a heading (`…不会。<br>`) breaks nothing: Markdown would
  // write it as a backslash, which the page shows.
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return;
    const children = node.children;
    let popped = false;
    for (let last = children.at(-1); last && (last.type === 'break' || (last.type === 'text' && !last.value.trim())); last = children.at(-1)) {
      children.pop();
      popped = true;
    }
    const last = children.at(-1);
    if (popped && last?.type === 'text') last.value = last.value.trimEnd();
  });
  // The first-line indent of Chinese writing (`　　`, `&emsp;&emsp;`, `&nbsp;` runs): Markdown takes
  // no such character for white space, and the page indented some paragraphs and not others.
  visit(tree, 'paragraph', (node) => {
    node.children.forEach((child, i) => {
      if (child.type !== 'text') return;
      const lineStart = i === 0 || node.children[i - 1]?.type === 'break';
      child.value = (lineStart ? child.value.replace(/^[^\S\n]+/, '') : child.value).replace(/\n[^\S\n]+/g, '\n');
    });
  });
  // The line end after a break (`…默认是 Always。<br/>` and the next line) is the break's own:
  // kept, Markdown writes it as `&#xA;` at the start of the next line.
  visit(tree, 'break', (_node, index, parent) => {
    const next = parent && index !== undefined ? parent.children[index + 1] : undefined;
    if (next?.type === 'text') next.value = next.value.replace(/^[ \t]*\n[ \t]*/, '');
  });
}

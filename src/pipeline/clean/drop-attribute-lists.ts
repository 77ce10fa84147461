import type { Heading, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import { visit, SKIP } from '../tree/visit.ts';
import { fixed, type NoteFile } from '../types.ts';

/** One attribute: `#id`, `.class` or `key=value` (the value quoted or bare). */
const ATTRIBUTE = String.raw`(?:[#.][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s{}"']+))`;
/**
 * An attribute list as Pandoc, kramdown and Hugo's Goldmark write them: `{width=1920 height=882}`,
 * `{#id .class}`, `{: .center}`. Nothing else between the braces.
 */
const LIST = String.raw`\{:?[ \t]*${ATTRIBUTE}(?:[ \t]+${ATTRIBUTE})*[ \t]*\}`;
/** Right after a picture, on its line or the next: `![架构](a.png){width=50%}`. */
const AFTER_PICTURE = new RegExp(String.raw`^[ \t]*\n?[ \t]*${LIST}`);
/** At the end of a heading, naming its anchor: `## 安装 {#install}`, `## 安装 {: #install .x}`. */
const HEADING_END = new RegExp(String.raw`[ \t]+\{:?[ \t]*#[\w-]+(?:[ \t]+${ATTRIBUTE})*[ \t]*\}[ \t]*$`);
/** A paragraph that is nothing but a kramdown block attribute list (it styles the block before it). */
const BLOCK_LIST = new RegExp(String.raw`^\{:[ \t]*${ATTRIBUTE}(?:[ \t]+${ATTRIBUTE})*[ \t]*\}$`);

/** A picture, or a link around nothing but a picture. */
function isPictureNode(node: RootContent | undefined): boolean {
  if (node?.type === 'image' || node?.type === 'imageReference') return true;
  return (node?.type === 'link' || node?.type === 'linkReference') && node.children.length === 1 && isPictureNode(node.children[0]);
}

const count = (file: NoteFile) => fixed(file, 'attribute-list');

/**
 * Drops the attribute lists other generators put after pictures, at the end of headings and
 * under blocks: markup the site has no use for, which Markdown would otherwise show as text
 * (`{width=1920 height=3638}` under a picture). The site sizes pictures itself; headings get their
 * anchors from their text. Counted in the report under `attribute-list`.
 */
export function dropAttributeLists(tree: Root, file: NoteFile): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return SKIP;
    if (node.type === 'heading') {
      const last = (node as Heading).children.at(-1);
      if (last?.type === 'text' && HEADING_END.test(last.value)) {
        last.value = last.value.replace(HEADING_END, '');
        count(file);
      }
      return undefined;
    }
    if (node.type === 'paragraph' && parent && index !== undefined) {
      const only = (node as Paragraph).children;
      if (only.length === 1 && only[0]?.type === 'text' && BLOCK_LIST.test(only[0].value.trim())) {
        parent.children.splice(index, 1);
        count(file);
        return [SKIP, index];
      }
    }
    if (!('children' in node)) return undefined;
    const parentNode = node as Parent;
    const emptied = new Set<Text>();
    parentNode.children.forEach((child, i) => {
      if (child.type !== 'text' || !isPictureNode(parentNode.children[i - 1])) return;
      const match = AFTER_PICTURE.exec(child.value);
      if (!match) return;
      child.value = child.value.slice(match[0].length);
      if (!child.value) emptied.add(child);
      count(file);
    });
    if (emptied.size) parentNode.children = parentNode.children.filter((child) => !emptied.has(child as Text)) as typeof parentNode.children;
    return undefined;
  });
}

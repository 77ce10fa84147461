import type { Code, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxjsEsm } from 'mdast-util-mdx';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** The component that draws a code block, and the name the pages call it by. */
const COMPONENT = { from: '@astrojs/starlight/components', export: 'Code', local: 'HandbookCode' } as const;

const attribute = (name: string, value: string): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value });

/** `import { Code as HandbookCode } from '@astrojs/starlight/components'`, as the MDX compiler reads it. */
function importNode(): MdxjsEsm {
  const identifier = (name: string) => ({ type: 'Identifier' as const, name });
  return {
    type: 'mdxjsEsm',
    value: `import { ${COMPONENT.export} as ${COMPONENT.local} } from '${COMPONENT.from}'`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [{ type: 'ImportDeclaration', attributes: [], specifiers: [{ type: 'ImportSpecifier', imported: identifier(COMPONENT.export), local: identifier(COMPONENT.local) }], source: { type: 'Literal', value: COMPONENT.from } }],
      },
    },
  };
}

/** A fenced code block as a call of the code component, with its text, language and meta as they were. */
function asComponent(node: Code): MdxJsxFlowElement {
  const attributes = [attribute('code', node.value), ...(node.lang ? [attribute('lang', node.lang)] : []), ...(node.meta ? [attribute('meta', node.meta)] : [])];
  return { type: 'mdxJsxFlowElement', name: COMPONENT.local, attributes, children: [], ...(node.position ? { position: node.position } : {}) };
}

/**
 * Remark plugin for the chapters (MDX): each fenced code block is drawn when its page is
 * generated, by the same Expressive Code component Starlight draws Markdown code with, instead
 * of when the page's module is compiled. The page's HTML is the same; what changes is the
 * module: it holds the code as one string instead of the highlighted HTML (four to ten times
 * longer), and the bundler that holds every page's module at once needs that much less memory
 * and time. Empty blocks (the component refuses them) and Markdown pages keep the usual path.
 */
export default function remarkCodeAtRender() {
  return (tree: Root, file: VFile) => {
    if (!file.path?.endsWith('.mdx')) return;
    let used = false;
    visit(tree, 'code', (node, index, parent) => {
      if (!parent || index === undefined || !node.value.trim()) return;
      parent.children[index] = asComponent(node);
      used = true;
    });
    if (used) tree.children.unshift(importNode());
  };
}

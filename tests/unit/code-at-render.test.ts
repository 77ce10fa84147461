import { compile, createProcessor } from '@mdx-js/mdx';
import fc from 'fast-check';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkCodeAtRender from '../../src/site/code-at-render.ts';

/** The page's tree as the site's MDX compiler holds it after the plugin, for a page at `path`. */
function transformed(markdown: string, path = 'content/networking/page.mdx'): Root {
  let tree: Root | undefined;
  const capture = () => (t: Root) => void (tree = structuredClone(t));
  createProcessor({ remarkPlugins: [remarkCodeAtRender, capture] }).processSync(new VFile({ path, value: markdown }));
  if (!tree) throw new Error('the plugins did not run');
  return tree;
}

const calls = (tree: Root) => tree.children.filter((n): n is MdxJsxFlowElement => n.type === 'mdxJsxFlowElement' && n.name === 'HandbookCode');
const props = (node: MdxJsxFlowElement) => Object.fromEntries(node.attributes.map((a) => [a.type === 'mdxJsxAttribute' ? a.name : '?', a.value]));

describe('code blocks drawn when the page is generated', () => {
  it('turns each fenced block of a chapter into one component call with its text, language and meta, imported once', () => {
    const tree = transformed(['# 部署', '', '```bash title="安装"', 'kubectl apply -f pod.yaml', '```', '', '中间的一句话。', '', '```', 'plain {text} <with> `marks`', '```', ''].join('\n'));
    expect(calls(tree).map(props)).toEqual([{ code: 'kubectl apply -f pod.yaml', lang: 'bash', meta: 'title="安装"' }, { code: 'plain {text} <with> `marks`' }]);
    expect(tree.children[0]).toMatchObject({ type: 'mdxjsEsm', value: "import { Code as HandbookCode } from '@astrojs/starlight/components'" });
    expect(tree.children.filter((n) => n.type === 'mdxjsEsm')).toHaveLength(1);
    expect(tree.children.some((n) => n.type === 'code')).toBe(false);
  });

  it('leaves empty blocks, pages without code and Markdown pages as they were', () => {
    expect(transformed('```yaml\n\n```\n').children.map((n) => n.type)).toEqual(['code']);
    expect(transformed('只有文字。\n').children.map((n) => n.type)).toEqual(['paragraph']);
    expect(transformed('```bash\nls\n```\n', 'content/index.md').children.map((n) => n.type)).toEqual(['code']);
  });

  it('keeps any code text exactly, whatever characters it holds (property)', () => {
    const line = fc.string({ unit: fc.constantFrom('a', '中', ' ', '{', '}', '<', '>', '"', "'", '`', '\\', '$', '&', '\t', '#'), maxLength: 30 });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const code = lines.join('\n');
        fc.pre(code.trim() !== '' && !code.includes('```') && !/^\s*$/m.test(code.split('\n').at(-1) ?? ''));
        const node = calls(transformed(`\`\`\`text\n${code}\n\`\`\`\n`))[0];
        expect(node && props(node)['code']).toBe(code);
      }),
      { numRuns: 200 },
    );
  });

  it('compiles: the MDX compiler accepts the import and the calls it makes', async () => {
    const out = String(await compile(new VFile({ path: 'page.mdx', value: '```go\nfunc main() {}\n```\n' }), { remarkPlugins: [remarkCodeAtRender], jsx: true }));
    expect(out).toContain('import {Code as HandbookCode} from "@astrojs/starlight/components";');
    expect(out).toContain('<HandbookCode code="func main() {}" lang="go" />');
  });
});

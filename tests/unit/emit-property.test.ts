import { evaluate } from '@mdx-js/mdx';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { toMdx } from '../../src/pipeline/emit/index.ts';

/** A JSX runtime that renders to plain text: what a reader would see, nothing executed besides MDX's own output. */
type Node = string | number | null | undefined | boolean | { props: { children?: Node | Node[] } } | Node[];
const text = (node: Node): string => {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(text).join('');
  return text(node.props.children);
};
const jsx = (type: unknown, props: { children?: Node | Node[] }) => {
  if (typeof type === 'function') return (type as (p: unknown) => Node)(props);
  return { props };
};
const runtime = { Fragment: (props: { children?: Node }) => ({ props }), jsx, jsxs: jsx };

const PIECES = ['{', '}', '<', '>', '</', '<!--', '-->', 'import ', 'export ', 'import x from "y"', 'export const a = 1', '{process.exit(1)}', '{{ .Values.x }}', '<script>', '`', '```', '*', '_', '[', ']', '(', ')', '#', '&', '&amp;', '&#x69;', '\\', '!', '|', '~', '$', ':', 'javascript:', '<none>', 'a < b', '---', '+', '-', '1.', '> ', '中文', 'Pod', ' ', '\t'];
const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 }));
const content = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join('').replace(/[\r\n\u2028\u2029]/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''));
const visible = (s: string) => s.replace(/\s+/g, ' ').trim();

async function rendered(tree: Root): Promise<string> {
  const mdx = toMdx(tree);
  const module = await evaluate(mdx, { ...runtime, development: false } as never);
  return visible(text((module.default as (p: object) => Node)({})));
}

describe('emitter (property): any text stays text', () => {
  it('(the harness runs MDX for real: an unescaped expression is evaluated)', async () => {
    const module = await evaluate('{1 + 1} and {"<b>"}', { ...runtime, development: false } as never);
    expect(visible(text((module.default as (p: object) => Node)({})))).toBe('2 and <b>');
  });

  it('a paragraph of random text with MDX and HTML metacharacters compiles and renders back to the same text', async () => {
    await fc.assert(
      fc.asyncProperty(content.filter((s) => visible(s) !== ''), async (value) => {
        expect(await rendered({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] })).toBe(visible(value));
      }),
      { numRuns: 300 },
    );
  });

  it('headings, list items and strong text too', async () => {
    await fc.assert(
      fc.asyncProperty(content.filter((s) => visible(s) !== ''), content.filter((s) => visible(s) !== ''), async (a, b) => {
        const tree: Root = {
          type: 'root',
          children: [
            { type: 'heading', depth: 2, children: [{ type: 'text', value: a }] },
            { type: 'list', ordered: false, children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: a }] }, { type: 'text', value: b }] }] }] },
          ],
        };
        // Blocks are separated by line breaks in the output: compare without white space.
        const bare = (s: string) => s.replace(/\s+/g, '');
        expect(bare(await rendered(tree))).toBe(bare(`${a}${a}${b}`));
      }),
      { numRuns: 150 },
    );
  });
});

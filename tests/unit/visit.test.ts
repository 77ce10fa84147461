import fc from 'fast-check';
import type { Root } from 'mdast';
import type { Node, Parent } from 'unist';
import { visit as packageVisit } from 'unist-util-visit';
import { visitParents as packageVisitParents } from 'unist-util-visit-parents';
import { describe, expect, it } from 'vitest';
import { EXIT, SKIP, visit, visitParents } from '../../src/pipeline/tree/visit.ts';

type TestNode = Node & { id: number; children?: TestNode[] };
type RawNode = { type: string; children?: RawNode[] | undefined };
const TYPES = ['paragraph', 'text', 'link', 'heading'] as const;

/** Random trees of numbered nodes of a few types; some have children, some an empty list of them. */
const trees = fc
  .letrec<{ node: RawNode }>((tie) => ({
    node: fc.record({ type: fc.constantFrom(...TYPES), children: fc.option(fc.array(tie('node'), { maxLength: 4 }), { nil: undefined, freq: 2 }) }, { requiredKeys: ['type'] }),
  }))
  .node.map((raw) => {
    let next = 0;
    const number = (node: RawNode): TestNode => ({ type: node.type, id: next++, ...(node.children ? { children: node.children.map(number) } : {}) });
    return { type: 'root', id: -1, children: [number(raw)] } as TestNode;
  });

/**
 * What a visitor answers for a node, picked by its number: go on, skip its children, stop, go on
 * past the next sibling (in the direction of the walk), or at the next sibling named by its
 * index, or an action with an index. An index back to where the walk has been would never end.
 */
const ANSWERS = [undefined, SKIP, EXIT, 'past-next', 'next', [SKIP, 'past-next'], true] as const;
function answer(choice: number[], node: TestNode, index: number | undefined, reverse = false): unknown {
  const picked = ANSWERS[(choice[(node.id + 1) % choice.length] ?? 0) % ANSWERS.length];
  const step = reverse ? -1 : 1;
  const at = (value: unknown) => (value === 'past-next' ? (index ?? 0) + 2 * step : value === 'next' ? (index ?? 0) + step : value);
  return Array.isArray(picked) ? picked.map(at) : at(picked);
}

describe('the pipeline’s tree walks', () => {
  it('visit meets the same nodes, indexes and parents as unist-util-visit, whatever the visitor answers', () => {
    fc.assert(
      fc.property(trees, fc.array(fc.nat(20), { minLength: 1, maxLength: 12 }), fc.option(fc.constantFrom(...TYPES), { nil: undefined }), fc.boolean(), (tree, choice, type, reverse) => {
        const walked = (walk: typeof packageVisit) => {
          const seen: string[] = [];
          const visitor = (node: TestNode, index: number | undefined, parent: TestNode | undefined) => {
            seen.push(`${node.id}@${index}<${parent?.id}`);
            return answer(choice, node, index, reverse);
          };
          if (type) (walk as (t: Node, c: string, v: typeof visitor, r: boolean) => void)(tree, type, visitor, reverse);
          else (walk as (t: Node, v: typeof visitor, r: boolean) => void)(tree, visitor, reverse);
          return seen;
        };
        expect(walked(visit as typeof packageVisit)).toEqual(walked(packageVisit));
      }),
      { numRuns: 500 },
    );
  });

  it('visitParents gives each node the same ancestors as unist-util-visit-parents', () => {
    fc.assert(
      fc.property(trees, fc.array(fc.nat(20), { minLength: 1, maxLength: 12 }), fc.constantFrom(...TYPES), (tree, choice, type) => {
        const walked = (walk: typeof packageVisitParents) => {
          const seen: string[] = [];
          const kept: Parent[][] = [];
          (walk as (t: Node, c: string, v: (n: TestNode, a: Parent[]) => unknown) => void)(tree, type, (node, ancestors) => {
            seen.push(`${node.id}<${ancestors.map((a) => (a as TestNode).id).join(',')}`);
            kept.push(ancestors);
            const picked = answer(choice, node, undefined);
            return typeof picked === 'number' || Array.isArray(picked) ? undefined : picked;
          });
          // A visitor may keep its list of ancestors: later nodes do not change it.
          return [...seen, ...kept.map((list) => list.map((a) => (a as TestNode).id).join(','))];
        };
        expect(walked(visitParents as typeof packageVisitParents)).toEqual(walked(packageVisitParents));
      }),
      { numRuns: 300 },
    );
  });

  it('goes on at the index a visitor returns after it changed the list of children', () => {
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a' }, { type: 'html', value: '<br>' }, { type: 'text', value: 'b' }] }] };
    const seen: string[] = [];
    visit(tree, (node, index, parent) => {
      seen.push(node.type);
      if (node.type === 'html' && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return index;
      }
      return undefined;
    });
    expect(seen).toEqual(['root', 'paragraph', 'text', 'html', 'text']);
    expect(tree.children[0]).toMatchObject({ children: [{ value: 'a' }, { value: 'b' }] });
  });
});

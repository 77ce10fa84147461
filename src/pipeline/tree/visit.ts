/**
 * Depth-first walks over unist trees, in preorder (or reverse preorder), as `unist-util-visit`
 * and `unist-util-visit-parents` make them, with the same visitor results (SKIP, EXIT, the index
 * to go on at) and the same types, for the two forms the pipeline uses: every node, or the nodes
 * of one type. Those packages give the function that visits each node a name of its own, for
 * stack traces; over the many walks of the clean steps that came to a fifth of a note's time
 * (tests/unit/visit.test.ts holds the walks to the packages' order and results).
 */
import type { Node, Parent } from 'unist';
import { CONTINUE, EXIT, SKIP, type BuildVisitor } from 'unist-util-visit';
import type { BuildVisitor as BuildParentsVisitor } from 'unist-util-visit-parents';

export { CONTINUE, EXIT, SKIP };

type Result = readonly [unknown?, number?];
const NOTHING: Result = [];

/** A visitor's return value as an action and an index, as the packages read it. */
function toResult(value: unknown): Result {
  if (Array.isArray(value)) return value as unknown as Result;
  if (typeof value === 'number') return [CONTINUE, value];
  return value === null || value === undefined ? NOTHING : [value];
}

const childrenOf = (node: Node): Node[] | undefined => (node as Partial<Parent>).children;

/**
 * Calls `visitor` with each node of `tree` (of type `check`, when given), its index and its
 * parent, as unist-util-visit's `visit` does.
 */
export function visit<Tree extends Node, Check extends string>(tree: Tree, check: Check, visitor: BuildVisitor<Tree, Check>, reverse?: boolean): undefined;
export function visit<Tree extends Node>(tree: Tree, visitor: BuildVisitor<Tree>, reverse?: boolean): undefined;
export function visit(tree: Node, checkOrVisitor: string | ((...args: never[]) => unknown), visitorOrReverse?: ((...args: never[]) => unknown) | boolean, maybeReverse?: boolean): undefined {
  const check = typeof checkOrVisitor === 'string' ? checkOrVisitor : undefined;
  const visitor = (typeof checkOrVisitor === 'function' ? checkOrVisitor : visitorOrReverse) as (node: Node, index: number | undefined, parent: Parent | undefined) => unknown;
  const reverse = Boolean(typeof checkOrVisitor === 'function' ? visitorOrReverse : maybeReverse);
  const step = reverse ? -1 : 1;
  const go = (node: Node, index: number | undefined, parent: Parent | undefined): Result => {
    const result = check === undefined || node.type === check ? toResult(visitor(node, index, parent)) : NOTHING;
    if (result[0] === EXIT) return result;
    const children = childrenOf(node);
    if (children && result[0] !== SKIP) {
      for (let offset = reverse ? children.length - 1 : 0; offset > -1 && offset < children.length; ) {
        const sub = go(children[offset] as Node, offset, node as Parent);
        if (sub[0] === EXIT) return sub;
        offset = typeof sub[1] === 'number' ? sub[1] : offset + step;
      }
    }
    return result;
  };
  go(tree, undefined, undefined);
  return undefined;
}

/**
 * Calls `visitor` with each node of `tree` of type `check` and its ancestors, root first, as
 * unist-util-visit-parents' `visitParents` does. Each node's list of ancestors is its own.
 */
export function visitParents<Tree extends Node, Check extends string>(tree: Tree, check: Check, visitor: BuildParentsVisitor<Tree, Check>): undefined {
  const visit = visitor as unknown as (node: Node, ancestors: Parent[]) => unknown;
  const go = (node: Node, ancestors: Parent[]): Result => {
    const result = node.type === check ? toResult(visit(node, ancestors)) : NOTHING;
    if (result[0] === EXIT) return result;
    const children = childrenOf(node);
    if (children && result[0] !== SKIP) {
      const below = [...ancestors, node as Parent];
      for (let offset = 0; offset > -1 && offset < children.length; ) {
        const sub = go(children[offset] as Node, below);
        if (sub[0] === EXIT) return sub;
        offset = typeof sub[1] === 'number' ? sub[1] : offset + 1;
      }
    }
    return result;
  };
  go(tree, []);
  return undefined;
}

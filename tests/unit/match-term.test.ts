import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTerm, termPattern } from '../../src/pipeline/classify/match-term.ts';

/** Pieces of terms and texts: Latin words in any case, separators, Chinese, Greek and a dotted capital I (cased letters beyond ASCII). */
const PIECES = ['kube', 'KUBE', 'Proxy', 'proxy', 'pod', 'Pods', 'Service', 'account', ' ', '-', '_', '节点', '调度', 'Σ', 'σ', 'İ', 'i', '。', '(', 'es'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((pieces) => pieces.join(''));
const term = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(''));

describe('counting a taxonomy term in a text', () => {
  it('counts what the term’s pattern matches, whether or not the text is searched at all', () => {
    fc.assert(
      fc.property(text, text, term, (heading, body, t) => {
        // A heading and a body in turn, as a part is scored: each count is the pattern's own.
        for (const part of [heading, body, heading]) expect(countTerm(part, t)).toBe(part.match(termPattern(t))?.length ?? 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a Latin term in any case and with any separator, and only as a whole word', () => {
    expect(countTerm('KUBE-PROXY 和 kube proxy 以及 kubeproxy', 'kube-proxy')).toBe(3);
    expect(countTerm('description', 'cri')).toBe(0);
    expect(countTerm('两个 Pods 在节点上', 'pod')).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wrapLabel } from '../../src/pipeline/diagram/mermaid-code.ts';
import { textWidth } from '../../src/pipeline/text/line-patterns.ts';
import { DIAGRAM_CASES, drawCase, scoreCases } from '../helpers/diagram-set.ts';

describe('diagram test set: each process gets the diagram a careful reader would draw', () => {
  it('has at least 30 cases in every style', () => {
    expect(DIAGRAM_CASES.length).toBeGreaterThanOrEqual(30);
    for (const kind of ['sequence', 'flowchart', 'none'] as const) expect(DIAGRAM_CASES.filter((c) => c.kind === kind).length).toBeGreaterThanOrEqual(5);
  });

  for (const c of DIAGRAM_CASES) {
    it(c.name, () => {
      const drawn = drawCase(c);
      expect({ kind: drawn.kind, messages: drawn.messages }, `${drawn.code}\n${drawn.reasons.join('\n')}`).toEqual({ kind: c.kind, messages: c.kind === 'sequence' ? c.messages : [] });
    });
  }

  it('never cuts a label', () => {
    for (const c of DIAGRAM_CASES) expect(drawCase(c).code).not.toContain('…');
  });

  it('scores every drawn message as right (precision 100 %)', () => {
    const score = scoreCases();
    expect(score.rightMessages).toBe(score.drawnMessages);
  });
});

describe('label wrapping', () => {
  it('never drops, adds or reorders a character, and keeps lines within the width unless one word is wider', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('创', '建', 'Pod', ' ', 'kube-apiserver', '，', '（', '）', 'a', '/', '。') as fc.Arbitrary<string>, maxLength: 40 }), fc.integer({ min: 8, max: 30 }), (text, width) => {
        const lines = wrapLabel(text, width);
        expect(lines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        for (const line of lines) {
          const words = line.match(/[A-Za-z0-9_./:@'’-]+/g) ?? [];
          const widest = Math.max(0, ...words.map(textWidth));
          // A line may pass the width by a long word, a moved punctuation mark, or one joined last character.
          expect(textWidth(line)).toBeLessThanOrEqual(Math.max(width, widest) + width + 4);
        }
      }),
    );
  });
});

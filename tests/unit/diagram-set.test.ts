import { describe, expect, it } from 'vitest';
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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldNearDuplicates } from '../../src/pipeline/merge/near-duplicates.ts';
import type { Section } from '../../src/pipeline/types.ts';

/** Twelve sentences of nine characters or more, so each counts. */
const SENTENCES = Array.from({ length: 12 }, (_, i) => `第${'一二三四五六七八九十甲乙'[i]}句说明控制器如何调谐期望状态`);

const section = (source: string, picks: number[]): Section => ({
  source,
  index: 0,
  heading: source,
  originalHeading: source,
  children: [{ type: 'paragraph', children: [{ type: 'text', value: picks.map((i) => `${SENTENCES[i]}。`).join('') }] }],
});

/** The rule as it reads: each note against every kept note before it, the highest share from 80 % up, the earliest on a tie. */
function reference(notes: [string, number[]][]): { file: string; of: string }[] {
  const kept: [string, Set<number>][] = [];
  const found: { file: string; of: string }[] = [];
  for (const [name, picks] of [...notes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const own = new Set(picks);
    let best: { of: string; share: number } | undefined;
    if (own.size >= 5) {
      for (const [other, theirs] of kept) {
        const share = [...own].filter((s) => theirs.has(s)).length / own.size;
        if (share >= 0.8 && (!best || share > best.share)) best = { of: other, share: Math.round(share * 100) / 100 };
      }
    }
    if (best) found.push({ file: name, of: best.of });
    else kept.push([name, own]);
  }
  return found;
}

describe('near-duplicate notes', () => {
  it('finds the reposts the rule describes, on any set of notes (an index, not every pair)', () => {
    const note = fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 14 }), (picks) => {
        const notes = picks.map((p, i): [string, number[]] => [`note-${String(i).padStart(2, '0')}.md`, p]);
        const { reposts, sections } = foldNearDuplicates(notes.map(([name, p]) => section(name, p)));
        expect(reposts.map(({ file, of }) => ({ file, of }))).toEqual(reference(notes));
        expect(sections.map((s) => s.source)).toEqual(notes.map(([name]) => name).filter((name) => !reposts.some((r) => r.file === name)));
      }),
      { numRuns: 300 },
    );
  });
});

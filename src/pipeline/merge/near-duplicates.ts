import { toString } from 'mdast-util-to-string';
import { compareText } from '../../collation.ts';
import { normalize } from '../text/normalize.ts';
import type { Dropped, Section } from '../types.ts';

/** A note shown once because another note holds nearly all of it (a repost). */
export interface Repost {
  file: string;
  of: string;
  /** Share of the repost's sentences found in the other note. */
  share: number;
}

const SENTENCE = /[^。！？!?；;\n]+/g;
const MIN_SENTENCES = 5;
const MIN_SHARE = 0.8;
const MIN_SENTENCE = 8;

function sentences(parts: Section[]): Set<string> {
  const text = parts.flatMap((p) => p.children.map((c) => toString(c))).join('\n');
  return new Set((text.match(SENTENCE) ?? []).map(normalize).filter((s) => s.length >= MIN_SENTENCE));
}

/**
 * A note whose sentences are nearly all in an earlier note (by name) is a repost: its parts are
 * not shown again; the earlier note's parts name it as a second source, and the repost's parts
 * are returned as dropped with the rule `near-duplicate:<note>`, for the report.
 */
export function foldNearDuplicates(sections: Section[]): { sections: Section[]; reposts: Repost[]; dropped: Map<string, Dropped[]> } {
  const byNote = new Map<string, Section[]>();
  for (const s of sections) byNote.set(s.source, [...(byNote.get(s.source) ?? []), s]);
  const names = [...byNote.keys()].sort(compareText);
  const sets = new Map(names.map((n) => [n, sentences(byNote.get(n) ?? [])]));
  /** The notes kept so far, by their order, and for each sentence the kept notes that hold it. */
  const kept = new Map<string, number>();
  const holders = new Map<string, string[]>();
  const reposts: Repost[] = [];
  const dropped = new Map<string, Dropped[]>();
  for (const name of names) {
    const own = sets.get(name) ?? new Set<string>();
    let best: Repost | undefined;
    if (own.size >= MIN_SENTENCES) {
      // Shared sentences counted through the index, not note against note: a thousand notes are not a million comparisons.
      const shared = new Map<string, number>();
      for (const sentence of own) for (const other of holders.get(sentence) ?? []) shared.set(other, (shared.get(other) ?? 0) + 1);
      // The earliest kept note wins a tie, as it would walking them in order.
      for (const [other, count] of [...shared].sort(([a], [b]) => (kept.get(a) ?? 0) - (kept.get(b) ?? 0))) {
        const share = count / own.size;
        if (share >= MIN_SHARE && (!best || share > best.share)) best = { file: name, of: other, share: Math.round(share * 100) / 100 };
      }
    }
    if (!best) {
      kept.set(name, kept.size);
      for (const sentence of own) {
        const list = holders.get(sentence);
        if (list) list.push(name);
        else holders.set(sentence, [name]);
      }
      continue;
    }
    reposts.push(best);
    const rule = `near-duplicate:${best.of}`;
    dropped.set(
      name,
      (byNote.get(name) ?? []).flatMap((part) => {
        const text = part.children.map((c) => toString(c)).join('\n').trim();
        const line = part.children[0]?.position?.start.line;
        return text ? [line === undefined ? { rule, text } : { rule, text, line }] : [];
      }),
    );
  }
  // New part objects: the parts given are left as they were (a live rebuild reuses them).
  const alsoIn = new Map<string, string[]>();
  for (const r of reposts) alsoIn.set(r.of, [...(alsoIn.get(r.of) ?? []), r.file]);
  const reposted = new Set(reposts.map((r) => r.file));
  return {
    sections: sections.filter((s) => !reposted.has(s.source)).map((s) => {
      const others = alsoIn.get(s.source);
      return others ? { ...s, alsoIn: others } : s;
    }),
    reposts,
    dropped,
  };
}

import type { Actors } from '../rules/schemas.ts';
import { termPattern } from '../classify/match-term.ts';
import { compareText } from '../../collation.ts';

export interface Mention {
  id: string;
  start: number;
  end: number;
}

/** Finds the actors a text names, in order, longest alias first, never overlapping. */
export function actorFinder(actors: Actors): (text: string) => Mention[] {
  // Compiled once per finder; matchAll works on a copy, so the patterns are shared safely.
  const aliases = actors.actors
    .flatMap((a) => a.aliases.map((alias) => ({ id: a.id, alias, pattern: termPattern(alias) })))
    .sort((a, b) => b.alias.length - a.alias.length || compareText(a.alias, b.alias));
  return (text) => {
    const taken: Mention[] = [];
    for (const { id, pattern } of aliases) {
      for (const m of text.matchAll(pattern)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        if (!taken.some((t) => start < t.end && end > t.start)) taken.push({ id, start, end });
      }
    }
    return taken.sort((a, b) => a.start - b.start);
  };
}

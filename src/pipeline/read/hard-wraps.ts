import { cjkShare, CLOSES_LINE_START, OPENS_LINE_END, textWidth } from '../text/line-patterns.ts';

/** How lines that a printed page broke are told from lines an author ended. */
export interface WrapShapes {
  /** The narrowest width (half-width units) taken as a printed line width. */
  minWidth: number;
  /** A line ending in a word that needs what follows (通过, 的): the sentence goes on. */
  goesOn: RegExp;
}

/** Widths within this much of the printed width count as full: a wide character that did not fit moves to the next line. */
const slack = (width: number) => Math.max(4, Math.round(width * 0.1));

/**
 * Text copied from a PDF or a printout keeps the printed line breaks: every line of a paragraph
 * but its last is as wide as the page, and breaks fall mid-sentence, even mid-word
 * (`startupPro` / `be）`). A note reads so when at least three lines (`breaks`: lines followed by
 * one that may carry them on) share its widest width, of at least `minWidth`, and at least two of
 * those stop mid-sentence. Returns, for each line that starts a joined run, the run's text and
 * its last line; undefined when the note does not read so, and every line stays as written.
 */
export function hardWrapRuns(lines: string[], breaks: (i: number) => boolean, shapes: WrapShapes): Map<number, { text: string; end: number }> | undefined {
  const trimmed = lines.map((line) => line.trim());
  // Each line's width, and whether the next may carry it on, worked out once.
  const widths = trimmed.map(textWidth);
  const carrying = trimmed.map((line, i) => line !== '' && i + 1 < lines.length && trimmed[i + 1] !== '' && breaks(i));
  const candidates = widths.filter((_w, i) => carrying[i]).sort((a, b) => b - a);
  // The printed width: the widest width that three such lines share, within the slack (sorted widest first, the third is within it).
  const width = candidates.find((w, k) => (candidates[k + 2] ?? -Infinity) >= w - slack(w));
  if (width === undefined || width < shapes.minWidth) return undefined;
  const full = (i: number) => carrying[i] === true && (widths[i] ?? 0) >= width - slack(width);
  const midSentence = (i: number) => {
    const line = trimmed[i] ?? '';
    const next = trimmed[i + 1] ?? '';
    // A word cut in two: the line ends in letters and the next starts with a fragment (`Servic` / `e 的`).
    const cutWord = /[A-Za-z]$/.test(line) && (/^[a-z]{1,3}(?![A-Za-z])/.test(next) || (/(?<![A-Za-z])[A-Za-z]{1,2}$/.test(line) && /^[a-z]/.test(next)));
    return OPENS_LINE_END.test(line) || shapes.goesOn.test(line) || CLOSES_LINE_START.test(next) || cutWord;
  };
  const fullLines = trimmed.flatMap((_line, i) => (full(i) ? [i] : []));
  if (fullLines.length < 3 || fullLines.filter(midSentence).length < 2) return undefined;
  // A break inside a Latin word (`Servic` / `e`) joins without a space in a Chinese note: its lines break anywhere.
  const latinSpace = cjkShare(lines.join('\n')) < 0.3 ? ' ' : '';
  const runs = new Map<number, { text: string; end: number }>();
  for (let i = 0; i < lines.length; i++) {
    if (!full(i)) continue;
    let text = trimmed[i] ?? '';
    let end = i;
    do {
      const next = trimmed[end + 1] ?? '';
      text += /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(next) ? `${latinSpace}${next}` : next;
      end++;
    } while (full(end));
    runs.set(i, { text, end });
    i = end;
  }
  return runs;
}

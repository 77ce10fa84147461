/** `名词:解释`: a short term, a colon, an explanation. A colon between digits is a time (`10:20`), not one, nor is a web address's (`https://`). */
export const DEFINITION = /^([^:：。，,；;！？!?]{1,40}?)\s*((?<!\d):(?!\/\/)|：|:(?!\d|\/\/))\s*(\S.*)$/s;

/** Share of CJK ideographs among the letters of a text. */
export function cjkShare(text: string): number {
  const letters = text.match(/[\p{L}]/gu)?.length ?? 0;
  const cjk = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return letters === 0 ? 0 : cjk / letters;
}

/** A text's width in half-width units, as a monospace or a printed page lays it out: a CJK or full-width character counts 2. */
export const textWidth = (text: string): number => [...text].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);

/** Characters after which a sentence cannot stop (an opening bracket, a comma) at a line's end. */
export const OPENS_LINE_END = /[（(【「“‘《，、,]$/;
/** Characters with which a line cannot start a sentence: it finishes the one before. */
export const CLOSES_LINE_START = /^[）)】」”’》，、。；：,.;:!?！？]/;

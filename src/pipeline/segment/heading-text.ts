import type { PageModel } from '../rules/schemas.ts';
import { escapeRegExp } from '../text/escape-reg-exp.ts';

/** How headings read, from `content/page-model.yaml`: their numbering, and which ones ask a question. */
export interface HeadingReader {
  /** A heading in its own wording, without its numbering (kept when nothing else is left). */
  text(raw: string): string;
  /** Does a heading ask something? (简述…, 什么是…, …吗, a question mark.) */
  isQuestion(heading: string): boolean;
}

const readers = new WeakMap<PageModel, HeadingReader>();

/** The heading reader of a page model, built once per model. */
export function headingReader(model: PageModel): HeadingReader {
  const known = readers.get(model);
  if (known) return known;
  const alternatives = (words: string[]) => words.map(escapeRegExp).join('|') || '(?!)';
  const numbering = model['heading-numbering'].length ? new RegExp(`^\\s*(?:${model['heading-numbering'].join('|')})\\s*`, 'i') : undefined;
  const starts = new RegExp(`^(?:${alternatives(model['question-starts'])})`, 'i');
  const ends = new RegExp(`(?:${alternatives(model['question-ends'])})[。.]?$`, 'i');
  const reader: HeadingReader = {
    text(raw) {
      const text = raw.replace(/\s+/g, ' ').trim();
      const stripped = numbering ? text.replace(numbering, '').trim() : text;
      return stripped || text;
    },
    isQuestion(heading) {
      return /[?？]\s*$/.test(heading) || starts.test(heading) || ends.test(heading);
    },
  };
  readers.set(model, reader);
  return reader;
}

import { escapeRegExp } from '../text/escape-reg-exp.ts';
const cache = new Map<string, RegExp>();

/**
 * A matcher for a taxonomy term: case-insensitive; a Latin term only as a whole word
 * (`cri` is not found in `description`; a plural `s` is allowed), a Chinese term anywhere.
 */
export function termPattern(term: string): RegExp {
  let re = cache.get(term);
  if (!re) {
    const body = escapeRegExp(term).replace(/ /g, '\\s*');
    const latin = /^[A-Za-z0-9]/.test(term);
    const latinEnd = /[A-Za-z0-9]$/.test(term);
    re = new RegExp(`${latin ? '(?<![A-Za-z0-9])' : ''}${body}${latinEnd ? '(?:s|es)?(?![A-Za-z0-9])' : ''}`, 'gi');
    cache.set(term, re);
  }
  re.lastIndex = 0;
  return re;
}

export function countTerm(text: string, term: string): number {
  return text.match(termPattern(term))?.length ?? 0;
}

export function hasTerm(text: string, term: string): boolean {
  return termPattern(term).test(text);
}

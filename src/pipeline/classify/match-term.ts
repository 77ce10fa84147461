import { escapeRegExp } from '../text/escape-reg-exp.ts';
const cache = new Map<string, RegExp>();

/**
 * A matcher for a taxonomy term: case-insensitive; a Latin term only as a whole word
 * (`cri` is not found in `description`; a plural `s` is allowed), a Chinese term anywhere.
 */
export function termPattern(term: string): RegExp {
  let re = cache.get(term);
  if (!re) {
    // `kube-proxy`, `kube proxy` and `kubeproxy`; `Network Policy` and `Network-Policy`.
    const body = escapeRegExp(term).replace(/[ _-]+/g, '[\\s_-]*');
    const latin = /^[A-Za-z0-9]/.test(term);
    const latinEnd = /[A-Za-z0-9]$/.test(term);
    re = new RegExp(`${latin ? '(?<![A-Za-z0-9])' : ''}${body}${latinEnd ? '(?:s|es)?(?![A-Za-z0-9])' : ''}`, 'gi');
    cache.set(term, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * What every match of a term holds, lowercased: its first word (`kube` of `kube-proxy`). Only for
 * terms whose letters are ASCII or have no case (Chinese), where lowercasing agrees with the
 * pattern's case-insensitive matching; undefined for any other.
 */
const firstWords = new Map<string, string | undefined>();
function firstWord(term: string): string | undefined {
  if (!firstWords.has(term)) firstWords.set(term, /^[\x00-\x7f\p{Script=Han}\p{P}\s]*$/u.test(term) ? term.split(/[ _-]+/).find(Boolean)?.toLowerCase() : undefined);
  return firstWords.get(term);
}

/** The texts last counted in, lowercased: a part's heading and body are counted in for every term of the taxonomy in turn. */
const lowered = new Map<string, string>();
function lowerOf(text: string): string {
  let lower = lowered.get(text);
  if (lower === undefined) {
    if (lowered.size >= 4) lowered.clear();
    lower = text.toLowerCase();
    lowered.set(text, lower);
  }
  return lower;
}

/** How often `term` occurs in `text` (termPattern). A text without the term's first word is not searched. */
export function countTerm(text: string, term: string): number {
  const word = firstWord(term);
  if (word !== undefined && !lowerOf(text).includes(word)) return 0;
  return text.match(termPattern(term))?.length ?? 0;
}

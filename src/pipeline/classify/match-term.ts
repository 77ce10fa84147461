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

export function countTerm(text: string, term: string): number {
  return text.match(termPattern(term))?.length ?? 0;
}

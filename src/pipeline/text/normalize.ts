/**
 * What two texts share when compared for sameness: the words, without spaces, punctuation and
 * symbols (an emoji with its variation selector: `⚠️`), lower case.
 */
export function normalize(text: string): string {
  return text.replace(/[\s\p{P}\p{S}\p{Cf}\uFE00-\uFE0F\u20E3]+/gu, '').toLowerCase();
}

/** What two texts share when compared for sameness: the words, without spaces and punctuation, lower case. */
export function normalize(text: string): string {
  return text.replace(/[\s\p{P}\p{S}\p{Cf}]+/gu, '').toLowerCase();
}

import type { Actors, PageModel } from '../rules/schemas.ts';

type CaptionRules = Actors['captions'];

const lower = (s: string) => s.toLowerCase();

function stripAffixes(text: string, prefixes: string[], suffixes: string[]): string {
  let out = text.trim().replace(/[：:。]+$/, '').trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of prefixes) if (lower(out).startsWith(lower(p)) && out.length > p.length) (out = out.slice(p.length).trim()), (changed = true);
    for (const s of suffixes) if (lower(out).endsWith(lower(s)) && out.length > s.length) (out = out.slice(0, -s.length).trim()), (changed = true);
  }
  return out.replace(/^[，,\s]+|[，,\s]+$/g, '');
}

/** The text up to and including the last process noun, when the text has one. */
function upToProcessNoun(text: string, nouns: string[]): string | undefined {
  let end = -1;
  for (const noun of nouns) {
    const at = lower(text).lastIndexOf(lower(noun));
    if (at >= 0) end = Math.max(end, at + noun.length);
  }
  return end > 0 ? text.slice(0, end).trim() : undefined;
}

/**
 * A diagram's caption names the process it draws, never copies a sentence: the lead-in's noun
 * phrase (「Kubernetes 创建 Pod 的主要流程如下：」 → 「Kubernetes 创建 Pod 的主要流程」), what
 * follows 「以下步骤」 (「通过以下步骤实施资源管理」 → 「实施资源管理的步骤」), else the nearest
 * heading without its numbering and question words.
 */
export function captionOf(leadIn: string, heading: string, rules: CaptionRules, model: PageModel): string {
  const lastClause = leadIn.split(/[，,；;]/).pop()?.trim() ?? '';
  const lead = stripAffixes(lastClause, rules['lead-in-prefixes'], rules['lead-in-suffixes']);
  const announced = rules['steps-phrases'].some((p) => lead.includes(p));
  if (lead && !announced) {
    const named = upToProcessNoun(lead, rules['process-nouns']);
    if (named && named.length >= 2) return named;
  }
  for (const phrase of rules['steps-phrases']) {
    const at = lead.indexOf(phrase);
    const what = at >= 0 ? lead.slice(at + phrase.length).trim() : '';
    if (what.length >= 2) return `${what}${rules['steps-suffix']}`;
  }
  const numbering = model['heading-numbering'].map((p) => new RegExp(`^(?:${p})`, 'u'));
  let title = heading.trim();
  for (const pattern of numbering) title = title.replace(pattern, '').trim();
  title = stripAffixes(title.replace(/[？?。.]+$/, ''), model['title-prefixes'], model['title-suffixes']);
  return upToProcessNoun(title, rules['process-nouns']) ?? title;
}

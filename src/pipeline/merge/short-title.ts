import type { PageModel } from '../rules/schemas.ts';

/** Punctuation, and the emoji a blog decorates a title with (`✨ Helm 实战 🚀`), at either end of a title. */
const EDGE_PUNCTUATION = /^[\s,，、:：;；.。!！?？\p{Extended_Pictographic}\uFE0F\u20E3]+|[\s,，、:：;；.。!！?？\p{Extended_Pictographic}\uFE0F\u20E3]+$/gu;

/**
 * A page's short title from a question or a long heading: a last clause that asks for more goes
 * (`…，请解释对错`), then the question words around it (`简述Kubernetes自动扩容机制` → `自动扩容机制`),
 * as `page-model.yaml` lists them. A title cannot start with a particle left behind
 * (`K8s 在 1.2 之后…` keeps its `K8s`): it stays as it was before that step. When nothing would be
 * left, the heading stays as it is.
 */
export function shortTitle(heading: string, model: PageModel): string {
  const prefixes = [...model['title-prefixes']].sort((a, b) => b.length - a.length);
  const suffixes = [...model['title-suffixes']].sort((a, b) => b.length - a.length);
  const whole = heading.replace(EDGE_PUNCTUATION, '');
  const cut = /^(.+)[，,]\s*([^，,]+)$/u.exec(whole);
  let title = cut?.[1] && model['title-requests'].some((word) => cut[2]?.startsWith(word)) ? cut[1].replace(EDGE_PUNCTUATION, '') : whole;
  const opensWithParticle = (text: string) => /^[的之中在和与]/.test(text);
  for (let changed = true; changed; ) {
    const before = title;
    const prefix = prefixes.find((p) => title.toLowerCase().startsWith(p.toLowerCase()) && title.length > p.length);
    const rest = prefix ? title.slice(prefix.length).replace(EDGE_PUNCTUATION, '') : title;
    if (!opensWithParticle(rest) || opensWithParticle(title)) title = rest;
    const suffix = suffixes.find((s) => title.toLowerCase().endsWith(s.toLowerCase()) && title.length > s.length);
    if (suffix) title = title.slice(0, -suffix.length).replace(EDGE_PUNCTUATION, '');
    changed = title !== before;
  }
  return title && !opensWithParticle(title) ? title : whole;
}

/**
 * A title that is not a question, without what an author put before or after its subject
 * (`【云原生】K8s 学习笔记（三）：Service 详解` → `Service`, `深入理解 Kubernetes 中的 Pod` →
 * `Kubernetes 中的 Pod`, `StatefulSet 学习笔记` → `StatefulSet`),
 * as `page-model.yaml` lists them. When nothing, or only a generic word (概述), would be left, or a
 * particle would start or end it, the heading stays as it is.
 */
export function plainTitle(heading: string, model: PageModel): string {
  // What is left must still name something: never a generic word such as 概述.
  const generic = new Set(model['generic-headings'].map((g) => g.toLowerCase()));
  const names = (text: string) => text !== '' && !generic.has(text.toLowerCase());
  let title = heading.replace(EDGE_PUNCTUATION, '');
  for (const lead of model['note-title-leads']) {
    const rest = title.replace(new RegExp(`^(?:${lead})`, 'u'), '').replace(EDGE_PUNCTUATION, '');
    if (names(rest) && rest !== title && !/^[的之与和及]/.test(rest)) title = rest;
  }
  const longest = (words: string[]) => [...words].sort((a, b) => b.length - a.length);
  const prefix = longest(model['note-title-prefixes']).find((p) => title.toLowerCase().startsWith(p.toLowerCase()) && title.length > p.length);
  const suffix = longest(model['note-title-suffixes']).find((s) => title.toLowerCase().endsWith(s.toLowerCase()) && title.length > s.length + (prefix?.length ?? 0));
  const left = title.slice(prefix?.length ?? 0, suffix ? -suffix.length : undefined).replace(EDGE_PUNCTUATION, '');
  return names(left) && !/^[的之与和及]|[的之与和及]$/.test(left) ? left : title;
}

import type { PageModel } from '../rules/schemas.ts';

/** Punctuation, and the emoji a blog decorates a title with (`✨ Helm 实战 🚀`), at either end of a title. */
const EDGE_PUNCTUATION = /^[\s,，、:：;；.。!！?？\p{Extended_Pictographic}\uFE0F\u20E3]+|[\s,，、:：;；.。!！?？\p{Extended_Pictographic}\uFE0F\u20E3]+$/gu;

/**
 * A page's short title from a question or a long heading: the question words around it go
 * (`简述Kubernetes自动扩容机制` → `自动扩容机制`), as `page-model.yaml` lists them. When
 * nothing would be left, the heading stays as it is.
 */
export function shortTitle(heading: string, model: PageModel): string {
  const prefixes = [...model['title-prefixes']].sort((a, b) => b.length - a.length);
  const suffixes = [...model['title-suffixes']].sort((a, b) => b.length - a.length);
  let title = heading.replace(EDGE_PUNCTUATION, '');
  for (let changed = true; changed; ) {
    changed = false;
    const before = title;
    const prefix = prefixes.find((p) => title.toLowerCase().startsWith(p.toLowerCase()) && title.length > p.length);
    if (prefix) title = title.slice(prefix.length);
    const suffix = suffixes.find((s) => title.toLowerCase().endsWith(s.toLowerCase()) && title.length > s.length);
    if (suffix) title = title.slice(0, -suffix.length);
    title = title.replace(EDGE_PUNCTUATION, '');
    changed = title !== before;
  }
  // A title cannot start with a particle left behind (`Kubernetes 的架构` → `的架构`).
  return title && !/^[的之中在和与]/.test(title) ? title : heading.replace(EDGE_PUNCTUATION, '');
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

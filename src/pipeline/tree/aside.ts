import type { Paragraph, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { AsideKind, Markup } from '../rules/schemas.ts';

/** A Starlight aside (`:::caution[title]`) as a directive node, its title as the directive's label. */
export function asideDirective(kind: AsideKind, title: string | undefined, children: RootContent[]): ContainerDirective {
  const label: Paragraph[] = title ? [{ type: 'paragraph', data: { directiveLabel: true }, children: [{ type: 'text', value: title }] } as Paragraph] : [];
  return { type: 'containerDirective', name: kind, attributes: {}, children: [...label, ...children] as ContainerDirective['children'] };
}

/** The aside a callout word stands for (content/markup.yaml `asides`, compared without case), or undefined. */
export function asideKinds(markup: Pick<Markup, 'asides'>): (word: string | undefined) => AsideKind | undefined {
  const kinds = new Map<string, AsideKind>();
  for (const [kind, words] of Object.entries(markup.asides) as [AsideKind, string[]][]) for (const word of words) kinds.set(word.toLowerCase(), kind);
  return (word) => (word ? kinds.get(word.toLowerCase()) : undefined);
}

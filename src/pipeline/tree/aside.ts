import type { Paragraph, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { AsideKind } from '../rules/schemas.ts';

/** A Starlight aside (`:::caution[title]`) as a directive node, its title as the directive's label. */
export function asideDirective(kind: AsideKind, title: string | undefined, children: RootContent[]): ContainerDirective {
  const label: Paragraph[] = title ? [{ type: 'paragraph', data: { directiveLabel: true }, children: [{ type: 'text', value: title }] } as Paragraph] : [];
  return { type: 'containerDirective', name: kind, attributes: {}, children: [...label, ...children] as ContainerDirective['children'] };
}

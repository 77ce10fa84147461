import GithubSlugger from 'github-slugger';
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { visit } from '../tree/visit.ts';
import type { SectionRef, SourceRef } from '../../schema.ts';
import type { PageModel } from '../rules/schemas.ts';
import { headingReader } from '../segment/heading-text.ts';
import type { Page, SourceMeta } from '../types.ts';

function attr(name: string, value: string) {
  return { type: 'mdxJsxAttribute' as const, name, value };
}

/** A diagram placeholder becomes `<Diagram id=… />`, drawn by the site from content/diagrams.json. */
function diagramElements(tree: Root): number {
  let count = 0;
  visit(tree, 'code', (node, index, parent) => {
    const spec = (node.data as { diagram?: { id: string } } | undefined)?.diagram;
    if (!spec || !parent || index === undefined) return;
    count++;
    parent.children.splice(index, 1, { type: 'mdxJsxFlowElement', name: 'Diagram', attributes: [attr('id', spec.id)], children: [] } as never);
  });
  return count;
}

/**
 * An image becomes a lazy `<img>` inside a link to the full picture; its alt text stays readable.
 * No referrer is sent: image hosts (CSDN's among them) refuse pictures asked for from another site.
 */
function lazyImages(tree: Root): void {
  visit(tree, 'image', (node, index, parent) => {
    // A picture copied from the notes stays a Markdown image: the site optimises it.
    if (!parent || index === undefined || (node.data as { local?: boolean } | undefined)?.local) return;
    const img: MdxJsxTextElement = {
      type: 'mdxJsxTextElement',
      name: 'img',
      attributes: [attr('src', node.url), attr('alt', node.alt ?? ''), attr('loading', 'lazy'), attr('decoding', 'async'), attr('referrerpolicy', 'no-referrer')],
      children: [],
    };
    const wrapped: MdxJsxTextElement | PhrasingContent = parent.type === 'link' ? img : { type: 'mdxJsxTextElement', name: 'a', attributes: [attr('href', node.url), attr('class', 'note-image'), attr('rel', 'noreferrer')], children: [img] };
    parent.children.splice(index, 1, wrapped as never);
  });
}

/** The line under a part's heading that names its note: shown to readers, left out of search (a file name answers no question). */
function sourceLine(model: PageModel, source: SourceMeta | undefined, file: string, alsoIn: string[] = []): MdxJsxFlowElement {
  const children: PhrasingContent[] = [{ type: 'text', value: model['source-label'] }, { type: 'inlineCode', value: file }];
  if (source?.title) children.push({ type: 'text', value: `《${source.title}》` });
  if (source?.date) children.push({ type: 'text', value: `（${source.date}）` });
  alsoIn.forEach((other, i) => children.push({ type: 'text', value: i === 0 ? `${model['also-in-label']} ` : '、' }, { type: 'inlineCode', value: other }));
  const line: Paragraph = { type: 'paragraph', data: { sourceLine: true } as never, children: [{ type: 'emphasis', children }] };
  return { type: 'mdxJsxFlowElement', name: 'div', attributes: [attr('class', 'source-line'), { type: 'mdxJsxAttribute', name: 'data-pagefind-ignore', value: null }], children: [line] };
}

export interface PageTree {
  tree: Root;
  sources: SourceRef[];
  sections: SectionRef[];
  diagrams: number;
}

/**
 * Lays out a page: each section under its own heading (a page of one section is the
 * section itself), each with a line naming the note it comes from.
 */
export function pageTree(page: Page, metas: Map<string, SourceMeta>, model: PageModel): PageTree {
  const { isQuestion } = headingReader(model);
  const children: RootContent[] = [];
  // A page of one part named like the page is that part: its title is the part's heading.
  const single = page.sections.length === 1 && page.sections[0]?.heading === page.title;
  const headings = new Map<Heading, number>();
  page.sections.forEach((section, i) => {
    if (!single) {
      const heading: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: section.heading }] };
      headings.set(heading, i);
      children.push(heading);
    }
    // A page of one section names its note under the title (the site shows provenance there).
    if (!single) children.push(sourceLine(model, metas.get(section.source), section.source, section.alsoIn));
    // Inner headings sit one level under the part's heading; with no part heading, one level up.
    const inner = structuredClone(section.children);
    children.push(...(single ? inner.map((n) => (n.type === 'heading' ? { ...n, depth: Math.max(2, n.depth - 1) as Heading['depth'] } : n)) : inner));
  });
  const tree: Root = { type: 'root', children };
  // Anchors as the site will make them: github-slugger over every heading in order.
  const slugger = new GithubSlugger();
  const anchors: string[] = page.sections.map(() => '');
  visit(tree, 'heading', (node) => {
    const slug = slugger.slug(toString(node));
    const i = headings.get(node);
    if (i !== undefined) anchors[i] = slug;
  });
  lazyImages(tree);
  const diagrams = diagramElements(tree);
  const files = [...new Set(page.sections.flatMap((s) => [s.source, ...(s.alsoIn ?? [])]))];
  const sources: SourceRef[] = files.map((file) => {
    const meta = metas.get(file);
    return { file, ...(meta?.title ? { title: meta.title } : {}), ...(meta?.date ? { date: meta.date } : {}) };
  });
  const sections: SectionRef[] = page.sections.map((s, i) => ({ heading: s.heading, anchor: anchors[i] ?? '', source: s.source, question: isQuestion(s.heading) }));
  return { tree, sources, sections, diagrams };
}

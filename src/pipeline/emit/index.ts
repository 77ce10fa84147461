import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from '../tree/visit.ts';
import { stringify } from 'yaml';
import { chaptersSchema, handbookPageSchema, sidebarSchema, type Chapters, type HandbookPage, type RelatedRef } from '../../schema.ts';
import type { Taxonomy } from '../rules/schemas.ts';
import type { Page } from '../types.ts';
import type { PageTree } from './page-tree.ts';
import { toMdx } from './to-mdx.ts';

export { emitGlossary } from './glossary.ts';
export { emitSearch } from './search.ts';
export { pageTree } from './page-tree.ts';
export { toMdx } from './to-mdx.ts';

/** A file the pipeline writes, relative to the content folder. */
export interface OutputFile {
  path: string;
  content: string;
}

const DESCRIPTION_LENGTH = 120;

/**
 * A page's description: the first real sentence of its text, never a lead-in that ends in a
 * colon (`如下：`) nor the source line; the first text of any kind when there is no such
 * sentence, the title as a last resort. Asides (a note's callouts, version notes) are remarks
 * beside the text, not its summary.
 */
function description(tree: Root, title: string): string {
  const texts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'containerDirective') return SKIP;
    if (node.type !== 'paragraph' && node.type !== 'tableCell') return undefined;
    if ((node.data as { sourceLine?: boolean } | undefined)?.sourceLine) return SKIP;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text) texts.push(text);
    return SKIP;
  });
  const real = texts.find((t) => !/[:：]$/.test(t) && (t.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 8);
  const text = real ?? texts[0] ?? title;
  const sentence = /^.+?[。！？!?](?=\s|$|[^\d.])/u.exec(text)?.[0] ?? text;
  const chosen = sentence.length >= 16 ? sentence : text;
  return chosen.length > DESCRIPTION_LENGTH ? `${chosen.slice(0, DESCRIPTION_LENGTH - 1)}…` : chosen;
}

/** The glossary terms a page links (`<Term id>`), in order of first mention. */
function linkedTerms(tree: Root): string[] {
  const ids: string[] = [];
  visit(tree, 'mdxJsxTextElement', (node) => {
    const id = node.name === 'Term' ? node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value : undefined;
    if (typeof id === 'string' && !ids.includes(id)) ids.push(id);
  });
  return ids;
}

function frontMatter(data: Record<string, unknown>): string {
  return `---\n${stringify(data, { lineWidth: 0, sortMapEntries: false, version: '1.1' })}---\n`;
}

/** The MDX file of one page. */
export function emitPage(page: Page, built: PageTree, related: RelatedRef[] = []): OutputFile {
  const { tree, sources, sections, diagrams } = built;
  const terms = linkedTerms(tree);
  const data: HandbookPage & Record<string, unknown> = {
    title: page.title,
    description: description(tree, page.title),
    generated: true,
    chapter: page.chapter,
    group: page.group,
    sidebar: { order: page.order + 1 },
    sources,
    sections,
    ...(related.length ? { related } : {}),
    ...(diagrams ? { diagrams } : {}),
    ...(terms.length ? { terms } : {}),
  };
  // The contract with the site: a page the schema refuses is a bug here, not the site's to find.
  const checked = handbookPageSchema.safeParse(data);
  if (!checked.success) throw new Error(`The front matter of ${page.chapter}/${page.slug} breaks src/schema.ts: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const body = toMdx(tree);
  const imports = [...(diagrams ? ['Diagram'] : []), ...(terms.length ? ['Term'] : [])].map((name) => `import ${name} from '@handbook/components/${name}.astro';\n`).join('');
  return { path: `${page.chapter}/${page.slug}.mdx`, content: `${frontMatter(data)}\n${imports ? `${imports}\n` : ''}${body}` };
}

/** The index page of a chapter: the list itself is drawn by a site component from the collection. */
export function emitChapterIndex(chapter: Taxonomy['chapters'][number], label: Taxonomy['overview-label']): OutputFile {
  // A chapter's index lists pages; search finds the pages themselves.
  const data = { title: chapter.title, description: chapter.description, generated: true, chapter: chapter.slug, pagefind: false, sidebar: { order: 0, label } };
  const body = `import ChapterIndex from '@handbook/components/ChapterIndex.astro';\n\n<ChapterIndex chapter="${chapter.slug}" />\n`;
  return { path: `${chapter.slug}/index.mdx`, content: `${frontMatter(data)}\n${body}` };
}

/** The chapters the site shows (a catch-all only when it has pages), for its cards and indexes. */
export function emitChapters(pages: Page[], taxonomy: Taxonomy): OutputFile {
  const chapters: Chapters = taxonomy.chapters
    .filter((chapter) => !chapter.optional || pages.some((p) => p.chapter === chapter.slug))
    .map(({ slug, title, short, description, groups }) => ({ slug, title, short, description, groups: groups.map((g) => ({ slug: g.slug, title: g.title })) }));
  return { path: 'chapters.json', content: `${JSON.stringify(chaptersSchema.parse(chapters), null, 2)}\n` };
}

/** Sidebar data for the site: chapters in taxonomy order, groups, then pages by order. */
export function emitSidebar(pages: Page[], taxonomy: Taxonomy): OutputFile {
  const shown = taxonomy.chapters.filter((chapter) => !chapter.optional || pages.some((p) => p.chapter === chapter.slug));
  const sidebar = shown.map((chapter) => ({
    label: chapter.title,
    items: [
      { label: taxonomy['overview-label'], slug: chapter.slug },
      ...chapter.groups
        .map((group) => ({
          label: group.title,
          collapsed: false,
          items: pages
            .filter((p) => p.chapter === chapter.slug && p.group === group.slug)
            .sort((a, b) => a.order - b.order)
            .map((p) => ({ slug: `${chapter.slug}/${p.slug}` })),
        }))
        .filter((g) => g.items.length > 0),
    ],
  }));
  return { path: 'sidebar.json', content: `${JSON.stringify(sidebarSchema.parse(sidebar), null, 2)}\n` };
}

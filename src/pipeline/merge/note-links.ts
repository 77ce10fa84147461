import GithubSlugger from 'github-slugger';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from '../tree/visit.ts';
import { NOTE_LINK } from '../clean/neutralize-links.ts';
import type { Dropped, Page, Section } from '../types.ts';

const slug = (text: string) => new GithubSlugger().slug(text);
/** How a site names a note it links to: the file itself, or a page without its extension (`../pod`, `../pod/`). */
const NOTE_FILES = ['', '.md', '.markdown', '.mdx', '.html', '.txt', '/README.md', '/readme.md', '/index.md', '/_index.md'];

/** Does a part link to another note (a `note:` link the clean stage kept)? */
function linksNotes(section: Section): boolean {
  let found = false;
  visit({ type: 'root', children: section.children }, 'link', (node) => {
    if (node.url.startsWith(NOTE_LINK)) found = true;
  });
  return found;
}

/** The anchors a part's headings get, as the site makes them (github-slugger), whatever their level. */
function headingSlugs(nodes: RootContent[]): Set<string> {
  const slugs = new Set<string>();
  visit({ type: 'root', children: nodes }, 'heading', (node) => void slugs.add(slug(toString(node))));
  return slugs;
}

/**
 * Links between notes (`[Deployment](deployment.md#滚动更新)`, kept by the clean stage as
 * `note:concepts/deployment.md#滚动更新`) lead to the page the linked note became: to the part whose
 * heading, or a heading inside it, the fragment names, else to the note's first part; at the
 * heading the fragment names, or the part's anchor on a page of several parts. The address is relative to the linking page
 * (`../../components/deployment/#滚动更新`), so it holds under any base path. The note is the
 * path the link names, or a page of it without its extension (`../pod/` is `pod.md`). A link to
 * no note that made a page becomes its text, and is returned as dropped, for the report. Pages
 * whose parts link to no note are returned as they are; the others with copies of the parts that do.
 */
export function resolveNoteLinks(pages: Page[]): { pages: Page[]; dropped: Map<string, Dropped[]> } {
  const dropped = new Map<string, Dropped[]>();
  // Where each note's parts went, by note (a repost's name leads to the part it repeats).
  const parts = new Map<string, { page: Page; section: Section }[]>();
  for (const page of pages) {
    for (const section of page.sections) {
      for (const source of [section.source, ...(section.alsoIn ?? [])]) {
        const list = parts.get(source) ?? [];
        list.push({ page, section });
        parts.set(source, list);
      }
    }
  }
  for (const list of parts.values()) list.sort((a, b) => a.section.index - b.section.index);
  const href = (from: Page, url: string): string | undefined => {
    const hash = url.indexOf('#');
    const path = url.slice(NOTE_LINK.length, hash < 0 ? undefined : hash);
    const fragment = hash < 0 ? '' : slug(safeDecode(url.slice(hash + 1)));
    const note = NOTE_FILES.map((end) => `${path}${end}`).find((name) => parts.has(name));
    const landed = note === undefined ? undefined : parts.get(note);
    if (!landed?.length) return undefined;
    const byHeading = fragment ? landed.find(({ section }) => slug(section.heading) === fragment) : undefined;
    const inside = fragment && !byHeading ? landed.find(({ section }) => headingSlugs(section.children).has(fragment)) : undefined;
    const { page, section } = byHeading ?? inside ?? landed[0]!;
    // A page of one part named like the page shows no heading for it: its address is the page's.
    const partAnchor = page.sections.length === 1 && section.heading === page.title ? '' : slug(section.heading);
    const anchor = inside ? fragment : partAnchor;
    const address = page === from ? './' : `../../${page.chapter}/${page.slug}/`;
    return `${address}${anchor ? `#${anchor}` : ''}`;
  };
  const resolved = pages.map((page) => {
    let changed = false;
    const sections = page.sections.map((section) => {
      if (!linksNotes(section)) return section;
      changed = true;
      const children = structuredClone(section.children) as RootContent[];
      visit({ type: 'root', children }, 'link', (node, index, parent) => {
        if (!node.url.startsWith(NOTE_LINK)) return undefined;
        const target = href(page, node.url);
        if (target) {
          node.url = target;
          return undefined;
        }
        // No note of the folder is there, or it made no page: the words stay, and the report says so.
        const written = (node.data as { written?: string } | undefined)?.written ?? node.url.slice(NOTE_LINK.length);
        const entry: Dropped = { rule: 'link:not-a-web-address', text: `${toString(node)} → ${written}`, ...(node.position ? { line: node.position.start.line } : {}) };
        dropped.set(section.source, [...(dropped.get(section.source) ?? []), entry]);
        if (parent && index !== undefined) parent.children.splice(index, 1, ...(node.children as never[]));
        return index;
      });
      return { ...section, children };
    });
    return changed ? { ...page, sections } : page;
  });
  return { pages: resolved, dropped };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

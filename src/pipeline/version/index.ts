import type { PhrasingContent, RootContent } from 'mdast';
import { fill } from '../../fill.ts';
import { toString } from 'mdast-util-to-string';
import { termPattern } from '../classify/match-term.ts';
import type { VersionNotes } from '../rules/schemas.ts';
import { asideDirective } from '../tree/aside.ts';
import type { Page } from '../types.ts';

/** A version note placed on a page: which fact, in which part. */
export interface VersionNoteRecord {
  fact: string;
  page: string;
  source: string;
  section: string;
}

type Fact = VersionNotes['facts'][number];

/** One fact's text with the link to its official page. */
function factText(fact: Fact, notes: VersionNotes): PhrasingContent[] {
  return [{ type: 'text', value: `${fact.note} ` }, { type: 'link', url: fact.source, children: [{ type: 'text', value: notes['source-label'] }] }];
}

/** One aside for the facts a part mentions (a list when there are several), titled with the version checked against. */
function aside(facts: Fact[], notes: VersionNotes): RootContent {
  return { ...asideBody(facts, notes), data: { versionNote: true } as never };
}

function asideBody(facts: Fact[], notes: VersionNotes): RootContent {
  const title = fill(notes.title, { label: notes.label, version: notes['checked-against'] });
  const [only] = facts;
  if (facts.length === 1 && only) return asideDirective('caution', title, [{ type: 'paragraph', children: factText(only, notes) }]);
  return asideDirective('caution', title, [
    { type: 'list', ordered: false, spread: false, children: facts.map((fact) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: factText(fact, notes) }] })) },
  ]);
}

/**
 * Notes go stale: the first part of a page that mentions a removed, deprecated or changed
 * Kubernetes feature (content/version-notes.yaml) gets a 「版本提示」 aside at its top, once per
 * page per fact, several facts of one part in one aside; its title names the Kubernetes version
 * the facts were checked against. Parts are copied, never changed in place: the per-note cache keeps its own.
 */
export function addVersionNotes(pages: Page[], notes: VersionNotes): { pages: Page[]; records: VersionNoteRecord[] } {
  const records: VersionNoteRecord[] = [];
  const noted = pages.map((page) => {
    const placed = new Set<string>();
    const sections = page.sections.map((section) => {
      const text = `${section.heading}\n${toString({ type: 'root', children: section.children })}`;
      const facts = notes.facts.filter((fact) => !placed.has(fact.id) && fact.terms.some((term) => termPattern(term).test(text)));
      if (facts.length === 0) return section;
      for (const fact of facts) {
        placed.add(fact.id);
        records.push({ fact: fact.id, page: `${page.chapter}/${page.slug}`, source: section.source, section: section.heading });
      }
      return { ...section, children: [aside(facts, notes), ...section.children] };
    });
    return { ...page, sections };
  });
  return { pages: noted, records };
}

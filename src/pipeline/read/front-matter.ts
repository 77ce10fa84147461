import { parse as parseToml } from 'smol-toml';
import { parse } from 'yaml';

/**
 * The front matter syntaxes notes carry: YAML between `---` lines (Jekyll, Hexo, VuePress…), TOML
 * between `+++` lines (Hugo), and the `key:: value` lines a Logseq page opens with.
 */
export type FrontMatterSyntax = 'yaml' | 'toml' | 'properties';

/** A Logseq page property: `tags:: k8s, 网络`. */
const PROPERTY_LINE = /^([A-Za-z][\w-]*)::(?: (.*))?$/;

const FENCES: { fence: string; syntax: FrontMatterSyntax }[] = [
  { fence: '---', syntax: 'yaml' },
  { fence: '+++', syntax: 'toml' },
];

export interface FrontMatterSplit {
  /** The front matter between the fences, when the note opens with a closed block, and its syntax. */
  matter?: { text: string; syntax: FrontMatterSyntax };
  /** The note after the front matter. */
  body: string;
  /** Lines the front matter took, so body line numbers can be mapped back. */
  lines: number;
}

/** Splits a leading `---` … `---` (or `+++` … `+++`, or `key:: value` lines) block off the text. An unclosed block is not front matter. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const opening = FENCES.find(({ fence }) => text.startsWith(`${fence}\n`));
  if (!opening) return splitProperties(text);
  const { fence, syntax } = opening;
  const end = text.indexOf(`\n${fence}`, 3);
  if (end === -1) return { body: text, lines: 0 };
  const after = text.indexOf('\n', end + 4);
  const closing = text.slice(end + 4, after === -1 ? undefined : after);
  if (closing.trim() !== '') return { body: text, lines: 0 };
  const body = after === -1 ? '' : text.slice(after + 1);
  return { matter: { text: text.slice(4, end + 1), syntax }, body, lines: text.slice(0, after === -1 ? text.length : after + 1).split('\n').length - 1 };
}

/** The `key:: value` lines a Logseq page opens with, up to the first line that is not one. */
function splitProperties(text: string): FrontMatterSplit {
  const lines = text.split('\n');
  let n = 0;
  while (n < lines.length && PROPERTY_LINE.test(lines[n] ?? '')) n++;
  if (n === 0) return { body: text, lines: 0 };
  return { matter: { text: lines.slice(0, n).join('\n'), syntax: 'properties' }, body: lines.slice(n).join('\n'), lines: n };
}

export type FrontMatterResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; reason: string };

/** Parses front matter in its syntax; anything but a mapping is refused with a reason. */
export function parseFrontMatter(text: string, syntax: FrontMatterSyntax = 'yaml'): FrontMatterResult {
  if (syntax === 'properties') return { ok: true, data: Object.fromEntries(text.split('\n').map((line) => PROPERTY_LINE.exec(line)).map((m) => [m?.[1]?.toLowerCase() ?? '', m?.[2]?.trim() ?? ''])) };
  if (syntax === 'toml') {
    try {
      // A TOML document is always a table.
      return { ok: true, data: { ...parseToml(text) } };
    } catch (error) {
      return { ok: false, reason: `invalid TOML front matter: ${(error as Error).message.split('\n')[0]}` };
    }
  }
  try {
    const data: unknown = parse(text, { uniqueKeys: false });
    if (data === null || data === undefined) return { ok: true, data: {} };
    if (typeof data !== 'object' || Array.isArray(data)) return { ok: false, reason: 'front matter is not a YAML mapping' };
    return { ok: true, data: data as Record<string, unknown> };
  } catch (error) {
    return { ok: false, reason: `invalid YAML front matter: ${(error as Error).message.split('\n')[0]}` };
  }
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => asList(v));
  const s = asString(value);
  return s === undefined ? [] : s.split(/[\s,，]+/).filter(Boolean);
}

/** The metadata the handbook keeps from front matter: title, the short title of `shortTitleKeys`, date (YYYY-MM-DD) and tags. */
export function pickMetadata(data: Record<string, unknown>, shortTitleKeys: readonly string[] = []): { title?: string; shortTitle?: string; date?: string; tags: string[] } {
  const title = asString(data['title']);
  const shortTitle = shortTitleKeys.map((key) => asString(data[key])).find(Boolean);
  const rawDate = asString(data['date']);
  const date = rawDate?.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  const tags = [...new Set([...asList(data['tags']), ...asList(data['tag'])])];
  return { ...(title ? { title } : {}), ...(shortTitle ? { shortTitle } : {}), ...(date ? { date } : {}), tags };
}

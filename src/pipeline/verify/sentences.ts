import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { wikiReaderText } from '../clean/convert-wiki-markup.ts';
import { emojiNamed, SHORTCODE } from '../clean/emoji-shortcodes.ts';
import { splitFrontMatter } from '../read/front-matter.ts';
import { mkdocsOpenerTitle, parseMarkerLine } from '../read/isolate-template-lines.ts';
import { normalize } from '../text/normalize.ts';
import type { SourceFormat } from '../types.ts';

const HAN = /\p{Script=Han}/gu;
export const MIN_HAN = 8;

/** Text for comparing across formats: `normalize` after link targets, character references and icon glyphs are gone. */
export function normalizeText(text: string): string {
  return normalize(
    text
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/&#x[0-9a-f]+;/gi, (ref) => String.fromCodePoint(parseInt(ref.slice(3, -1), 16)))
      .replace(/[\uE000-\uF8FF]/g, ''),
  );
}

/** Elements a browser shows on lines of their own. */
const BLOCKS = 'p, div, h1, h2, h3, h4, h5, h6, li, dt, dd, tr, th, td, pre, blockquote, section, article, header, footer, figure, figcaption, table, ul, ol, dl, br, hr';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };
const MERMAID_FENCE = /^\s{0,3}(`{3,}|~{3,})\s*mermaid\b/;

/** A reStructuredText note's lines as a reader sees them: roles, references, targets and directive marks gone, their words kept. */
function restructuredText(raw: string): string {
  return raw
    .replace(/^\.\.\s+(?:\|[^|]+\|\s+)?[\w:.-]+::\s?/gm, '')
    .replace(/^\.\.\s+\[[^\]]+\]\s*/gm, '')
    .replace(/:[\w.+-]+(?::[\w.+-]+)?:`([^`]*?)(?:\s*<[^>]*>)?`/g, '$1')
    .replace(/`([^`<]*?)\s*<([^>`]+)>`__?/g, (_m, text: string, url: string) => text || url)
    .replace(/``(.+?)``/g, '$1')
    .replace(/`([^`]+)`__?/g, '$1')
    .replace(/\[(?:#[\w-]*|\*|[\w-]+)\]_/g, '')
    .replace(/\\ /g, '');
}

/** An AsciiDoc note's lines as a reader sees them: admonition labels, macros and references reduced to their words, attributes to their values. */
function asciidocText(raw: string): string {
  const attributes = new Map([...raw.matchAll(/^:([\w-]+):[ \t]+(.*)$/gm)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
  return raw
    .replace(/^[A-Z]{3,10}:\s+/gm, '')
    .replace(/\{([\w-]+)\}/g, (m, name: string) => attributes.get(name.toLowerCase()) ?? m)
    .replace(/image:[^[\s]*\[[^\]]*\]/g, '')
    .replace(/(?:kbd|btn|pass|footnote):\[([^\]]*)\]/g, '$1')
    .replace(/(?:link:|mailto:)?(\S+?)\[([^\]]*)\]/g, (_m, target: string, text: string) => text || target)
    .replace(/<<([^,>]+)(?:,\s*([^>]+))?>>/g, (_m, id: string, text?: string) => text ?? id)
    .replace(/`\+(.+?)\+`/g, '$1');
}

/** A notebook's text as a reader sees it: its cells' sources and what they printed, in order. */
function notebookText(raw: string): string {
  const join = (value: unknown) => (Array.isArray(value) ? value.join('') : typeof value === 'string' ? value : '');
  try {
    const cells = (JSON.parse(raw) as { cells?: { source?: unknown; outputs?: { text?: unknown; data?: Record<string, unknown> }[] }[] }).cells ?? [];
    return cells.map((cell) => [join(cell.source), ...(cell.outputs ?? []).map((o) => join(o.text ?? o.data?.['text/plain']))].join('\n')).join('\n');
  } catch {
    return '';
  }
}

/**
 * The text of a raw note as a reader would see it: HTML pages reduced to their text; notebooks
 * to their cells;
 * reStructuredText and AsciiDoc without their markup's marks; in
 * Markdown, character references decoded, other generators' template lines reduced to the
 * title they carry, wiki links reduced to their words, and the source of the note's own
 * Mermaid diagrams left out (a reader sees the drawing). A page's <head> is not read.
 */
export function sourceText(raw: string, format?: SourceFormat): string {
  const text = raw.replace(/\r\n?/g, '\n');
  if (format === 'restructured-text') return restructuredText(text);
  if (format === 'asciidoc') return asciidocText(text);
  if (format === 'notebook') return sourceText(notebookText(text), 'markdown');
  // A Word document's text, as read from it without formatting: nothing to take away.
  if (format === 'word') return text;
  const { body } = splitFrontMatter(text);
  if (body.trimStart().startsWith('<')) {
    // What the page's <head> holds (its <title> among it) is the browser's, not the reader's.
    const page = unified().use(rehypeParse).parse(body);
    const bodyElement = select('body', page);
    // The source of a Mermaid diagram in the page is drawn, as in Markdown: a reader sees the drawing.
    for (const code of selectAll('code.language-mermaid', bodyElement ?? page)) code.children = [];
    // A block ends a line as the browser shows it, also where a minified page has no line end between blocks.
    for (const block of selectAll(BLOCKS, bodyElement ?? page)) block.children.push({ type: 'text', value: '\n' });
    return hastToString(bodyElement ?? page);
  }
  const out: string[] = [];
  let mermaid: string | undefined;
  for (const line of body.split('\n')) {
    if (mermaid !== undefined) {
      if (line.trim().startsWith(mermaid)) mermaid = undefined;
      continue;
    }
    const fence = MERMAID_FENCE.exec(line);
    if (fence) {
      mermaid = fence[1];
      continue;
    }
    const marker = parseMarkerLine(line);
    // An MkDocs opener (`??? note "为什么？"`) shows its title, the callout's.
    const opener = marker ? undefined : mkdocsOpenerTitle(line);
    // `:tada:` shows as the emoji it names.
    out.push(marker ? (marker.args.match(/title\s*=\s*"([^"]*)"/)?.[1] ?? '') : (opener ?? wikiReaderText(line).replace(SHORTCODE, (code, name: string) => emojiNamed(name) ?? code)));
  }
  return (
    out
      .join('\n')
      // A picture's alt text is its description, not reading text; inline tags are markup.
      .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, '')
      .replace(/<\/?[A-Za-z][\w-]*(\s[^<>]*)?\/?>/g, '\n')
      .replace(/&(lt|gt|amp|quot|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? '')
  );
}

/** The sentences of a text with at least MIN_HAN Chinese characters. */
export function contentSentences(text: string): string[] {
  return text
    .replace(/\]\([^)\n]*\)/g, ']')
    // A reference link's label (`[官方文档][pod-doc]`) and a footnote's mark (`单位[^1]`) are not shown as text.
    .replace(/\]\[[^\]\n]*\]/g, ']')
    .replace(/\[\^[^\]\s]+\](?!:)/g, '')
    .split(/[。！？!?\n；;]/)
    // Markers a page does not show as text: headings', lists' and tasks' (`- [x] `), a footnote's label (`[^1]: `).
    .map((s) => s.trim().replace(/^(>\s*)+/, '').replace(/^(?:#{1,6}\s+|\d+[.、)）]\s*|0x[0-9a-f]+\s+|[-*+]\s+|\[[ xX]\]\s+|\[\^[^\]\s]+\]:\s*|[一二三四五六七八九十百]+[、.．]\s*|\*{2,})+/i, ''))
    .filter((s) => (s.match(HAN)?.length ?? 0) >= MIN_HAN);
}

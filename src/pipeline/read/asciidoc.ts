/**
 * An AsciiDoc note (Asciidoctor, Antora) as mdast, line by line: `=` section titles, delimited
 * blocks (listing and literal code, examples, sidebars, quotes, tables; comments and passthroughs
 * left out and reported), block attributes and titles, admonitions, lists with their
 * continuations, pictures, attribute entries and references, and the inline markup of
 * paragraphs. Admonitions become asides by the words in content/markup.yaml (`asides`).
 */
import type { Code, List, ListItem, PhrasingContent, RootContent } from 'mdast';
import type { Markup } from '../rules/schemas.ts';
import { asideDirective, asideKinds } from '../tree/aside.ts';
import { labelLine } from '../tree/label-line.ts';
import { at, commonIndent, dedent, indentOf, inlineNodes, isBlank, tableOf, toLines, type InlineRule, type Line, type LightReading } from './light-markup.ts';

type Rules = Pick<Markup, 'asides'>;

const SECTION = /^(={1,6}|#{1,6})\s+(\S.*?)(?:\s+=+)?$/;
/** A delimited block's fence: four or more of one character, `--` for an open block, `|===` for a table, or a Markdown fence. */
const DELIMITER = /^(-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|\/{4,}|--|\|={3,}|`{3,})(.*)$/;
const ATTRIBUTE_LINE = /^\[(.*)\]$/;
const ATTRIBUTE_ENTRY = /^:(!?[\w-]+!?):(?:\s+(.*))?$/;
const BLOCK_TITLE = /^\.([^.\s].*)$/;
const ADMONITION = /^([A-Z]{3,10}):\s+(.*)$/;
const UNORDERED = /^(\*{1,5}|-)\s+(.*)$/;
const ORDERED = /^(\.{1,5}|\d+\.)\s+(.*)$/;
const DESCRIPTION = /^(\S.*?)(:{2,4}|;;)(?:\s+(.*))?$/;
const BLOCK_MACRO = /^(image|include|toc|video|audio)::(\S*?)\[(.*)\]$/;
/** AsciiDoc's own admonition names; each becomes the aside its word stands for in content/markup.yaml. */
const ADMONITIONS = new Set(['note', 'tip', 'important', 'warning', 'caution']);

interface Pending {
  style?: string;
  language?: string;
  title?: string;
}

class Reader {
  private readonly kindOf: ReturnType<typeof asideKinds>;
  private readonly attributes = new Map<string, string>();
  readonly dropped: LightReading['dropped'] = [];
  private readonly inlineRules: InlineRule[];

  constructor(rules: Rules) {
    const kinds = asideKinds(rules);
    this.kindOf = (word) => (word && ADMONITIONS.has(word.toLowerCase()) ? kinds(word) : undefined);
    const link = (url: string, label: string, inline: (t: string) => PhrasingContent[]): PhrasingContent[] => [{ type: 'link', url, children: label ? inline(label.replace(/\^$/, '')) : [{ type: 'text', value: url }] }];
    const code = (value: string): PhrasingContent[] => [{ type: 'inlineCode', value }];
    this.inlineRules = [
      { pattern: /\\([*_`#+{<\\[])/y, make: (m) => [{ type: 'text', value: m[1]! }] },
      { pattern: /`\+(.+?)\+`/y, make: (m) => code(m[1]!) },
      { pattern: /``(.+?)``/y, make: (m) => code(m[1]!) },
      { pattern: /`([^`\s](?:[^`]*[^`\s])?)`/y, make: (m) => code(m[1]!) },
      { pattern: /\+\+\+(.+?)\+\+\+|\+\+(.+?)\+\+|pass:\[(.*?)\]/y, make: (m) => [{ type: 'text', value: m[1] ?? m[2] ?? m[3] ?? '' }] },
      { pattern: /(?:kbd|btn):\[(.+?)\]/y, make: (m) => code(m[1]!) },
      { pattern: /menu:([^[\s]+)\[(.*?)\]/y, make: (m) => [{ type: 'text', value: [m[1], ...m[2]!.split(/\s*>\s*/)].filter(Boolean).join(' > ') }] },
      { pattern: /footnote:(?:[\w-]*)\[(.+?)\]/y, make: (m, inline) => [{ type: 'text', value: '（' }, ...inline(m[1]!), { type: 'text', value: '）' }] },
      { pattern: /link:(\S+?)\[(.*?)\]/y, make: (m, inline) => link(m[1]!, m[2]!, inline) },
      { pattern: /mailto:(\S+?)\[(.*?)\]/y, make: (m, inline) => link(`mailto:${m[1]}`, m[2] || m[1]!, inline) },
      { pattern: /((?:https?|ftp):\/\/[^\s[\]]+)\[(.*?)\]/y, make: (m, inline) => link(m[1]!, m[2]!, inline) },
      { pattern: /image:([^:\s[][^\s[]*)\[(.*?)\]/y, make: (m) => [{ type: 'image', url: m[1]!, alt: m[2]!.split(',')[0]!.trim(), title: null }] },
      // A cross reference shows its text, or the target's name.
      { pattern: /<<([^,>]+)(?:,\s*([^>]+))?>>/y, make: (m) => [{ type: 'text', value: (m[2] ?? m[1]!).trim() }] },
      { pattern: /xref:([^[\s]+)\[(.*?)\]/y, make: (m) => [{ type: 'text', value: m[2] || m[1]!.replace(/\.adoc.*$/, '') }] },
      { pattern: /\[\[[^\]]*\]\]|\[#[\w-]+\]/y, make: () => [] },
      { pattern: /\{([\w-]+)\}/y, make: (m) => [{ type: 'text', value: this.attributes.get(m[1]!.toLowerCase()) ?? m[0] }] },
      { pattern: /\*\*(.+?)\*\*|\*(?![\s*])(.+?)(?<!\s)\*/y, make: (m, inline) => [{ type: 'strong', children: inline(m[1] ?? m[2]!) }] },
      { pattern: /__(.+?)__|(?<![\p{L}\p{N}])_(?![\s_])(.+?)(?<!\s)_(?![\p{L}\p{N}])/uy, make: (m, inline) => [{ type: 'emphasis', children: inline(m[1] ?? m[2]!) }] },
      { pattern: /(?:\[[^\]\s]*\])?##(.+?)##|(?:\[[^\]\s]*\])?#(?![\s#])(.+?)(?<!\s)#/y, make: (m, inline) => inline(m[1] ?? m[2]!) },
      // A hard line break: ` +` at the end of a line.
      { pattern: / \+(?=\n|$)/y, make: () => [{ type: 'break' }] },
    ];
  }

  inline(text: string): PhrasingContent[] {
    return inlineNodes(text, this.inlineRules);
  }

  private paragraph(lines: Line[]): RootContent {
    return at({ type: 'paragraph', children: this.inline(lines.map((l) => l.text.trim()).join('\n')) }, lines[0], lines.at(-1));
  }

  private code(lines: Line[], language: string | undefined, title: string | undefined, first: Line | undefined): Code {
    const width = lines.some((l) => !isBlank(l)) ? commonIndent(lines) : 0;
    return at({ type: 'code', lang: language || null, meta: title ? `title="${title.replace(/"/g, "'")}"` : null, value: dedent(lines, width).map((l) => l.text).join('\n') }, first, lines.at(-1) ?? first);
  }

  /** What a block attribute line (`[source,yaml]`, `[NOTE]`, `[%header,cols="1,2"]`) says. */
  private attributeLine(inner: string, pending: Pending): void {
    const parts = inner.split(',').map((p) => p.trim());
    const first = parts[0] ?? '';
    const style = first.replace(/[#.%].*$/, '');
    if (!style) return;
    pending.style = style.toLowerCase();
    // `[source,yaml]`, and `[yaml]` alone on a listing block.
    const language = parts[1]?.replace(/^language=/, '');
    if (pending.style === 'source' && language) pending.language = language;
  }

  /** The blocks of a run of lines. */
  blocks(lines: Line[]): RootContent[] {
    const out: RootContent[] = [];
    let pending: Pending = {};
    let i = 0;
    const take = () => {
      const p = pending;
      pending = {};
      return p;
    };
    while (i < lines.length) {
      const line = lines[i]!;
      const text = line.text;
      if (isBlank(line)) {
        i++;
        continue;
      }
      // Comments, attribute entries and the page's own macros are no content.
      if (/^\/\/(?!\/\/)/.test(text)) {
        this.dropped.push({ rule: 'adoc:comment', text, line: line.line });
        i++;
        continue;
      }
      const entry = ATTRIBUTE_ENTRY.exec(text);
      if (entry) {
        const name = entry[1]!.replace(/!/g, '').toLowerCase();
        if (entry[1]!.includes('!')) this.attributes.delete(name);
        else this.attributes.set(name, entry[2] ?? '');
        this.dropped.push({ rule: 'adoc:attribute', text, line: line.line });
        i++;
        continue;
      }
      const attribute = ATTRIBUTE_LINE.exec(text);
      if (attribute && !text.startsWith('[[')) {
        this.attributeLine(attribute[1]!, pending);
        i++;
        continue;
      }
      if (/^\[\[[^\]]*\]\]$/.test(text)) {
        i++;
        continue;
      }
      const title = BLOCK_TITLE.exec(text);
      if (title && !DELIMITER.test(text)) {
        pending.title = title[1]!;
        i++;
        continue;
      }
      const section = SECTION.exec(text);
      if (section) {
        take();
        out.push(at({ type: 'heading', depth: section[1]!.length as 1, children: this.inline(section[2]!) }, line));
        i++;
        continue;
      }
      const delimiter = DELIMITER.exec(text);
      if (delimiter && (delimiter[2] === '' || delimiter[1]!.startsWith('`'))) {
        i = this.delimited(lines, i, delimiter[1]!, delimiter[2]!.trim(), take(), out);
        continue;
      }
      if (text === "'''" || text === '***' || text === '---') {
        out.push(at({ type: 'thematicBreak' }, line));
        i++;
        continue;
      }
      if (text === '<<<') {
        i++;
        continue;
      }
      const macro = BLOCK_MACRO.exec(text);
      if (macro) {
        const p = take();
        if (macro[1] === 'image') {
          out.push(...labelLine(p.title), at({ type: 'paragraph', children: [{ type: 'image', url: macro[2]!, alt: macro[3]!.split(',')[0]!.trim(), title: null }] }, line));
        } else if (macro[1] === 'video' || macro[1] === 'audio') {
          out.push(at({ type: 'paragraph', children: [{ type: 'link', url: macro[2]!, children: [{ type: 'text', value: p.title ?? macro[2]! }] }] }, line));
        } else this.dropped.push({ rule: `adoc:${macro[1]}`, text, line: line.line });
        i++;
        continue;
      }
      // A literal paragraph: indented lines.
      if (indentOf(text) > 0) {
        let end = i;
        while (end < lines.length && !isBlank(lines[end]) && indentOf(lines[end]!.text) > 0) end++;
        const p = take();
        out.push(this.code(lines.slice(i, end), p.language, p.title, line));
        i = end;
        continue;
      }
      if (UNORDERED.test(text) || ORDERED.test(text)) {
        i = this.list(lines, i, take(), out);
        continue;
      }
      // A paragraph: the lines up to a blank one or a block's start.
      let end = i + 1;
      while (end < lines.length && !isBlank(lines[end]) && !DELIMITER.test(lines[end]!.text) && !ATTRIBUTE_LINE.test(lines[end]!.text) && !/^\/\//.test(lines[end]!.text) && !UNORDERED.test(lines[end]!.text) && !ORDERED.test(lines[end]!.text) && !SECTION.test(lines[end]!.text)) end++;
      const para = lines.slice(i, end);
      const p = take();
      const admonition = ADMONITION.exec(text);
      const kind = admonition ? this.kindOf(admonition[1]!) : p.style ? this.kindOf(p.style) : undefined;
      if (kind) {
        const body = admonition ? [{ ...line, text: admonition[2]! }, ...para.slice(1)] : para;
        out.push(at(asideDirective(kind, p.title, [this.paragraph(body)]), line, para.at(-1)));
      } else if (p.style === 'source' || p.style === 'listing' || p.style === 'literal') {
        out.push(this.code(para, p.language, p.title, line));
      } else if (p.style === 'quote' || p.style === 'verse') {
        out.push(at({ type: 'blockquote', children: [this.paragraph(para) as never] }, line, para.at(-1)));
      } else {
        const description = para.length === 1 ? DESCRIPTION.exec(text) : undefined;
        out.push(...labelLine(p.title));
        out.push(description && !/:\/\//.test(description[1]!) ? at({ type: 'paragraph', children: [{ type: 'strong', children: this.inline(description[1]!) }, ...(description[3] ? [{ type: 'text' as const, value: '：' }, ...this.inline(description[3])] : [])] }, line) : this.paragraph(para));
      }
      i = end;
    }
    return out;
  }

  /** A delimited block opening at `i`; returns where the next block starts. */
  private delimited(lines: Line[], i: number, fence: string, info: string, p: Pending, out: RootContent[]): number {
    let end = i + 1;
    while (end < lines.length && lines[end]!.text !== fence) end++;
    const inner = lines.slice(i + 1, end);
    const first = lines[i]!;
    const last = lines[Math.min(end, lines.length - 1)];
    const next = Math.min(end + 1, lines.length);
    const kind = p.style ? this.kindOf(p.style) : undefined;
    const c = fence[0];
    if (fence.startsWith('`')) out.push(this.code(inner, info || p.language, p.title, first));
    else if (c === '/') this.dropped.push({ rule: 'adoc:comment', text: inner.map((l) => l.text).join('\n'), line: first.line });
    else if (c === '+') this.dropped.push({ rule: 'adoc:passthrough', text: inner.map((l) => l.text).join('\n'), line: first.line });
    else if (fence.startsWith('|')) out.push(...labelLine(p.title), this.table(inner, first, last));
    else if (kind) out.push(at(asideDirective(kind, p.title, this.blocks(inner)), first, last));
    else if (c === '-' && fence.length >= 4) out.push(this.code(inner, p.language ?? (p.style && p.style !== 'listing' && p.style !== 'source' ? p.style : undefined), p.title, first));
    else if (c === '.') out.push(this.code(inner, undefined, p.title, first));
    else if (c === '_') out.push(...labelLine(p.title), at({ type: 'blockquote', children: this.blocks(inner) as never }, first, last));
    else out.push(...labelLine(p.title), ...this.blocks(inner));
    return next;
  }

  /** A table's lines (`|===` … `|===`): cells start with `|`; a row has as many cells as the first line, or as `cols` says. */
  private table(inner: Line[], first: Line, last: Line | undefined): RootContent {
    const cells: string[] = [];
    let width = 0;
    let firstLineDone = false;
    for (const { text } of inner) {
      if (!text.trim()) {
        if (cells.length) firstLineDone = true;
        continue;
      }
      const parts = text.startsWith('|') ? text.slice(1).split(/(?<!\\)\|/) : undefined;
      if (!parts) {
        // A cell's text goes on, on its own line (text before any cell is a cell of its own).
        if (cells.length) cells[cells.length - 1] += `\n${text.trim()}`;
        else cells.push(text.trim());
        continue;
      }
      if (!firstLineDone && !width) width = parts.length;
      if (!firstLineDone && cells.length === 0) firstLineDone = parts.length > 1;
      cells.push(...parts.map((part) => part.trim()));
    }
    width ||= 1;
    const rows: PhrasingContent[][][] = [];
    for (let k = 0; k < cells.length; k += width) rows.push(cells.slice(k, k + width).map((cell) => this.inline(cell.replace(/\\\|/g, '|'))));
    return at(tableOf(rows), first, last);
  }

  /** A list starting at `i`: its items, nested by the length of their markers, with `+` continuations. */
  private list(lines: Line[], i: number, p: Pending, out: RootContent[]): number {
    const markerOf = (text: string) => {
      const m = UNORDERED.exec(text) ?? ORDERED.exec(text);
      return m ? { marker: /^\d+\.$/.test(m[1]!) ? '.' : m[1]!, text: m[2]!, ordered: !UNORDERED.test(text) } : undefined;
    };
    const items: { marker: string; ordered: boolean; lines: Line[]; extra: Line[][] }[] = [];
    let j = i;
    while (j < lines.length) {
      const line = lines[j]!;
      const item = markerOf(line.text);
      if (item) {
        items.push({ marker: item.marker, ordered: item.ordered, lines: [{ ...line, text: item.text }], extra: [] });
        j++;
        continue;
      }
      const current = items.at(-1);
      if (!current || isBlank(line)) {
        // A blank line ends the list unless another item follows.
        let k = j;
        while (k < lines.length && isBlank(lines[k])) k++;
        // Another list after blank lines is a list of its own, unless its items are marked as this one's.
        const after = k < lines.length ? markerOf(lines[k]!.text) : undefined;
        if (after && items.some((item) => item.marker === after.marker)) {
          j = k;
          continue;
        }
        break;
      }
      if (line.text === '+') {
        // A continuation: the next block belongs to the item.
        const start = j + 1;
        // Block attributes and a title above the continued block go with it.
        let opening = start;
        while (opening < lines.length && (ATTRIBUTE_LINE.test(lines[opening]!.text) || BLOCK_TITLE.test(lines[opening]!.text))) opening++;
        const delimiter = DELIMITER.exec(lines[opening]?.text ?? '');
        let end = opening + 1;
        if (delimiter) {
          while (end < lines.length && lines[end]!.text !== delimiter[1]) end++;
          end++;
        } else while (end < lines.length && !isBlank(lines[end]) && lines[end]!.text !== '+' && !markerOf(lines[end]!.text)) end++;
        current.extra.push(lines.slice(start, Math.min(end, lines.length)));
        j = end;
        continue;
      }
      if (ATTRIBUTE_LINE.test(line.text) && lines[j + 1]?.text === '+') {
        j++;
        continue;
      }
      if (DELIMITER.test(line.text) || SECTION.test(line.text) || ATTRIBUTE_LINE.test(line.text)) break;
      current.lines.push(line);
      j++;
    }
    const build = (from: number, to: number): List => {
      const marker = items[from]!.marker;
      const children: ListItem[] = [];
      for (let k = from; k < to; ) {
        const item = items[k]!;
        let end = k + 1;
        while (end < to && items[end]!.marker !== marker) end++;
        const body: RootContent[] = [this.paragraph(item.lines), ...item.extra.flatMap((block) => this.blocks(block))];
        if (end > k + 1) body.push(build(k + 1, end));
        children.push(at({ type: 'listItem', spread: false, checked: null, children: body as ListItem['children'] }, item.lines[0]));
        k = end;
      }
      const ordered = items[from]!.ordered;
      return at({ type: 'list', ordered, spread: false, children, ...(ordered ? { start: 1 } : {}) }, items[from]!.lines[0], items[to - 1]!.lines.at(-1));
    };
    out.push(...labelLine(p.title), build(0, items.length));
    return j;
  }
}

/** Reads an AsciiDoc note; `firstLine` is the number of its first line in the file. */
export function asciidocToMdast(text: string, rules: Rules, firstLine = 1): LightReading {
  const reader = new Reader(rules);
  const children = reader.blocks(toLines(text, firstLine));
  return { children, dropped: reader.dropped };
}

/**
 * A reStructuredText note (Sphinx, Read the Docs) as mdast, line by line: underlined and
 * overlined section titles, directives (code, callouts, pictures; the others' content kept, the
 * navigation ones left out and reported), `::` literal blocks, lists, grid and simple tables,
 * block quotes, comments and hyperlink targets, and the inline markup of paragraphs. What the
 * directives are is data: `restructured-text` in content/markup.yaml.
 */
import type { Code, FootnoteDefinition, Heading, List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Markup } from '../rules/schemas.ts';
import { asideDirective, asideKinds } from '../tree/aside.ts';
import { labelLine } from '../tree/label-line.ts';
import { at, commonIndent, dedent, indentOf, inlineNodes, isBlank, tableOf, toLines, trimBlank, type InlineRule, type Line, type LightReading } from './light-markup.ts';

type Rules = Pick<Markup, 'asides' | 'default-aside' | 'restructured-text'>;

/** A line of one punctuation character repeated: a title's underline or overline, or a transition. */
const ADORNMENT = /^([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])\1{1,}$/;
const DIRECTIVE = /^\.\.\s+(?:\|[^|]+\|\s+)?([\w:.-]+)::(?:\s+(.*))?$/;
const TARGET = /^\.\.\s+_([^:]+|`[^`]+`):\s*(.*)$/;
const BULLET = /^([-*+•])(\s+)(.*)$/;
const ENUMERATED = /^(\(?(?:\d+|#|[a-zA-Z]|[ivxlcdm]+)[.)])(\s+)(.*)$/;
const FOOTNOTE = /^\.\.\s+\[(#[\w-]*|\*|[\w-]+)\]\s*(.*)$/;
const OPTION = /^:([\w\s.-]+):(?:\s+(.*))?$/;
const GRID_BORDER = /^\+(?:[-=]+\+)+$/;
const SIMPLE_BORDER = /^=+(?:\s+=+)+$/;

/** The width of a text in columns: a Chinese character takes two. */
const columns = (text: string) => [...text].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);

/** A line's text between two columns (from inclusive, to exclusive), as the author aligned it: a Chinese character takes two columns. */
function atColumns(text: string): (from: number, to: number) => string {
  const chars = [...text];
  const starts: number[] = [];
  let column = 0;
  for (const c of chars) {
    starts.push(column);
    column += columns(c);
  }
  return (from, to) => chars.filter((_, k) => starts[k]! >= from && starts[k]! < to).join('');
}

/** A title's underline: one character repeated, at least as wide as most of the title (authors miscount Chinese widths). */
const underlines = (title: string, line: string | undefined) => line !== undefined && ADORNMENT.test(line) && line.length >= Math.min(3, columns(title)) && line.length * 2 >= columns(title.trim());

/** The indented block that belongs to a construct starting at `from`: its lines until one is indented less than `indent` (blank lines inside kept). */
function indentedBlock(lines: Line[], from: number, indent: number): Line[] {
  let end = from;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    if (indentOf(line.text) < indent) break;
    end = i + 1;
  }
  return lines.slice(from, end);
}

class Reader {
  private readonly kindOf: ReturnType<typeof asideKinds>;
  private readonly titleStyles: string[] = [];
  private readonly targets = new Map<string, string>();
  readonly dropped: LightReading['dropped'] = [];
  private readonly inlineRules: InlineRule[];

  private readonly rules: Rules;

  constructor(rules: Rules, all: Line[]) {
    this.rules = rules;
    this.kindOf = asideKinds(rules);
    const notes = new Set<string>();
    for (const { text } of all) {
      const target = TARGET.exec(text.trim());
      if (target?.[2]) this.targets.set(target[1]!.replace(/^`|`$/g, '').toLowerCase(), target[2]);
      const note = FOOTNOTE.exec(text.trim());
      if (note) notes.add(note[1]!.startsWith('#') ? '#' : note[1]!);
    }
    // A reference to a footnote the note does not have (`a[0]_b` in prose) stays text.
    const cited = (label: string) => notes.has(label.startsWith('#') ? '#' : label);
    const codeRoles = new Set(rules['restructured-text']['code-roles']);
    const link = (label: string, url: string): PhrasingContent[] => [{ type: 'link', url, children: [{ type: 'text', value: label || url }] }];
    this.inlineRules = [
      // An escaped character is itself; an escaped space (joining markup to Chinese) is nothing.
      { pattern: /\\(\s|.)/y, make: (m) => [{ type: 'text', value: /\s/.test(m[1]!) ? '' : m[1]! }] },
      { pattern: /``(.+?)``/y, make: (m) => [{ type: 'inlineCode', value: m[1]! }] },
      {
        pattern: /:([\w.+-]+(?::[\w.+-]+)?):`([^`]+)`/y,
        make: (m) => {
          const role = m[1]!.split(':').pop()!;
          const text = m[2]!.replace(/\s*<[^>]*>$/, '') || m[2]!;
          return [codeRoles.has(role) ? { type: 'inlineCode', value: m[2]! } : { type: 'text', value: text.replace(/^[~!]/, '') }];
        },
      },
      { pattern: /`([^`<]*?)\s*<([^>`]+)>`__?/y, make: (m) => (m[2]!.endsWith('_') ? [{ type: 'text', value: m[1] || m[2]!.slice(0, -1) }] : link(m[1]!.trim(), m[2]!)) },
      {
        pattern: /`([^`]+)`__?/y,
        make: (m) => {
          const url = this.targets.get(m[1]!.toLowerCase());
          return url ? link(m[1]!, url) : [{ type: 'text', value: m[1]! }];
        },
      },
      { pattern: /`([^`]+)`/y, make: (m) => [{ type: 'inlineCode', value: m[1]! }] },
      { pattern: /\*\*(?!\s)(.+?)(?<!\s)\*\*/y, make: (m, inline) => [{ type: 'strong', children: inline(m[1]!) }] },
      { pattern: /\*(?![\s*])(.+?)(?<!\s)\*/y, make: (m, inline) => [{ type: 'emphasis', children: inline(m[1]!) }] },
      // A footnote or citation reference ([#]_, [#name]_, [1]_, [CIT2002]_).
      { pattern: /\[(#[\w-]*|\*|[\w-]+)\]_/y, make: (m) => (cited(m[1]!) ? [{ type: 'footnoteReference', ...this.footnote(m[1]!, 'reference') }] : [{ type: 'text', value: m[0] }]) },
    ];
  }

  private readonly autoNumbers = { reference: 0, definition: 0 };

  /**
   * A footnote's label: as written (`1`, `name`, a citation's), and for one numbered by the
   * reader (`#`, `*`) the next number, the nth reference meeting the nth footnote.
   */
  private footnote(label: string, side: 'reference' | 'definition'): { identifier: string; label: string } {
    const name = label === '#' || label === '*' ? String(++this.autoNumbers[side]) : label.replace(/^#/, '');
    return { identifier: name.toLowerCase(), label: name };
  }

  inline(text: string): PhrasingContent[] {
    return inlineNodes(text, this.inlineRules);
  }

  private paragraph(lines: Line[]): Paragraph {
    return at({ type: 'paragraph', children: this.inline(lines.map((l) => l.text.trim()).join('\n')) }, lines[0], lines.at(-1));
  }

  private code(lines: Line[], lang: string | undefined, first: Line | undefined): Code {
    const body = trimBlank(lines);
    const width = body.length ? commonIndent(body) : 0;
    return at({ type: 'code', lang: lang || null, meta: null, value: dedent(body, width).map((l) => l.text).join('\n') }, first, body.at(-1) ?? first);
  }

  private heading(text: string, style: string, line: Line): Heading {
    if (!this.titleStyles.includes(style)) this.titleStyles.push(style);
    const depth = Math.min(6, this.titleStyles.indexOf(style) + 1) as Heading['depth'];
    return at({ type: 'heading', depth, children: this.inline(text.trim()) }, line);
  }

  /** The blocks of a run of lines, indented as the first column. */
  blocks(lines: Line[]): RootContent[] {
    const out: RootContent[] = [];
    let literalNext = false;
    let i = 0;
    while (i < lines.length) {
      const line = lines[i]!;
      const text = line.text;
      if (isBlank(line)) {
        i++;
        continue;
      }
      const indent = indentOf(text);
      // An indented block: the literal block a `::` announced, else a quotation.
      if (indent > 0) {
        const block = indentedBlock(lines, i, 1);
        out.push(literalNext ? this.code(block, undefined, line) : at({ type: 'blockquote', children: this.blocks(dedent(block, commonIndent(block))) as never }, line, block.at(-1)));
        literalNext = false;
        i += block.length;
        continue;
      }
      literalNext = false;
      const next = lines[i + 1]?.text;
      // A title between an overline and an underline, or above an underline.
      if (ADORNMENT.test(text) && next !== undefined && next.trim() && lines[i + 2]?.text === text) {
        out.push(this.heading(next, `over${text[0]}`, lines[i + 1]!));
        i += 3;
        continue;
      }
      if (!ADORNMENT.test(text) && underlines(text, next)) {
        out.push(this.heading(text, `under${next![0]}`, line));
        i += 2;
        continue;
      }
      if (ADORNMENT.test(text) && text.length >= 4 && !GRID_BORDER.test(text) && !SIMPLE_BORDER.test(text)) {
        out.push(at({ type: 'thematicBreak' }, line));
        i++;
        continue;
      }
      if (text.startsWith('..') && (text === '..' || /^\.\.\s/.test(text))) {
        i = this.explicit(lines, i, out);
        continue;
      }
      if (GRID_BORDER.test(text)) {
        let end = i;
        while (end < lines.length && /^[+|]/.test(lines[end]!.text)) end++;
        out.push(this.gridTable(lines.slice(i, end)) ?? this.code(lines.slice(i, end), undefined, line));
        i = end;
        continue;
      }
      if (SIMPLE_BORDER.test(text)) {
        const end = this.simpleTableEnd(lines, i);
        out.push(this.simpleTable(lines.slice(i, end)) ?? this.code(lines.slice(i, end), undefined, line));
        i = end;
        continue;
      }
      const marker = BULLET.exec(text) ?? ENUMERATED.exec(text);
      if (marker && (BULLET.test(text) || /^\(?(?:\d+|#)/.test(text) || ENUMERATED.test(lines[i + 1]?.text ?? '') || isBlank(lines[i + 1]))) {
        i = this.list(lines, i, out);
        continue;
      }
      if (text.startsWith('| ') || text === '|') {
        let end = i;
        while (end < lines.length && (lines[end]!.text.startsWith('| ') || lines[end]!.text === '|')) end++;
        out.push(this.paragraph(lines.slice(i, end).map((l) => ({ ...l, text: l.text.slice(2) }))));
        i = end;
        continue;
      }
      // A paragraph: the lines up to a blank one, or up to an indented block.
      let end = i + 1;
      while (end < lines.length && !isBlank(lines[end]) && indentOf(lines[end]!.text) === 0 && !underlines(lines[end]!.text, lines[end + 1]?.text)) end++;
      const para = lines.slice(i, end);
      const last = para.at(-1)!;
      if (last.text.endsWith('::')) {
        literalNext = true;
        // `文字::` shows one colon; ` ::` after a space, or alone, shows none.
        const kept = last.text === '::' ? '' : last.text.replace(/\s+::$/, '').replace(/::$/, ':');
        para[para.length - 1] = { ...last, text: kept };
      }
      if (para.some((l) => l.text.trim())) out.push(this.paragraph(para.filter((l) => l.text.trim())));
      i = end;
    }
    return out;
  }

  /** A comment, a target or a directive starting at `i`; returns where the next block starts. */
  private explicit(lines: Line[], i: number, out: RootContent[]): number {
    const line = lines[i]!;
    const head = line.text;
    const body = indentedBlock(lines, i + 1, 1);
    const end = i + 1 + body.length;
    const config = this.rules['restructured-text'];
    const directive = DIRECTIVE.exec(head);
    if (!directive) {
      const target = TARGET.exec(head);
      const text = [head, ...body.map((l) => l.text)].join('\n').trim();
      // A footnote or citation (`.. [#] 文字`).
      const note = FOOTNOTE.exec(head);
      if (note) {
        const rest = body.length ? dedent(body, commonIndent(body)) : [];
        const children = this.blocks([{ ...line, text: note[2]! }, ...rest]) as FootnoteDefinition['children'];
        out.push(at({ type: 'footnoteDefinition', ...this.footnote(note[1]!, 'definition'), children }, line, body.at(-1) ?? line));
      } else this.dropped.push({ rule: target ? 'rst:target' : 'rst:comment', text, line: line.line });
      return end;
    }
    const name = directive[1]!.toLowerCase().split(':').pop()!;
    const argument = directive[2]?.trim() ?? '';
    // Options (`:linenos:`, `:alt: 架构图`) come first in the body, then a blank line and the content.
    const options = new Map<string, string>();
    let k = 0;
    const trimmed = body.length ? dedent(body, commonIndent(body)) : [];
    for (; k < trimmed.length; k++) {
      const option = OPTION.exec(trimmed[k]!.text);
      if (!option) break;
      options.set(option[1]!.trim().toLowerCase(), option[2]?.trim() ?? '');
    }
    const content = trimBlank(trimmed.slice(k));
    if (config['code-directives'].includes(name)) {
      out.push(this.code(content, argument.split(/\s+/)[0] || options.get('language'), line));
    } else if (config['picture-directives'].includes(name)) {
      const alt = options.get('alt') ?? '';
      out.push(at({ type: 'paragraph', children: [{ type: 'image', url: argument, alt, title: null }] }, line));
      // A figure's content is its caption.
      if (content.length) out.push(...this.blocks(content));
    } else if (name === 'admonition' || this.kindOf(name)) {
      const kind = this.kindOf(name) ?? this.rules['default-aside'];
      // `.. note:: 文字` starts the callout's text; `.. admonition:: 标题` names it.
      const title = name === 'admonition' ? argument : undefined;
      const inner = name !== 'admonition' && argument ? [{ ...line, text: argument }, ...(content.length ? [{ ...line, text: '' }] : []), ...content] : content;
      out.push(at(asideDirective(kind, title, this.blocks(inner)), line, body.at(-1) ?? line));
    } else if (config['dropped-directives'].includes(name)) {
      this.dropped.push({ rule: `rst:${name}`, text: [head, ...body.map((l) => l.text)].join('\n').trim(), line: line.line });
    } else {
      // Another directive (tabs, topic, glossary…): its argument as a label, its content as the note's.
      out.push(...labelLine(argument).map((p) => at(p, line)), ...this.blocks(content));
    }
    return end;
  }

  /** A bullet or enumerated list starting at `i`; returns where the next block starts. */
  private list(lines: Line[], i: number, out: RootContent[]): number {
    const first = BULLET.exec(lines[i]!.text) ?? ENUMERATED.exec(lines[i]!.text);
    const ordered = !BULLET.test(lines[i]!.text);
    const same = (text: string) => (ordered ? ENUMERATED.test(text) && !BULLET.test(text) : BULLET.exec(text)?.[1] === first![1]);
    const items: ListItem[] = [];
    let j = i;
    while (j < lines.length && same(lines[j]!.text)) {
      const marker = (BULLET.exec(lines[j]!.text) ?? ENUMERATED.exec(lines[j]!.text))!;
      const width = marker[1]!.length + marker[2]!.length;
      const rest = indentedBlock(lines, j + 1, width);
      const itemLines = [{ ...lines[j]!, text: marker[3]! }, ...dedent(rest, width)];
      items.push(at({ type: 'listItem', spread: false, checked: null, children: this.blocks(itemLines) as ListItem['children'] }, lines[j], rest.at(-1) ?? lines[j]));
      j += 1 + rest.length;
      // Items may be apart by blank lines.
      let k = j;
      while (k < lines.length && isBlank(lines[k])) k++;
      if (k < lines.length && same(lines[k]!.text)) j = k;
      else break;
    }
    const start = ordered ? Number.parseInt(first![1]!.replace(/\D/g, ''), 10) : NaN;
    const list: List = { type: 'list', ordered, spread: false, children: items, ...(ordered ? { start: Number.isFinite(start) ? start : 1 } : {}) };
    out.push(at(list, lines[i], lines[j - 1]));
    return j;
  }

  /** A grid table (`+---+---+` borders, `|` between cells; its first row the header); undefined when a cell spans columns. */
  private gridTable(block: Line[]): RootContent | undefined {
    const border = block[0]!.text;
    const cuts = [...border].flatMap((c, k) => (c === '+' ? [k] : []));
    const rows: PhrasingContent[][][] = [];
    let current: string[][] | undefined;
    for (const { text } of block.slice(1)) {
      if (GRID_BORDER.test(text)) {
        if (current) rows.push(current.map((cell) => this.inline(cell.join('\n').trim())));
        current = undefined;
        continue;
      }
      // Columns are counted as the author aligned them: a Chinese character takes two.
      const slice = atColumns(text);
      if (!cuts.every((c) => slice(c, c + 1) === '|' || slice(c, c + 1) === '+')) return undefined;
      current ??= cuts.slice(1).map(() => []);
      cuts.slice(1).forEach((c, k) => current![k]!.push(slice(cuts[k]! + 1, c).trim()));
    }
    if (rows.length === 0) return undefined;
    return at(tableOf(rows), block[0], block.at(-1));
  }

  /** Where a simple table starting at `i` ends: after its closing border. */
  private simpleTableEnd(lines: Line[], i: number): number {
    let borders = 0;
    for (let j = i; j < lines.length; j++) {
      if (SIMPLE_BORDER.test(lines[j]!.text)) borders++;
      if (borders === 3 || (borders === 2 && SIMPLE_BORDER.test(lines[j]!.text) && (j + 1 >= lines.length || isBlank(lines[j + 1])) && j > i)) return j + 1;
    }
    return lines.length;
  }

  /** A simple table (`=====  =====` borders, columns by their position). */
  private simpleTable(block: Line[]): RootContent | undefined {
    const border = block[0]!.text;
    const spans = [...border.matchAll(/=+/g)].map((m) => [m.index, m.index + m[0].length] as const);
    const rows: PhrasingContent[][][] = [];
    for (const { text } of block.slice(1)) {
      if (SIMPLE_BORDER.test(text) || !text.trim()) continue;
      const slice = atColumns(text);
      rows.push(spans.map(([from], k) => this.inline(slice(from, k + 1 < spans.length ? spans[k + 1]![0] : Infinity).trim())));
    }
    return rows.length ? at(tableOf(rows), block[0], block.at(-1)) : undefined;
  }
}

/** Reads a reStructuredText note; `firstLine` is the number of its first line in the file. */
export function restructuredTextToMdast(text: string, rules: Rules, firstLine = 1): LightReading {
  const lines = toLines(text.replace(/\t/g, '        '), firstLine);
  const reader = new Reader(rules, lines);
  const children = reader.blocks(lines);
  return { children, dropped: reader.dropped };
}

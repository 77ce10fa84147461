/**
 * Other generators wrap Markdown in their own template syntax, processed before Markdown:
 * Hugo shortcodes (`{{< callout note >}}` … `{{< /callout >}}`), GitBook tags
 * (`{% hint style="info" %}` … `{% endhint %}`) and colon fences (`::: tip` … `:::`).
 * A line that holds one of these alone (outside fenced code) is replaced, on the same line, by
 * an HTML comment carrying what it said. A comment interrupts a paragraph and ends a list, so
 * every marker becomes a block of its own in the tree, where `convertForeignMarkup` pairs the
 * openers with their closers. Line numbers do not change.
 *
 * MkDocs opens an admonition (`!!! note "标题"`, `??? tip`) or a content tab (`=== "命令行"`)
 * with a line whose content follows indented. Written straight below the opener, that content
 * would be read as the opener's paragraph, its code fences and indentation lost; the opener as a
 * comment ends there, and the content becomes an indented block of its own.
 */

export interface TemplateMarker {
  /** `mkdocs`: an admonition's or content tab's opener, which `convertForeignMarkup` joins with the indented block below it. */
  syntax: 'hugo' | 'gitbook' | 'colons' | 'mkdocs';
  /** Closes a block opened earlier (`{{< /x >}}`, `{% endx %}`, a bare `:::`). */
  close: boolean;
  /** Lower-case name (`callout`, `hint`, `tip`); empty for a bare `:::`. */
  name: string;
  /** What follows the name, as written. */
  args: string;
  /** The line as the note wrote it. */
  source: string;
}

const HUGO = /^\s{0,3}\{\{([<%])\s*(\/?)\s*([\w-]+)(.*?)\s*\/?\s*[>%]\}\}\s*$/;
const GITBOOK = /^\s{0,3}\{%-?\s*(end)?([\w-]+)(.*?)\s*-?%\}\s*$/;
const COLONS = /^\s{0,3}:{3,}\s*([\w-]*)(.*)$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
/** An MkDocs admonition (`!!!`), collapsible (`???`, `???+`) or content tab (`===`) opener. */
const MKDOCS_OPENER = /^\s{0,3}(?:!!!|\?\?\?\+?|===\+?)[ \t]+\S/;
/** A line indented as MkDocs indents an opener's content: four spaces or a tab. */
const INDENTED = /^(?: {4}|\t)\s*\S/;
const PREFIX = '<!--handbook-markup:';

/** Recognises a template marker line, or returns undefined. */
export function parseMarkerLine(line: string): TemplateMarker | undefined {
  const source = line.trim();
  const hugo = HUGO.exec(line);
  if (hugo) return { syntax: 'hugo', close: hugo[2] === '/', name: (hugo[3] ?? '').toLowerCase(), args: (hugo[4] ?? '').trim(), source };
  const gitbook = GITBOOK.exec(line);
  if (gitbook) return { syntax: 'gitbook', close: gitbook[1] === 'end', name: (gitbook[2] ?? '').toLowerCase(), args: (gitbook[3] ?? '').trim(), source };
  const colons = COLONS.exec(line);
  if (colons) return { syntax: 'colons', close: !colons[1], name: (colons[1] ?? '').toLowerCase(), args: (colons[2] ?? '').trim(), source };
  return undefined;
}

/** The title an MkDocs admonition, collapsible or content tab opener shows (`??? note "为什么？"`: 为什么？; '' for none), or undefined when the line is no such opener. */
export function mkdocsOpenerTitle(line: string): string | undefined {
  if (!MKDOCS_OPENER.test(line)) return undefined;
  return /"([^"]*)"/.exec(line)?.[1] ?? '';
}

/** The HTML comment that stands for a marker in the Markdown the parser reads. */
function markerComment(marker: TemplateMarker): string {
  return `${PREFIX}${Buffer.from(JSON.stringify(marker), 'utf8').toString('base64url')}-->`;
}

/** The marker an HTML node stands for, when it is one. */
export function markerOf(html: string): TemplateMarker | undefined {
  const value = html.trim();
  if (!value.startsWith(PREFIX) || !value.endsWith('-->')) return undefined;
  try {
    return JSON.parse(Buffer.from(value.slice(PREFIX.length, -3), 'base64url').toString('utf8')) as TemplateMarker;
  } catch {
    return undefined;
  }
}

/** The language and title a code shortcode gives its block: Hexo's `{% codeblock 文件名 lang:yaml %}`, Hugo's `{{< highlight yaml >}}`. */
function codeInfo(marker: TemplateMarker): string {
  const words = marker.args.split(/\s+/).filter(Boolean);
  const lang = words.find((w) => w.startsWith('lang:'))?.slice('lang:'.length) ?? (marker.syntax === 'hugo' ? words[0]?.replace(/^["']|["']$/g, '') : undefined);
  const title = marker.syntax === 'gitbook' ? words.find((w) => !w.startsWith('lang:') && !/^https?:\/\//.test(w)) : undefined;
  return `${lang ?? ''}${title ? ` title=${JSON.stringify(title)}` : ''}`;
}

/** The fence a code shortcode's block is written between: longer than any a code sample holds. */
const CODE_FENCE = '`````';

/**
 * Replaces every template marker line outside fenced code by its comment. A code shortcode
 * (`codeShortcodes`: Hexo's `{% codeblock %}`, Hugo's `{{< highlight >}}`) holds code, not
 * Markdown: its opening and closing lines become the fences of a code block instead.
 */
export function isolateTemplateLines(markdown: string, codeShortcodes: readonly string[] = []): string {
  if (!['{{', '{%', ':::', '!!!', '???', '==='].some((mark) => markdown.includes(mark))) return markdown;
  let fence: string | undefined;
  /** The code shortcode whose block the lines are in. */
  let code: string | undefined;
  const lines = markdown.split('\n');
  return lines
    .map((line, i) => {
      if (code !== undefined) {
        const end = parseMarkerLine(line);
        if (end?.close && end.name === code) {
          code = undefined;
          return CODE_FENCE;
        }
        return line;
      }
      const f = FENCE.exec(line)?.[1];
      if (f) {
        if (fence === undefined) fence = f;
        else if (f[0] === fence[0] && f.length >= fence.length && line.trim() === f) fence = undefined;
        return line;
      }
      if (fence !== undefined) return line;
      if (MKDOCS_OPENER.test(line) && INDENTED.test(lines[i + 1] ?? '')) return markerComment({ syntax: 'mkdocs', close: false, name: '', args: '', source: line.trim() });
      const marker = parseMarkerLine(line);
      if (marker && !marker.close && marker.syntax !== 'colons' && codeShortcodes.includes(marker.name)) {
        code = marker.name;
        return `${CODE_FENCE}${codeInfo(marker)}`;
      }
      return marker ? markerComment(marker) : line;
    })
    .join('\n');
}

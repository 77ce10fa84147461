import type { Blockquote, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { basename, extname } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { visit } from '../tree/visit.ts';
import { markerOf, type TemplateMarker } from '../read/isolate-template-lines.ts';
import { asideDirective, asideKinds } from '../tree/aside.ts';
import { labelLine } from '../tree/label-line.ts';
import { markdownToMdast } from '../read/markdown.ts';
import type { AsideKind, Markup } from '../rules/schemas.ts';
import { dropped, fixed, type NoteFile } from '../types.ts';
import { isPicture } from './local-images.ts';

interface Args {
  positional: string[];
  named: Map<string, string>;
}

/** `note "重要提示" title="x" open`: positional and named arguments of a shortcode or tag. */
export function parseArgs(text: string): Args {
  const args: Args = { positional: [], named: new Map() };
  for (const m of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))|"([^"]*)"|'([^']*)'|(\S+)/g)) {
    if (m[1]) args.named.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
    else args.positional.push(m[5] ?? m[6] ?? m[7] ?? '');
  }
  return args;
}

const GITHUB_ALERT = /^\[!([A-Za-z]+)\][+-]?[ \t]*([^\n]*)\n?/;
const MKDOCS = /^(?:!!!|\?\?\?\+?)[ \t]*([\w-]+)(?:[ \t]+"([^"]*)")?[ \t]*(?:\n|$)/;
/** `=== "命令行"`: a content tab of MkDocs Material, its content indented below it. */
const MKDOCS_TAB = /^===\+?[ \t]+"([^"]*)"[ \t]*$/;
/** `[安装]` after a code block's language (VitePress code groups), and what follows it. */
const CODE_LABEL = /^\s*\[([^\]\n]+)\](.*)$/;
const INLINE_SHORTCODE = /\{\{[<%].*?[>%]\}\}|\{%-?.*?-?%\}/g;

/** Turns callouts and shortcodes of other generators into asides or their content. */
class Converter {
  /** The aside a callout word stands for. */
  readonly kindOf: (word: string | undefined) => AsideKind | undefined;
  private readonly asideNames: Set<string>;
  private readonly unwrapNames: Set<string>;
  private readonly labelNames: Set<string>;
  private readonly pictureNames: Set<string>;
  private readonly noteFolderNames: Set<string>;
  private readonly linkNames: Set<string>;
  private readonly markup: Markup;
  private readonly file: NoteFile;

  constructor(markup: Markup, file: NoteFile) {
    this.markup = markup;
    this.file = file;
    this.kindOf = asideKinds(markup);
    this.asideNames = new Set(markup['aside-shortcodes'].map((n) => n.toLowerCase()));
    this.unwrapNames = new Set(markup['unwrap-shortcodes'].map((n) => n.toLowerCase()));
    this.labelNames = new Set(markup['labelled-shortcodes'].map((n) => n.toLowerCase()));
    this.pictureNames = new Set(markup['picture-shortcodes'].map((n) => n.toLowerCase()));
    this.noteFolderNames = new Set(markup['note-folder-shortcodes'].map((n) => n.toLowerCase()));
    this.linkNames = new Set(markup['link-shortcodes'].map((n) => n.toLowerCase()));
  }

  /**
   * A picture shortcode standing alone (`{{< figure src="a.png" caption="架构" >}}`, Hexo's
   * `{% asset_img a.png 架构 %}`): the picture (its caption the alt text, unless it has one), and
   * a caption of its own below it. Without a src argument, the first argument that names a
   * picture file or a web address is the picture, and the words after it (not a width or a
   * height) its caption.
   */
  picture(marker: TemplateMarker): RootContent[] | undefined {
    if (marker.close || marker.syntax === 'colons' || !this.pictureNames.has(marker.name)) return undefined;
    const args = parseArgs(marker.args);
    const named = args.named.get('src') ?? args.named.get('link');
    const at = named === undefined ? args.positional.findIndex((a) => /^https?:\/\//.test(a) || isPicture(a.replace(/[?#].*$/, ''))) : -1;
    const written = named ?? args.positional[at];
    if (!written) return undefined;
    const words = at < 0 ? '' : args.positional.slice(at + 1).filter((a) => !/^\d+(?:px|%)?$/.test(a)).join(' ').replace(/"/g, '').trim();
    const caption = args.named.get('caption') ?? args.named.get('title') ?? (words || undefined);
    const alt = args.named.get('alt') ?? caption ?? '';
    const note = this.file.data.meta?.file ?? '';
    // A file of the note's own folder: the path is written from beside the note.
    const src = this.noteFolderNames.has(marker.name) && note && !/^(?:[a-z]+:|\/)/i.test(written) ? `${basename(note, extname(note))}/${written}` : written;
    const image: RootContent = { type: 'paragraph', children: [{ type: 'image', url: src, alt }] };
    // A caption that only repeats the alt text is said once, by the picture.
    return caption && caption !== alt ? [image, { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: caption }] }] }] : [image];
  }

  /** An embed shortcode standing alone (`{% embed url="https://…" caption="官方文档" %}`): a link to its address, named by its caption or the address. */
  link(marker: TemplateMarker): RootContent[] | undefined {
    if (marker.close || marker.syntax === 'colons' || !this.linkNames.has(marker.name)) return undefined;
    const args = parseArgs(marker.args);
    const url = args.named.get('url') ?? args.named.get('src') ?? args.named.get('href') ?? args.positional.find((a) => /^https?:\/\//.test(a));
    if (!url) return undefined;
    const label = args.named.get('caption') ?? args.named.get('title') ?? url;
    return [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', value: label }] }] }];
  }

  aside(kind: AsideKind, title: string | undefined, children: RootContent[]): ContainerDirective {
    return asideDirective(kind, title, children);
  }

  /** What a paired marker and the blocks between become. */
  replace(marker: TemplateMarker, children: RootContent[], line: number | undefined): RootContent[] {
    const args = parseArgs(marker.args);
    const colonKind = marker.syntax === 'colons' ? this.kindOf(marker.name) : undefined;
    if (colonKind) return [this.aside(colonKind, marker.args || undefined, children)];
    if (marker.syntax !== 'colons' && this.asideNames.has(marker.name)) {
      const attribute = ['type', 'style', 'kind', 'class', 'level'].map((k) => args.named.get(k)).find(Boolean);
      // `{{< callout warning >}}`, `{% hint style="danger" %}`: an argument names the kind; `{{< warning >}}`: the name does.
      const byArg = this.kindOf(attribute) ?? this.kindOf(args.positional[0]);
      const kind = byArg ?? this.kindOf(marker.name) ?? this.markup['default-aside'];
      const rest = !attribute && this.kindOf(args.positional[0]) ? args.positional.slice(1) : args.positional;
      const title = args.named.get('title') ?? rest.join(' ');
      return [this.aside(kind, title || undefined, children)];
    }
    const known = this.unwrapNames.has(marker.name);
    if (!known) dropped(this.file, 'markup:unknown-shortcode', marker.source, line);
    // A colon fence's title is all that follows its name (`::: details 点击查看 NodePort 示例`).
    if (marker.syntax === 'colons') return [...labelLine(marker.args || undefined), ...children];
    const label = this.labelNames.has(marker.name) ? (args.named.get('name') ?? args.named.get('label') ?? args.positional[0]) : undefined;
    const title = args.named.get('title') ?? args.named.get('caption') ?? label;
    return [...labelLine(title), ...children];
  }

  /** Pairs the markers among one parent's children, innermost first. */
  pair(parent: Parent): void {
    const children = parent.children as RootContent[];
    if (!children.some((c) => c.type === 'html' && markerOf(c.value))) return;
    interface Frame {
      marker: TemplateMarker;
      line: number | undefined;
      children: RootContent[];
    }
    const top: RootContent[] = [];
    const stack: Frame[] = [];
    const target = () => stack.at(-1)?.children ?? top;
    const unpaired = (frame: Frame) => {
      dropped(this.file, 'markup:unpaired', frame.marker.source, frame.line);
      return frame.children;
    };
    for (const child of children) {
      const marker = child.type === 'html' ? markerOf(child.value) : undefined;
      const line = child.position?.start.line;
      // An MkDocs opener is joined with the block below it by admonitions(), not paired.
      if (!marker || marker.syntax === 'mkdocs') {
        target().push(child);
        continue;
      }
      const shown = this.picture(marker) ?? this.link(marker);
      if (shown) {
        target().push(...shown);
        continue;
      }
      if (!marker.close) {
        stack.push({ marker, line, children: [] });
        continue;
      }
      const at = stack.findLastIndex((f) => f.marker.syntax === marker.syntax && (marker.syntax === 'colons' || f.marker.name === marker.name));
      if (at === -1) {
        dropped(this.file, 'markup:unpaired', marker.source, line);
        continue;
      }
      while (stack.length - 1 > at) {
        const open = stack.pop() as Frame;
        target().push(...unpaired(open));
      }
      const frame = stack.pop() as Frame;
      target().push(...this.replace(frame.marker, frame.children, frame.line));
    }
    while (stack.length) {
      const open = stack.pop() as Frame;
      // A shortcode that stands alone (`{{< youtube id >}}`) has no content to keep.
      target().push(...unpaired(open));
    }
    parent.children = top as never;
  }

  /** `> [!NOTE] 标题`: GitHub and Obsidian alerts. */
  githubAlert(quote: Blockquote): RootContent | undefined {
    const first = quote.children[0];
    const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
    if (first?.type !== 'paragraph' || lead?.type !== 'text') return undefined;
    const m = GITHUB_ALERT.exec(lead.value);
    const kind = this.kindOf(m?.[1]);
    if (!m || !kind) return undefined;
    lead.value = lead.value.slice(m[0].length);
    const rest = first.children.filter((c) => c.type !== 'text' || c.value !== '');
    const body: RootContent[] = [...(rest.length && toString({ type: 'paragraph', children: rest }).trim() ? [{ ...first, children: rest as PhrasingContent[] }] : []), ...quote.children.slice(1)];
    return this.aside(kind, m[2]?.trim() || undefined, body);
  }

  /** `?> 提示` and `!> 警告` (docsify): a paragraph opened by a mark `paragraph-asides` names is a callout of its kind. */
  paragraphAside(block: RootContent): RootContent | undefined {
    const lead = block.type === 'paragraph' ? block.children[0] : undefined;
    if (block.type !== 'paragraph' || lead?.type !== 'text') return undefined;
    const mark = Object.keys(this.markup['paragraph-asides']).find((m) => lead.value.startsWith(`${m} `) || lead.value.startsWith(`${m}\u3000`));
    const kind = mark === undefined ? undefined : this.markup['paragraph-asides'][mark];
    if (mark === undefined || kind === undefined) return undefined;
    const rest = [{ ...lead, value: lead.value.slice(mark.length).trimStart() }, ...block.children.slice(1)].filter((c) => c.type !== 'text' || c.value !== '');
    return this.aside(kind, undefined, [{ ...block, children: rest as PhrasingContent[] }]);
  }

  /** `!!! note "标题"` followed by an indented block (MkDocs); `???` is the collapsible form. The opener is a paragraph, or the comment isolate-template-lines.ts made of it. */
  mkdocs(children: RootContent[], i: number): { node: RootContent; consumed: number } | undefined {
    const text = openerText(children[i]);
    if (text === undefined) return undefined;
    const m = MKDOCS.exec(text);
    if (!m) return undefined;
    const kind = this.kindOf(m[1]) ?? this.markup['default-aside'];
    const inline = text.slice(m[0].length).trim();
    const next = children[i + 1];
    const indented = next?.type === 'code' && !next.lang && !next.meta ? next : undefined;
    const body: RootContent[] = [...(inline ? markdownToMdast(inline).children : []), ...(indented ? markdownToMdast(indented.value).children : [])];
    return { node: this.aside(kind, m[2] || undefined, body), consumed: indented ? 2 : 1 };
  }

  /**
   * `=== "命令行"` followed by an indented block: a content tab (MkDocs Material). Its label becomes
   * a bold line above its content, as a Docusaurus tab's does; the page shows every tab's content.
   */
  mkdocsTab(children: RootContent[], i: number): { nodes: RootContent[]; consumed: number } | undefined {
    const m = MKDOCS_TAB.exec(openerText(children[i])?.trim() ?? '');
    const next = children[i + 1];
    const indented = next?.type === 'code' && !next.lang && !next.meta ? next : undefined;
    if (!m || !indented) return undefined;
    return { nodes: [...labelLine(m[1]), ...markdownToMdast(indented.value).children], consumed: 2 };
  }

  /** Alerts, docsify's callouts, MkDocs admonitions and content tabs among one parent's children. */
  admonitions(parent: Parent): void {
    const children = parent.children as RootContent[];
    const out: RootContent[] = [];
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as RootContent;
      const alert = child.type === 'blockquote' ? this.githubAlert(child) : this.paragraphAside(child);
      if (alert) {
        out.push(alert);
        continue;
      }
      const mk = this.mkdocs(children, i);
      if (mk) {
        out.push(mk.node);
        i += mk.consumed - 1;
        continue;
      }
      const tab = this.mkdocsTab(children, i);
      if (tab) {
        out.push(...tab.nodes);
        i += tab.consumed - 1;
        continue;
      }
      // An opener that neither an admonition nor a tab took stays as the line it was.
      const opener = child.type === 'html' ? markerOf(child.value) : undefined;
      if (opener?.syntax === 'mkdocs') out.push({ type: 'paragraph', children: [{ type: 'text', value: opener.source }], ...(child.position ? { position: child.position } : {}) });
      else out.push(child);
    }
    parent.children = out as never;
  }
}

/** The text of a block that may open an MkDocs admonition or tab: a paragraph's, or an isolated opener's. */
function openerText(block: RootContent | undefined): string | undefined {
  if (block?.type === 'paragraph') return toString(block);
  const marker = block?.type === 'html' ? markerOf(block.value) : undefined;
  return marker?.syntax === 'mkdocs' ? marker.source : undefined;
}

/**
 * Callouts and shortcodes of Hugo, GitBook, VuePress/VitePress/Docusaurus, MkDocs, GitHub and
 * Obsidian become Starlight asides (`:::note`) or their content, as `content/markup.yaml` says.
 * An unknown or unpaired shortcode leaves its content in place and is reported; a shortcode
 * inside a sentence is removed and reported. Permalink marks and zero-width characters go,
 * from code too, where they would break a pasted command.
 */
export function convertForeignMarkup(tree: Root, file: NoteFile, markup: Markup): void {
  const converter = new Converter(markup, file);
  const parents: Parent[] = [];
  visit(tree, (node) => {
    if ('children' in node) parents.push(node as Parent);
  });
  // Innermost first, so a callout inside a list item is whole before its list is looked at.
  for (const parent of parents.reverse()) {
    converter.pair(parent);
    converter.admonitions(parent);
  }
  const strip = markup['strip-characters'];
  const stripChars = (value: string): string => {
    let out = value;
    for (const ch of strip) {
      if (!out.includes(ch)) continue;
      const parts = out.split(ch);
      fixed(file, 'strip-character', parts.length - 1);
      out = parts.join('');
    }
    return out;
  };
  visit(tree, (node) => {
    if (node.type === 'text') {
      node.value = stripChars(node.value).replace(INLINE_SHORTCODE, (match) => {
        dropped(file, 'markup:inline-shortcode', match, node.position?.start.line);
        return '';
      });
    } else if (node.type === 'inlineCode' || node.type === 'code') {
      node.value = stripChars(node.value);
      // VitePress names a code block in a code group by `[安装]` after its language: the site shows a title.
      const label = node.type === 'code' ? CODE_LABEL.exec(node.meta ?? '') : null;
      if (node.type === 'code' && label) node.meta = `title="${(label[1] ?? '').replace(/["\\]/g, '')}"${label[2] ? ` ${label[2].trim()}` : ''}`;
    }
    else if (node.type === 'image') node.alt = stripChars(node.alt ?? '');
  });
  // A permalink mark leaves the space before it at the end of its heading.
  visit(tree, 'heading', (heading) => {
    const last = heading.children.at(-1);
    if (last?.type === 'text') last.value = last.value.trimEnd();
  });
}

import type { Image, Parent, PhrasingContent, Root, Strong, Text } from 'mdast';
import { SKIP, visit } from '../tree/visit.ts';
import { dropped, type NoteFile } from '../types.ts';

/**
 * `[[target]]`, `[[target|shown]]`, `[[target#heading]]`, `![[embed]]`, `==highlight==` and
 * `%%comment%%`, as Obsidian and other wiki-style note apps write them. A Markdown parser leaves
 * them as text.
 * A bracket pair opened by a space (`[[ -f file ]]`, a shell test) or after a word (`a[[0]]`) is none of them, nor are
 * equals signs around no word (`==>==>`, an arrow drawn in text).
 */
const WIKI = /(?<![\w\]])(!?)\[\[(?=[^\s\]])([^\[\]|#\n]*)(#[^\[\]|\n]*)?(?:\|([^\[\]\n]*))?\]\]|(?<!=)==(?=[^\s=][^=\n]*?[\p{L}\p{N}])([^=\n]*?[^\s=])==(?!=)|%%([^%]+?)%%/gu;
const IMAGE_FILE = /\.(png|jpe?g|gif|svg|webp|bmp|avif)$/i;

/** The words a link to another note shows: its own text, else the note's name, else the heading. */
const linkWords = (target: string, heading: string, shown: string | undefined) => shown?.trim() || target.trim() || heading.replace(/^#/, '').trim();

/** A text as a reader sees it once wiki markup is converted: link words, highlighted words, no embeds. */
export function wikiReaderText(text: string): string {
  return text.replace(WIKI, (_whole, _bang: string, target: string | undefined, heading: string | undefined, shown: string | undefined, highlighted: string | undefined, comment: string | undefined) =>
    comment !== undefined ? '' : (highlighted ?? (_bang ? '' : linkWords(target ?? '', heading ?? '', shown))),
  );
}

/** The nodes one text value becomes. */
function convert(text: Text, file: NoteFile): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  const keep = (value: string) => {
    if (value) out.push({ type: 'text', value });
  };
  for (const m of text.value.matchAll(WIKI)) {
    keep(text.value.slice(last, m.index));
    last = m.index + m[0].length;
    const [whole, bang, target = '', heading = '', shown, highlighted, comment] = m;
    if (comment !== undefined) {
      // The author's note to self, which Obsidian does not show either.
      dropped(file, 'wiki:comment', whole, text.position?.start.line);
      continue;
    }
    if (highlighted !== undefined) {
      out.push({ type: 'strong', children: [{ type: 'text', value: highlighted }] } satisfies Strong);
      continue;
    }
    const name = target.trim();
    if (bang && IMAGE_FILE.test(name)) {
      // An attachment embedded by name: an image like any other, which the local image step finds or reports.
      out.push({ type: 'image', url: encodeURI(name), alt: shown?.trim() ?? '' } satisfies Image);
      continue;
    }
    if (bang) {
      // Another note embedded whole: its text is not in this note.
      dropped(file, 'wiki:embed', whole, text.position?.start.line);
      continue;
    }
    // A link to another note of the author's: its words stay, as text.
    keep(linkWords(name, heading, shown));
  }
  if (last === 0) return [text];
  keep(text.value.slice(last));
  return out;
}

/** Wiki links and embeds become their words or images; highlights become strong emphasis; comments go, reported. */
export function convertWikiMarkup(tree: Root, file: NoteFile): void {
  visit(tree, 'text', (node, index, parent: Parent | undefined) => {
    if (!parent || index === undefined || !['[[', '==', '%%'].some((mark) => node.value.includes(mark))) return;
    const nodes = convert(node, file);
    if (nodes.length === 1 && nodes[0] === node) return;
    parent.children.splice(index, 1, ...(nodes as never[]));
    return [SKIP, index + nodes.length];
  });
}

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
/** `![[pod.png|500]]`, `![[pod.png|500x300]]`: the width (and height) to show the picture at, no words. */
const PICTURE_SIZE = /^\d+(?:x\d+)?$/;
/** ` ^restart-policy` at the end of a block: the id other notes embed or link the block by, not its words. */
const BLOCK_ID = /(?:^|\s)\^(?=[\w-]*[A-Za-z])[\w-]+\s*$/;

/** The words a link to another note shows: its own text, else the note's name, else the heading. */
const linkWords = (target: string, heading: string, shown: string | undefined) => shown?.trim() || target.trim() || heading.replace(/^#/, '').trim();

/** A text as a reader sees it once wiki markup is converted: link words, highlighted words, no embeds. */
export function wikiReaderText(text: string): string {
  return text.replace(WIKI, (_whole, _bang: string, target: string | undefined, heading: string | undefined, shown: string | undefined, highlighted: string | undefined, comment: string | undefined) =>
    comment !== undefined ? '' : (highlighted ?? (_bang ? '' : linkWords(target ?? '', heading ?? '', shown))),
  );
}

/** The nodes one text value becomes; `alone`: the text is all its block says. */
function convert(text: Text, file: NoteFile, alone: boolean): PhrasingContent[] {
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
      // An attachment embedded by name: an image like any other, which the local image step finds
      // (beside the note, or by its name anywhere in the notes folder) or reports.
      const alt = shown?.trim() ?? '';
      out.push({ type: 'image', url: encodeURI(name), alt: PICTURE_SIZE.test(alt) ? '' : alt, data: { embedByName: true } } as Image);
      continue;
    }
    if (bang) {
      // Another note (or a part of it) embedded: its text is not in this note. Inside a sentence
      // its name stays, so that the sentence still reads (详见 ![[探针]] 和 …).
      dropped(file, 'wiki:embed', whole, text.position?.start.line);
      const around = `${text.value.slice(0, m.index)}${text.value.slice(m.index + whole.length)}`;
      if (!alone || around.trim() !== '') keep(linkWords(name, heading.startsWith('#^') ? '' : heading, shown));
      continue;
    }
    // A link to another note of the author's: its words stay, as text.
    keep(linkWords(name, heading, shown));
  }
  if (last === 0) return [text];
  keep(text.value.slice(last));
  return out;
}

/**
 * Wiki links and embeds become their words or images; highlights become strong emphasis;
 * comments and block ids go, reported.
 */
export function convertWikiMarkup(tree: Root, file: NoteFile): void {
  visit(tree, 'text', (node, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    if (index === parent.children.length - 1 && BLOCK_ID.test(node.value)) {
      const id = BLOCK_ID.exec(node.value)?.[0] ?? '';
      dropped(file, 'wiki:block-id', id.trim(), node.position?.start.line);
      node.value = node.value.slice(0, node.value.length - id.length);
    }
    if (!['[[', '==', '%%'].some((mark) => node.value.includes(mark))) return;
    const nodes = convert(node, file, parent.children.length === 1);
    if (nodes.length === 1 && nodes[0] === node) return;
    parent.children.splice(index, 1, ...(nodes as never[]));
    return [SKIP, index + nodes.length];
  });
}

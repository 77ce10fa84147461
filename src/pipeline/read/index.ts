import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import type { Rules } from '../rules/schemas.ts';
import type { Note, NoteFile, SourceMeta } from '../types.ts';
import { decode, UnreadableNoteError } from './decode.ts';
import { detectFormat } from './detect-format.ts';
import { parseFrontMatter, pickMetadata, splitFrontMatter } from './front-matter.ts';
import { htmlToMdast } from './html.ts';
import { isolateTemplateLines } from './isolate-template-lines.ts';
import { asciidocToMdast } from './asciidoc.ts';
import { hasExtension, type LightReading } from './light-markup.ts';
import { notebookToMdast } from './notebook.ts';
import { restructuredTextToMdast } from './restructured-text.ts';
import { isConvertedWord, isWordNote } from './word.ts';
import { markdownToMdast } from './markdown.ts';
import { plainTextToMdast, typedCommand } from './plain-text.ts';
import { headingReader } from '../segment/heading-text.ts';
import { normalize } from '../text/normalize.ts';
import { offsetLines } from '../tree/offset-lines.ts';
import { unfencedCode } from './unfenced-code.ts';

export { UnreadableNoteError } from './decode.ts';

/** What two spellings of one title share (normalize: words without spaces or punctuation), after a leading date (a Jekyll post's `2024-12-24-`). */
const lettersOf = (text: string) => normalize(text.replace(/^\d{4}-\d{1,2}-\d{1,2}[-_\s]*/, ''));

/**
 * A scraper's front matter may hold the article's title with its punctuation turned into hyphens
 * or dropped (云原生-Kuberneteskubernetes-核心技术, K8S学习之基础三十k8s中RBAC-的核心概念), a date
 * before it: the note's own heading, the same words, is the title as its author wrote it.
 */
function ownSpelling(matter: string, heading: string | undefined): string {
  return heading !== undefined && heading.trim() && matter !== heading && lettersOf(matter) === lettersOf(heading) ? heading.trim() : matter;
}

/** Turns a note's bytes into a tree and its metadata; `name` is how the note is known (its file's name, or its path in the notes folder). Throws UnreadableNoteError. */
export function readNote(bytes: Uint8Array, path: string, rules: Pick<Rules, 'junk' | 'markup' | 'pageModel'>, name = basename(path)): Note {
  const { junk } = rules;
  const file = new VFile({ path: name }) as NoteFile;
  file.data.dropped = [];
  file.data.images = [];
  // The ingest splits an Evernote export into its notes first (evernote.ts, which the reader's threads
  // do not load); one it could not split is none.
  if (hasExtension(name, rules.markup.evernote.extensions)) throw new UnreadableNoteError('it is not an Evernote export: it holds no <en-export> with notes', 'Export the notes from Evernote again (File › Export, .enex), or as HTML pages.');
  const word = isWordNote(name, rules.markup.word);
  // The ingest turns a Word document into its page first (word.ts); one that is still not a page could not be.
  if (word && !isConvertedWord(bytes)) throw new UnreadableNoteError('the Word document could not be opened (it is damaged, or not a .docx file)', 'Open it in Word or WPS and save it again as .docx.');
  const { text, encoding } = decode(bytes);
  // reStructuredText, AsciiDoc and notebooks are known by their extension; none has YAML front
  // matter (an overlined title starts with a line of hyphens).
  const light = hasExtension(name, rules.markup['restructured-text'].extensions) ? 'restructured-text' : hasExtension(name, rules.markup.asciidoc.extensions) ? 'asciidoc' : hasExtension(name, rules.markup.notebook.extensions) ? 'notebook' : undefined;
  const split: ReturnType<typeof splitFrontMatter> = light || word ? { body: text, lines: 0 } : splitFrontMatter(text);
  let metadata: ReturnType<typeof pickMetadata> = { tags: [] };
  if (split.matter) {
    const parsed = parseFrontMatter(split.matter.text, split.matter.syntax);
    if (parsed.ok) {
      metadata = pickMetadata(parsed.data, junk['front-matter']['short-title']);
      const keep = new Set([...junk['front-matter'].keep, ...junk['front-matter']['short-title']]);
      for (const key of Object.keys(parsed.data).sort()) {
        if (!keep.has(key)) file.data.dropped.push({ rule: 'front-matter:key', text: `${key}: ${JSON.stringify(parsed.data[key])}` });
      }
    } else {
      file.message(`${parsed.reason}; the front matter was ignored`, { ruleId: 'front-matter', source: 'read' });
      file.data.dropped.push({ rule: 'front-matter:invalid', text: split.matter.text.trim() });
    }
  }
  let markdown: Root | undefined;
  let isolated: string | undefined;
  const markdownText = () => (isolated ??= isolateTemplateLines(split.body, rules.markup['code-shortcodes']));
  const parseMarkdown = () => (markdown ??= markdownToMdast(markdownText()));
  const format = word ? 'word' : light ?? detectFormat(split.body, name, split.matter !== undefined, markdownToMdast, typedCommand(rules.markup['plain-text'], rules.markup['shell-commands']));
  let tree: Root;
  let title = metadata.title;
  if (format === 'notebook') {
    tree = notebookToMdast(split.body, markdownToMdast);
  } else if (format === 'restructured-text' || format === 'asciidoc') {
    const reading: LightReading = format === 'asciidoc' ? asciidocToMdast(split.body, rules.markup) : restructuredTextToMdast(split.body, rules.markup);
    tree = { type: 'root', children: reading.children };
    file.data.dropped.push(...reading.dropped);
  } else if (format === 'html' || format === 'word') {
    const html = htmlToMdast(split.body, junk, rules.markup);
    tree = html.tree;
    title = title === undefined ? html.title : ownSpelling(title, html.title);
    for (const entry of html.dropped) file.data.dropped.push(entry.line === undefined ? entry : { ...entry, line: entry.line + split.lines });
  } else if (format === 'markdown') {
    tree = parseMarkdown();
    unfencedCode(tree, markdownText(), file, rules.markup);
    offsetLines(tree, split.lines);
    const first = tree.children.find((node) => node.type === 'heading');
    if (title !== undefined && first?.type === 'heading' && first.depth === 1) title = ownSpelling(title, toString(first));
  } else {
    const reader = headingReader(rules.pageModel);
    tree = plainTextToMdast(split.body, rules.markup['plain-text'], split.lines + 1, rules.markup['shell-commands'], { asks: (text) => reader.isQuestion(text), min: rules.pageModel['min-questions'] });
  }
  const meta: SourceMeta = { file: name, format, encoding, tags: metadata.tags, ...(title ? { title } : {}), ...(metadata.shortTitle ? { shortTitle: metadata.shortTitle } : {}), ...(metadata.date ? { date: metadata.date } : {}) };
  file.data.meta = meta;
  return { tree, file };
}

/** Reads a note from disk. */
export function readNoteFile(path: string, rules: Pick<Rules, 'junk' | 'markup' | 'pageModel'>): Note {
  return readNote(readFileSync(path), path, rules);
}

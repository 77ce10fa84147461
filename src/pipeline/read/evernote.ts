/**
 * Evernote exports (`.enex`, also 印象笔记's): one file holds many notes, each an XHTML page
 * (ENML) with its title, tags and pictures. The ingest splits an export into its notes before the
 * per-note stages (splitEvernoteExports): each becomes an HTML page named `export.enex#N`, its
 * pictures written into it, and is read as a saved page.
 */
import { createHash } from 'node:crypto';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { SourceInput } from '../index.ts';
import type { Markup } from '../rules/schemas.ts';
import { hasExtension } from './light-markup.ts';

type Evernote = Markup['evernote'];

/** `export.enex#3`: the third note of an export. */
const PART = /^(.*)#(\d+)$/;

export const isEvernoteExport = (name: string, evernote: Evernote) => hasExtension(name, evernote.extensions);

/** A parser that reads what it can of a file that is not well formed, without printing its complaints: an export that holds no notes is reported as such. */
const xmlParser = () => new DOMParser({ errorHandler: { warning: () => {}, error: () => {}, fatalError: () => {} } });
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const childText = (element: Element, name: string) => element.getElementsByTagName(name)[0]?.textContent?.trim() ?? '';

interface ExportedNote {
  title: string;
  tags: string[];
  /** The note's ENML, its pictures written into it. */
  html: string;
}

/**
 * A note's ENML as HTML: its <en-note> a <div>, a picture's <en-media> the <img> of its
 * resource (dropped when the export lacks it), a to-do's box a ☐ or ☑.
 */
function noteBody(enml: string, pictures: Map<string, string>): string {
  const document = xmlParser().parseFromString(enml, 'text/xml');
  const root = document.documentElement;
  if (!root) return '';
  const walk = (element: Element) => {
    for (const child of Array.from(element.childNodes) as Node[]) {
      if (child.nodeType !== 1) continue;
      const node = child as Element;
      if (node.nodeName === 'en-media') {
        const source = pictures.get(node.getAttribute('hash') ?? '');
        if (source) {
          const img = document.createElement('img');
          img.setAttribute('src', source);
          img.setAttribute('alt', '');
          element.replaceChild(img, node);
        } else element.removeChild(node);
      } else if (node.nodeName === 'en-todo') {
        element.replaceChild(document.createTextNode(node.getAttribute('checked') === 'true' ? '☑ ' : '☐ '), node);
      } else walk(node);
    }
  };
  walk(root);
  // The note itself is a <div> of the page.
  const div = document.createElement('div');
  while (root.firstChild) div.appendChild(root.firstChild);
  return new XMLSerializer().serializeToString(div);
}

/** The notes of an export, in its order; none when it is not one (no <en-export>). */
export function exportedNotes(bytes: Uint8Array): ExportedNote[] {
  const document = xmlParser().parseFromString(Buffer.from(bytes).toString('utf8'), 'text/xml');
  const root = document.documentElement;
  if (!root || root.nodeName !== 'en-export') return [];
  return Array.from(root.getElementsByTagName('note')).map((note) => {
    // A picture's <en-media> names its resource by the MD5 of its bytes.
    const pictures = new Map<string, string>();
    for (const resource of Array.from(note.getElementsByTagName('resource'))) {
      const data = childText(resource, 'data').replace(/\s+/g, '');
      const mime = childText(resource, 'mime');
      if (!data || !mime.startsWith('image/')) continue;
      pictures.set(createHash('md5').update(Buffer.from(data, 'base64')).digest('hex'), `data:${mime};base64,${data}`);
    }
    const html = noteBody(childText(note, 'content'), pictures);
    return { title: childText(note, 'title'), tags: Array.from(note.getElementsByTagName('tag')).map((t) => t.textContent?.trim() ?? '').filter(Boolean), html };
  });
}

/** A note of an export as a saved page: its title as <title> and as the <h1> of its <article>. */
export function notePage(note: ExportedNote): string {
  const title = escapeHtml(note.title);
  return `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><article>\n<h1>${title}</h1>\n${note.html}\n</article></body></html>\n`;
}

/** The notes with each Evernote export split into its notes (`export.enex#1`, `#2`…); the others as they are. An export with no notes stays, to be reported. */
export function splitEvernoteExports(inputs: SourceInput[], evernote: Evernote): SourceInput[] {
  return inputs.flatMap((input) => {
    if (!isEvernoteExport(input.name, evernote)) return [input];
    const notes = exportedNotes(input.bytes);
    if (notes.length === 0) return [input];
    const width = String(notes.length).length;
    return notes.map((note, i) => ({ ...input, name: `${input.name}#${String(i + 1).padStart(width, '0')}`, bytes: Buffer.from(notePage(note), 'utf8') }));
  });
}

/** The export and the note's place in it for a name such as `export.enex#3`, when it names one. */
export function exportPart(name: string, evernote: Evernote): { file: string; index: number } | undefined {
  const match = PART.exec(name);
  return match && isEvernoteExport(match[1]!, evernote) ? { file: match[1]!, index: Number(match[2]) - 1 } : undefined;
}

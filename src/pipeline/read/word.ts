/**
 * Word notes (`.docx`): mammoth turns each into an HTML page before the per-note stages, which
 * read it as a saved page (headings by their paragraph styles, lists, tables, bold and italic,
 * pictures written into the page). Conversion is asynchronous, the stages are not: the ingest
 * converts the Word notes it lists first (convertWordNotes), and the reader takes the page.
 */
import type { SourceInput } from '../index.ts';
import type { Markup } from '../rules/schemas.ts';
import { hasExtension } from './light-markup.ts';

type Word = Markup['word'];

/** A .docx file is a ZIP archive: its first bytes say so. */
export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const PAGE_START = '<!DOCTYPE html>\n<html><body>\n';

/** Whether a Word note's bytes are the page convertWordNotes made of it. */
export const isConvertedWord = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, PAGE_START.length)).toString('utf8') === PAGE_START;

/** Whether a note is a Word document by its name (content/markup.yaml `word.extensions`). */
export const isWordNote = (name: string, word: Word) => hasExtension(name, word.extensions);

/**
 * The notes with each Word document turned into its HTML page (UTF-8); the others as they are.
 * One that cannot be converted keeps its bytes: the reader then says it could not be opened.
 */
export async function convertWordNotes(inputs: SourceInput[], word: Word): Promise<SourceInput[]> {
  if (!inputs.some((input) => isWordNote(input.name, word))) return inputs;
  // Loaded only for a notes folder that has Word documents: the reader's threads never load it.
  const { default: mammoth } = await import('mammoth');
  return Promise.all(
    inputs.map(async (input) => {
      if (!isWordNote(input.name, word) || !isZip(input.bytes)) return input;
      try {
        const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(input.bytes) }, { styleMap: word['style-map'] });
        return { ...input, bytes: Buffer.from(`${PAGE_START}${value}\n</body></html>\n`, 'utf8') };
      } catch {
        return input;
      }
    }),
  );
}

/** A Word document's text, paragraph by paragraph, as mammoth reads it without its formatting (npm run verify). */
export async function wordText(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  try {
    return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch {
    return '';
  }
}

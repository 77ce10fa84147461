import iconv from 'iconv-lite';

/** A note that cannot become text; the message names the reason, the caller names the file. */
export class UnreadableNoteError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
    this.name = 'UnreadableNoteError';
  }
}

export interface Decoded {
  text: string;
  /** utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, or the charset a saved page declares (big5, shift_jis…). */
  encoding: string;
}

/** The charset a saved page declares in its first bytes (`<meta charset="big5">`, `content="text/html; charset=gb2312"`, `<?xml … encoding="…"?>`), lower case. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const found = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return found?.[1]?.toLowerCase();
}

/** The GB family is read as GB18030, its superset. */
const GB = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'gb_2312-80']);

const SAMPLE = 64 * 1024;

/** Share of characters that are C0 controls other than tab, newline, carriage return and form feed. */
function controlShare(text: string): number {
  let controls = 0;
  let total = 0;
  for (const ch of text.slice(0, SAMPLE)) {
    total++;
    const code = ch.codePointAt(0) ?? 0;
    if ((code < 0x20 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) controls++;
  }
  return total === 0 ? 0 : controls / total;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Turns a note's bytes into text: UTF-8 with or without BOM, UTF-16 with BOM, the charset a
 * saved page declares (Big5, Shift_JIS…), else GB18030 (a superset of GBK and GB2312). Line
 * endings become LF.
 * Throws UnreadableNoteError for empty, binary or undecodable files.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new UnreadableNoteError('the file is empty', 'Delete it, or write the note into it.');
  let decoded: Decoded | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictUtf8(bytes.subarray(3));
    if (text !== undefined) decoded = { text, encoding: 'utf-8-bom' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  } else if (bytes.subarray(0, SAMPLE).includes(0)) {
    throw new UnreadableNoteError(
      'the file looks binary (it contains NUL bytes and no UTF-16 byte order mark)',
      'Notes are text (Markdown, HTML, plain text, reStructuredText, AsciiDoc, notebooks) or Word and Evernote files with their extensions. Save UTF-16 files with a byte order mark.',
    );
  } else {
    const utf8 = strictUtf8(bytes);
    const declared = utf8 === undefined ? declaredCharset(bytes) : undefined;
    if (utf8 !== undefined) decoded = { text: utf8, encoding: 'utf-8' };
    else if (declared && !GB.has(declared) && !declared.startsWith('utf') && iconv.encodingExists(declared)) {
      // A saved page that says what it is written in (Big5, Shift_JIS): GB18030 would take its bytes for other characters.
      decoded = { text: iconv.decode(Buffer.from(bytes), declared), encoding: declared };
    } else {
      const buffer = Buffer.from(bytes);
      const text = iconv.decode(buffer, 'gb18030');
      // GB18030 maps almost any byte sequence; accept it only when it round-trips.
      if (!text.includes('\ufffd') && iconv.encode(text, 'gb18030').equals(buffer)) decoded = { text, encoding: 'gb18030' };
    }
  }
  if (decoded === undefined || controlShare(decoded.text) > 0.01) {
    throw new UnreadableNoteError(
      'the file could not be decoded as UTF-8, UTF-16 (with BOM) or GB18030/GBK',
      'Re-save the note as UTF-8.',
    );
  }
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new UnreadableNoteError('the file holds only whitespace', 'Delete it, or write the note into it.');
  return { text, encoding: decoded.encoding };
}

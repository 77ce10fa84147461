/**
 * Mermaid's own parser, run in Node: every diagram is checked before it is drawn, with or
 * without a browser. Mermaid sanitises labels with DOMPurify, which needs a DOM when its module
 * loads; a jsdom window is lent to it for the import and taken back at once, so nothing else in
 * the process sees a `window`.
 */
type Parse = (code: string) => Promise<unknown>;

let parser: Promise<Parse> | undefined;

async function loadParser(): Promise<Parse> {
  const { JSDOM } = await import('jsdom');
  const { window } = new JSDOM('');
  const scope = globalThis as Record<string, unknown>;
  const had = { window: scope['window'], document: scope['document'] };
  Object.assign(scope, { window, document: window.document });
  try {
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return (code) => mermaid.parse(code);
  } finally {
    for (const [key, value] of Object.entries(had)) {
      if (value === undefined) delete scope[key];
      else scope[key] = value;
    }
  }
}

/** The parser's message when the code is not valid Mermaid, else undefined. */
export async function mermaidError(code: string): Promise<string | undefined> {
  parser ??= loadParser();
  const parse = await parser;
  try {
    await parse(code);
    return undefined;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).trim();
  }
}

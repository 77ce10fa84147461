/** The URL parameter a search result carries: the names to mark on the page it opens, joined by |. */
export const HIGHLIGHT_PARAM = 'hl';

/** Where marks never go: code the reader copies, diagrams, hidden definitions, the marks themselves. */
const SKIP = 'script, style, svg, mark, textarea, .term-defs, .diagram-frame, [hidden]';

/**
 * Marks every occurrence of `terms` (case-insensitive, the longest first) in the text under
 * `root` with <mark class="search-hit">; returns the marks in document order.
 */
export function highlight(root: Element, terms: string[]): HTMLElement[] {
  const wanted = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (!wanted.length) return [];
  const pattern = new RegExp(wanted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    const text = node.data;
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const parts = document.createDocumentFragment();
    let last = 0;
    for (const m of text.matchAll(pattern)) {
      if (m.index > last) parts.append(text.slice(last, m.index));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = m[0];
      parts.append(mark);
      marks.push(mark);
      last = m.index + m[0].length;
    }
    if (last < text.length) parts.append(text.slice(last));
    node.replaceWith(parts);
  }
  return marks;
}

/** On a page opened from a search result: marks the names it carries in the content, and shows the first. */
export function highlightFromUrl(): void {
  const value = new URLSearchParams(location.search).get(HIGHLIGHT_PARAM);
  const content = document.querySelector('.sl-markdown-content');
  if (!value || !content) return;
  const marks = highlight(content, value.split('|'));
  if (!location.hash) marks[0]?.scrollIntoView({ block: 'center' });
}

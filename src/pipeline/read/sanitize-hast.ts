import type { Element, Root as HastRoot } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Dropped } from '../types.ts';

/** Elements whose content never reaches a reader. */
const REMOVED = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template', 'noscript', 'link', 'meta', 'base', 'form', 'button', 'input', 'select', 'textarea']);
const URL_PROPS = ['href', 'src', 'action', 'formAction', 'poster', 'cite', 'data'];

function unsafeUrl(value: unknown): boolean {
  // Browsers ignore control characters and white space inside a scheme.
  const url = String(value).replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return url.startsWith('javascript:') || url.startsWith('vbscript:') || (url.startsWith('data:') && !url.startsWith('data:image/'));
}

/** Players a note embeds (a Bilibili or YouTube video, a recording): what they play is content. */
export const MEDIA: ReadonlySet<string> = new Set(['iframe', 'embed', 'object', 'video', 'audio']);

/** The web address an embedded player plays (`//player.bilibili.com/…` on https), if it has one. */
export function mediaAddress(element: Element): string | undefined {
  const sources = [element.properties['src'], element.properties['data'], ...element.children.map((c) => (c.type === 'element' && c.tagName === 'source' ? c.properties['src'] : undefined))];
  const found = sources.map((value) => String(value ?? '').trim()).find((value) => /^(https?:)?\/\/[^/\s]/i.test(value));
  return found?.startsWith('//') ? `https:${found}` : found;
}

/**
 * Makes a hast tree inert: removes active elements (script, iframe, …), event-handler
 * attributes and script URLs. Every removal is recorded. A player embedded from the web
 * (iframe, video, audio) becomes a link to what it plays, the address its words.
 */
export function sanitizeHast(root: HastRoot | Element, dropped: Dropped[]): void {
  const line = (node: Element) => (node.position ? { line: node.position.start.line } : {});
  root.children = root.children.map((child) => {
    const address = child.type === 'element' && MEDIA.has(child.tagName) ? mediaAddress(child) : undefined;
    return address ? ({ type: 'element', tagName: 'a', properties: { href: address }, children: [{ type: 'text', value: address }], ...(child.position ? { position: child.position } : {}) } satisfies Element) : child;
  });
  root.children = root.children.filter((child) => {
    if (child.type === 'comment') {
      if (child.value.trim()) dropped.push({ rule: 'html:comment', text: child.value.trim() });
      return false;
    }
    if (child.type !== 'element') return true;
    if (REMOVED.has(child.tagName)) {
      const text = toString(child).replace(/\s+/g, ' ').trim();
      dropped.push({ rule: `html:${child.tagName}`, text: text || `<${child.tagName}>`, ...line(child) });
      return false;
    }
    for (const key of Object.keys(child.properties)) {
      if (/^on/i.test(key)) {
        dropped.push({ rule: 'html:event-handler', text: `${key}=${String(child.properties[key])}`, ...line(child) });
        delete child.properties[key];
      } else if (URL_PROPS.includes(key) && unsafeUrl(child.properties[key])) {
        dropped.push({ rule: 'html:script-url', text: String(child.properties[key]), ...line(child) });
        delete child.properties[key];
      }
    }
    sanitizeHast(child, dropped);
    return true;
  });
}

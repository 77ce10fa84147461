import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';

const COLOR = /#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)|hsla?\([^)]*\)/g;
/** Counters Mermaid keeps across renders (`root-3`): ids are the only thing besides colours two renders may differ in. */
const COUNTER = /\d+/g;

type Palette = Map<string, { light: string; dark: string }>;

const variableOf = (light: string, dark: string) => `--dg-${createHash('sha256').update(`${light}|${dark}`).digest('hex').slice(0, 6)}`;

/** The light text with every colour that differs from the dark text's replaced by a custom property; undefined when they differ in more than colours. */
function themedText(light: string, dark: string, palette: Palette): string | undefined {
  const lightParts = light.split(COLOR);
  const darkParts = dark.split(COLOR);
  if (lightParts.length !== darkParts.length || lightParts.some((p, i) => p !== darkParts[i])) return undefined;
  const darkColors = dark.match(COLOR) ?? [];
  let i = 0;
  return light.replace(COLOR, (color) => {
    const other = darkColors[i++] ?? color;
    if (other === color) return color;
    const name = variableOf(color, other);
    palette.set(name, { light: color, dark: other });
    return `var(${name})`;
  });
}

function walk(light: Element, dark: Element, palette: Palette, path: string): void {
  if (light.tagName !== dark.tagName || light.children.length !== dark.children.length) throw new Error(`the light and the dark render are not the same diagram (at ${path})`);
  const moved: string[] = [];
  for (const { name, value } of [...light.attributes]) {
    const other = dark.getAttribute(name);
    if (other === null) throw new Error(`the dark render has no ${name} at ${path}`);
    if (other === value) continue;
    if (name === 'id') continue;
    const themed = themedText(value, other, palette);
    // References to counted ids (`url(#root-3)`) differ in their numbers only.
    if (themed === undefined && value.replace(COUNTER, '') === other.replace(COUNTER, '')) continue;
    if (themed === undefined) throw new Error(`the renders differ in ${name} at ${path}: ${value} / ${other}`);
    if (name === 'style') light.setAttribute('style', themed);
    else {
      // A presentation attribute cannot hold var(): the value moves into the style attribute.
      light.removeAttribute(name);
      moved.push(`${name}:${themed}`);
    }
  }
  if (moved.length) light.setAttribute('style', [light.getAttribute('style'), ...moved].filter(Boolean).join(';'));
  if (light.tagName.toLowerCase() === 'style') {
    const themed = themedText(light.textContent ?? '', dark.textContent ?? '', palette);
    if (themed === undefined) throw new Error('the two renders differ in their stylesheets beyond colours');
    light.textContent = themed;
  }
  [...light.children].forEach((child, i) => walk(child, dark.children[i] as Element, palette, `${path} > ${child.tagName}`));
}

let shared: Document | undefined;

/**
 * One SVG for both themes: Mermaid drew the same diagram twice, with the light and the dark
 * palette. The two trees are walked side by side; where they differ in a colour, the light SVG
 * gets a custom property whose value the dark theme (`:root[data-theme='dark']`) switches.
 * Renders that differ in anything but colours and counters are an error, never a silently
 * wrong picture.
 */
export function mergeThemes(light: string, dark: string, rootId: string): string {
  const parse = (svg: string) => {
    // One document for every render, parsed into a template as HTML parses it in a body: a
    // window per render cost more than the walk.
    shared ??= new JSDOM('<!doctype html><body></body>').window.document;
    const template = shared.createElement('template');
    template.innerHTML = svg;
    const root = template.content.firstElementChild;
    if (!root || root.tagName.toLowerCase() !== 'svg') throw new Error('the render is not an SVG');
    return root;
  };
  const lightRoot = parse(light);
  const palette: Palette = new Map();
  walk(lightRoot, parse(dark), palette, 'svg');
  const names = [...palette.keys()].sort();
  if (names.length) {
    const declare = (theme: 'light' | 'dark') => names.map((n) => `${n}:${palette.get(n)?.[theme]}`).join(';');
    const style = lightRoot.querySelector('style') ?? lightRoot.insertBefore(lightRoot.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'style'), lightRoot.firstChild);
    style.textContent = `#${rootId}{${declare('light')}}:root[data-theme='dark'] #${rootId}{${declare('dark')}}${style.textContent ?? ''}`;
  }
  return lightRoot.outerHTML;
}

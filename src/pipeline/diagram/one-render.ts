/**
 * One Mermaid render for both themes. Mermaid derives every colour of a diagram from its theme
 * variables. The light and the dark palette are resolved once (Mermaid's own derivations of the
 * ten colours settings.ts gives), and every variable whose colour differs between them gets a
 * stand-in: a colour no diagram uses. The diagram is drawn once with the stand-ins; each
 * stand-in in the SVG, as it is or faded by Mermaid's styles (`rgba(…, 0.5)`), becomes a custom
 * property whose value the dark theme switches.
 *
 * That holds only where Mermaid's drawing uses the variables as they are, or faded: the kinds of
 * diagram in ONE_RENDER_KINDS, each checked pixel for pixel against Mermaid's own light and dark
 * renders (tests/e2e/diagram-render.test.ts). Any other kind, a diagram that sets its own
 * configuration, or a stand-in left where no custom property can go, is drawn twice and merged
 * (theme-merge.ts).
 *
 * The functions that run in the page are self-contained: Playwright sends their source.
 */

/** Kinds of diagram (the first word of the code) whose colours are theme variables, as they are or faded. */
export const ONE_RENDER_KINDS: ReadonlySet<string> = new Set(['flowchart', 'flowchart-v2', 'graph', 'sequenceDiagram', 'stateDiagram', 'stateDiagram-v2', 'classDiagram', 'classDiagram-v2', 'erDiagram']);

/**
 * Can this diagram be drawn once? Its kind is one of ONE_RENDER_KINDS, and it sets no
 * configuration of its own (front matter or an `%%{init}%%` directive may set theme variables,
 * which Mermaid would derive from the stand-ins).
 */
export function drawnOnce(code: string): boolean {
  if (code.includes('%%{')) return false;
  const first = code
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('%%'));
  if (first === undefined || first.startsWith('---')) return false;
  return ONE_RENDER_KINDS.has(first.split(/[\s;]/)[0] ?? '');
}

/** A variable that differs between the palettes: its stand-in, and its colour in each theme as the browser computes it. */
export interface StandIn {
  key: string;
  /** The custom property it becomes: named after the first variable (by name) with the same two colours, which share it. */
  name: string;
  /** `#a5xxxx`, lower case. */
  value: string;
  /** The stand-in's channels, `165,0,12`. */
  channels: string;
  light: string;
  dark: string;
  lightChannels: string;
  darkChannels: string;
}

type MermaidInPage = {
  initialize: (config: object) => void;
  render: (id: string, code: string) => Promise<{ svg: string }>;
  mermaidAPI: { getConfig: () => { themeVariables: Record<string, unknown> } };
};
type PageState = { themeVariables: Record<string, unknown>; standIns: StandIn[] };

/**
 * In the page, once: resolves both palettes, gives each variable whose colour differs a stand-in
 * and keeps the render's theme variables (the light palette, resolved, with the stand-ins) on
 * the window. Returns the stand-ins.
 */
export function prepareOneRender({ settings, palettes, font }: { settings: object; palettes: object[]; font: string }): StandIn[] {
  const page = window as unknown as { mermaid: MermaidInPage; handbookOneRender?: PageState };
  const resolved = palettes.map((palette) => {
    page.mermaid.initialize({ ...settings, fontFamily: font, themeVariables: { ...palette, fontFamily: font } });
    return { ...page.mermaid.mermaidAPI.getConfig().themeVariables };
  });
  const [light = {}, dark = {}] = resolved;
  const probe = document.createElement('i');
  document.body.append(probe);
  /** A colour's channels as the browser computes them: `253, 246, 220`. */
  const channelsOf = (color: string) => {
    probe.style.color = '';
    probe.style.color = color;
    const parts = /^rgba?\(([^)]*)\)$/.exec(getComputedStyle(probe).color)?.[1]?.split(',') ?? [];
    return parts.slice(0, 3).map((p) => p.trim()).join(', ');
  };
  const standIns: StandIn[] = [];
  const names = new Map<string, string>();
  for (const key of Object.keys(light).sort()) {
    const [l, d] = [light[key], dark[key]];
    if (typeof l !== 'string' || typeof d !== 'string' || l === d || !CSS.supports('color', l) || !CSS.supports('color', d)) continue;
    const n = standIns.length + 1;
    const [g, b] = [n >> 8, n & 255];
    const pair = `${l}|${d}`;
    if (!names.has(pair)) names.set(pair, `--dg-${key}`);
    standIns.push({ key, name: names.get(pair) ?? `--dg-${key}`, value: `#a5${g.toString(16).padStart(2, '0')}${b.toString(16).padStart(2, '0')}`, channels: `165,${g},${b}`, light: l, dark: d, lightChannels: channelsOf(l), darkChannels: channelsOf(d) });
  }
  probe.remove();
  page.handbookOneRender = { themeVariables: { ...light, ...Object.fromEntries(standIns.map((s) => [s.key, s.value])), fontFamily: font }, standIns };
  return standIns;
}

/**
 * In the page, for one diagram: draws it once with the stand-ins and puts custom properties in
 * their place. Returns the SVG, Mermaid's message when the code does not parse, or why this
 * diagram must be drawn twice instead.
 */
export async function drawWithStandIns({ code, rootId, settings, font }: { code: string; rootId: string; settings: object; font: string }): Promise<{ svg: string } | { error: string } | { twice: string }> {
  const page = window as unknown as { mermaid: MermaidInPage; handbookOneRender?: PageState };
  const state = page.handbookOneRender;
  if (!state) return { twice: 'the page has no stand-ins' };
  const lower = code.toLowerCase().replace(/\s+/g, '');
  const named = (text: string, s: StandIn) => text.includes(s.value) || text.includes(`(${s.channels},`) || text.includes(`(${s.channels})`);
  const clash = state.standIns.find((s) => named(lower, s));
  if (clash) return { twice: `the code uses the colour that stands in for ${clash.key}` };
  let svg: string;
  try {
    page.mermaid.initialize({ ...settings, deterministicIDSeed: rootId, fontFamily: font, themeVariables: state.themeVariables });
    svg = (await page.mermaid.render(rootId, code)).svg;
  } catch (error) {
    return { error: (error instanceof Error ? error.message : String(error)).trim() };
  }
  const byValue = new Map(state.standIns.map((s) => [s.value, s]));
  const byChannels = new Map(state.standIns.map((s) => [s.channels, s]));
  /** Custom property → its light and dark value. */
  const used = new Map<string, [string, string]>();
  const COLOR = /#[0-9a-fA-F]{6}\b|rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)/g;
  const swap = (text: string) =>
    text.replace(COLOR, (color: string, r?: string, g?: string, b?: string, alpha?: string) => {
      if (color.startsWith('#')) {
        const standIn = byValue.get(color.toLowerCase());
        if (!standIn) return color;
        used.set(standIn.name, [standIn.light, standIn.dark]);
        return `var(${standIn.name})`;
      }
      const standIn = byChannels.get(`${r},${g},${b}`);
      if (!standIn) return color;
      const a = alpha ?? '1';
      const name = `${standIn.name}-${a.replace('.', '_')}`;
      used.set(name, [`rgba(${standIn.lightChannels}, ${a})`, `rgba(${standIn.darkChannels}, ${a})`]);
      return `var(${name})`;
    });
  const template = document.createElement('template');
  template.innerHTML = svg;
  const root = template.content.firstElementChild;
  if (!root || root.tagName.toLowerCase() !== 'svg') return { twice: 'the render is not an SVG' };
  // A presentation attribute cannot hold var(): its value moves into the style attribute.
  const PRESENTATION = new Set(['fill', 'stroke', 'stop-color', 'flood-color', 'lighting-color', 'color']);
  for (const element of [root, ...root.querySelectorAll('*')]) {
    const moved: string[] = [];
    for (const { name, value } of [...element.attributes]) {
      const swapped = swap(value);
      if (swapped === value) continue;
      if (name === 'style') element.setAttribute('style', swapped);
      else if (PRESENTATION.has(name)) {
        element.removeAttribute(name);
        moved.push(`${name}:${swapped}`);
      } else return { twice: `a theme colour in the ${name} of <${element.tagName.toLowerCase()}>` };
    }
    if (moved.length) element.setAttribute('style', [element.getAttribute('style'), ...moved].filter(Boolean).join(';'));
    if (element.tagName.toLowerCase() === 'style') element.textContent = swap(element.textContent ?? '');
  }
  const out = root.outerHTML.toLowerCase().replace(/\s+/g, '');
  const left = state.standIns.find((s) => named(out, s));
  if (left) return { twice: `the colour of ${left.key} is left where no custom property goes` };
  if (used.size) {
    const names = [...used.keys()].sort();
    const declare = (theme: 0 | 1) => names.map((n) => `${n}:${used.get(n)?.[theme]}`).join(';');
    const style = root.querySelector('style') ?? root.insertBefore(document.createElementNS('http://www.w3.org/2000/svg', 'style'), root.firstChild);
    style.textContent = `#${rootId}{${declare(0)}}:root[data-theme='dark'] #${rootId}{${declare(1)}}${style.textContent ?? ''}`;
  }
  return { svg: root.outerHTML };
}

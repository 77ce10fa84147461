import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Mermaid that draws the diagrams; part of every SVG's key, so an upgrade renders them anew. */
export const MERMAID_VERSION: string = (require('mermaid/package.json') as { version: string }).version;

/** CJK first, so Chinese labels are measured with the font readers get. */
export const DIAGRAM_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * Every label at 16 px: the site never shows a diagram below 75 % of its size (12 px text).
 * Natural sizes (no useMaxWidth): the page decides the scale and scrolls what does not fit.
 */
export const RENDER_SETTINGS = {
  startOnLoad: false,
  securityLevel: 'strict',
  deterministicIds: true,
  // Shapes with drawn curves take their randomness from this seed: the same code, the same SVG.
  handDrawnSeed: 1,
  theme: 'base',
  htmlLabels: false,
  fontSize: 16,
  flowchart: { htmlLabels: false, useMaxWidth: false, diagramPadding: 8, nodeSpacing: 28, rankSpacing: 32, padding: 12, wrappingWidth: 400 },
  sequence: { useMaxWidth: false, mirrorActors: false, messageFontSize: 16, noteFontSize: 16, actorFontSize: 16, actorMargin: 20, width: 100, height: 44, wrapPadding: 6, diagramMarginX: 8, diagramMarginY: 8, boxMargin: 8, noteMargin: 8, messageMargin: 28, wrap: false },
} as const;

/** The two palettes; the SVG keeps one copy and switches between them with CSS custom properties. */
export const THEME_VARIABLES = {
  light: {
    darkMode: false,
    background: '#ffffff',
    primaryColor: '#eef2fb',
    primaryBorderColor: '#5a6b8c',
    primaryTextColor: '#1c1f26',
    lineColor: '#4a5263',
    secondaryColor: '#fdf6dc',
    tertiaryColor: '#f4f5f7',
    noteBkgColor: '#fdf6dc',
    noteBorderColor: '#b39a3a',
    noteTextColor: '#33301f',
  },
  dark: {
    darkMode: true,
    background: '#17181c',
    primaryColor: '#252b38',
    primaryBorderColor: '#8a9bbd',
    primaryTextColor: '#e7eaf0',
    lineColor: '#b6bfcd',
    secondaryColor: '#3a3524',
    tertiaryColor: '#22252b',
    noteBkgColor: '#3a3524',
    noteBorderColor: '#8c7b3c',
    noteTextColor: '#f2ead0',
  },
} as const;

/** Bumped whenever what is done to Mermaid's output changes (render.ts, one-render.ts, theme-merge.ts). */
export const POSTPROCESS_REVISION = 3;

/**
 * The committed SVG's name: a hash of everything that shapes it (Mermaid's version, the
 * post-processing revision, the settings, the palettes, the font and the code). Any of them changing makes a new name, so a
 * stale SVG is never shown: the old file is deleted and the new one rendered.
 */
export function svgFileName(code: string): string {
  const key = JSON.stringify([MERMAID_VERSION, POSTPROCESS_REVISION, RENDER_SETTINGS, THEME_VARIABLES, DIAGRAM_FONT, code]);
  return `${createHash('sha256').update(key).digest('hex').slice(0, 16)}.svg`;
}

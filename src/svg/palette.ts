/**
 * Every colour the site draws with, in one place: the pages (as CSS custom
 * properties, src/svg/stylesheets.ts), the charts (src/svg/style.ts), the
 * maps (static SVG and Leaflet), the embeds and the social cards.
 * Pure data, small enough for browser code to import (the Leaflet map does).
 *
 * Contrast against the background is checked in tests: text 4.5:1, bars and
 * lines 3:1 (WCAG AA).
 */

export interface Palette {
  bg: string;
  /** Text. */
  fg: string;
  /** Secondary text: subtitles, ticks, sources. */
  muted: string;
  /** Links, the main bars and lines, a story's county. */
  accent: string;
  /** The "before" bar and a second series: told apart by their labels, not only by colour. */
  second: string;
  /** Chart grid lines: decoration, no contrast requirement. */
  grid: string;
  /** Rules and borders on the page. */
  rule: string;
  /** Background of quotes and notices on the page. */
  noteBg: string;
}

export const LIGHT: Palette = {
  bg: '#fdfcf9',
  fg: '#1d1d1b',
  muted: '#5a5a55',
  accent: '#a33a1f',
  second: '#7b776c',
  grid: '#e2dfd5',
  rule: '#d9d6cc',
  noteBg: '#f3f0e6',
};
export const DARK: Palette = {
  bg: '#161614',
  fg: '#ecebe6',
  muted: '#b3b1a8',
  accent: '#f08a6c',
  second: '#9c998f',
  grid: '#34332f',
  rule: '#3a3935',
  noteBg: '#22211e',
};
/** Paper: white, no dark background whatever the screen's scheme. */
export const PRINT: Palette = { ...LIGHT, bg: '#ffffff', fg: '#000000', muted: '#444444' };

/** The dev server's draft banner (src/components/DraftBanner.astro): amber, unlike anything a reader sees, in either scheme. */
export const DRAFT = { border: '#b45309', bg: '#fffbeb', fg: '#78350f' };

export interface MapPalette {
  land: string;
  coast: string;
  /** Province borders on the national map. */
  border: string;
  /** Neighbouring provinces on a locator map. */
  context: string;
  contextBorder: string;
  /** The story's province on a locator map. */
  province: string;
  provinceBorder: string;
  county: string;
  label: string;
  /** The outline that keeps a label legible over the land. */
  halo: string;
  /** The South China Sea line. */
  seaLine: string;
}

/** The maps' own colours. Light ones are drawn into the SVG (it stands alone in embeds and PNGs); pages restyle by class for dark. */
export const MAP_LIGHT: MapPalette = {
  land: '#ebe6da',
  coast: '#9c9686',
  border: LIGHT.bg,
  context: '#f2efe7',
  contextBorder: '#d8d2c4',
  province: '#e2dccd',
  provinceBorder: '#8f897a',
  county: LIGHT.accent,
  label: LIGHT.fg,
  halo: LIGHT.bg,
  seaLine: '#6f6a5e',
};

/** The county keeps its light red on a dark page: the linked label takes the dark accent. */
export const MAP_DARK: MapPalette = {
  land: DARK.rule,
  coast: '#77736a',
  border: DARK.bg,
  context: DARK.noteBg,
  contextBorder: DARK.rule,
  province: DARK.rule,
  provinceBorder: DARK.muted,
  county: LIGHT.accent,
  label: DARK.fg,
  halo: DARK.bg,
  seaLine: DARK.muted,
};

/**
 * The palette and the font stack as CSS custom properties, so the site's
 * stylesheets name colours (var(--accent)) and never carry a hex of their
 * own; and the container queries that pick a chart's layout (./widths.ts). Served to Vite as virtual CSS modules: a page imports them like any
 * stylesheet, so Astro bundles them with the rest (inlined, and allowed by
 * the hashes it writes into the Content-Security-Policy), no request added.
 */
import type { Plugin } from 'vite';
import { FONT } from './font.ts';
import { DARK, DRAFT, LIGHT, MAP_DARK, MAP_LIGHT, PRINT, type MapPalette, type Palette } from './palette.ts';
import { CHART_PAD, widthsCss } from './widths.ts';

const declarations = (values: Record<string, string>) =>
  Object.entries(values)
    .map(([name, value]) => `${name}:${value}`)
    .join(';');

const pageVars = (p: Palette) =>
  declarations({ '--bg': p.bg, '--fg': p.fg, '--muted': p.muted, '--accent': p.accent, '--rule': p.rule, '--note-bg': p.noteBg });

const draftVars = declarations({ '--draft-border': DRAFT.border, '--draft-bg': DRAFT.bg, '--draft-fg': DRAFT.fg });

/** Every page: its colours in both schemes, and the font stack; on paper the print palette, whatever the reader's scheme. */
export const siteCss = (): string =>
  `:root{color-scheme:light dark;${pageVars(LIGHT)};${draftVars};--font:${FONT}}@media (prefers-color-scheme:dark){:root{${pageVars(DARK)}}}` +
  `@media print{:root{color-scheme:light;${pageVars(PRINT)}}}`;

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const mapVars = (p: MapPalette) => declarations(Object.fromEntries(Object.entries(p).map(([k, v]) => [`--map-${kebab(k)}`, v])));

/** Pages with a map: the dark scheme's map colours (--map-land, --map-sea-line …); light ones are in the SVG itself, and on paper again. */
export const mapCss = (): string => `@media (prefers-color-scheme:dark){:root{${mapVars(MAP_DARK)}}}@media print{:root{${mapVars(MAP_LIGHT)}}}`;

/**
 * The static maps' classes (src/geo/render.ts) in the map's dark colours, for
 * a page without the map components' own styles: embed pages, which fix the
 * scheme with `data-theme` (src/publishing/embed.ts). Each rule is prefixed
 * with `scope`.
 */
export const mapDarkRules = (scope: string): string =>
  (
    [
      ['.land', { fill: MAP_DARK.land, stroke: MAP_DARK.coast }],
      ['.province-borders', { stroke: MAP_DARK.border }],
      ['.sea-line', { stroke: MAP_DARK.seaLine }],
      ['.inset-frame', { fill: MAP_DARK.halo, stroke: MAP_DARK.coast }],
      ['.inset-label', { fill: MAP_DARK.label }],
      ['.county-label', { fill: MAP_DARK.label, stroke: MAP_DARK.halo }],
      ['.context', { fill: MAP_DARK.context, stroke: MAP_DARK.contextBorder }],
      ['.province', { fill: MAP_DARK.province, stroke: MAP_DARK.provinceBorder }],
    ] as [string, Record<string, string>][]
  )
    .map(([cls, values]) => `${scope} .geo-map ${cls}{${declarations(values)}}`)
    .join('');

/** Import names → CSS. */
export const STYLESHEETS: Record<string, () => string> = {
  'virtual:site-palette.css': siteCss,
  'virtual:map-palette.css': mapCss,
  // Which of a chart's layouts shows at the width of its column (src/svg/widths.ts), its padding in the margin.
  'virtual:chart-widths.css': () => widthsCss('.chart', CHART_PAD),
};

/** Vite plugin (astro.config.mjs) serving STYLESHEETS. */
export function paletteStylesheets(): Plugin {
  // A resolved id ending in .css, so Vite's CSS pipeline (and Astro's bundling) treats it as a stylesheet.
  const resolved = (name: string) => `/@county-stories/${name.replace('virtual:', '')}`;
  const byResolved = new Map(Object.entries(STYLESHEETS).map(([name, css]) => [resolved(name), css]));
  return {
    name: 'county-stories:palette-stylesheets',
    enforce: 'pre',
    resolveId: (id) => (id in STYLESHEETS ? resolved(id) : undefined),
    load: (id) => byResolved.get(id)?.(),
  };
}

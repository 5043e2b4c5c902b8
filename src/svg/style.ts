/**
 * The stylesheet inside every chart SVG. It travels with the SVG, so a chart
 * looks right inline, as a downloaded file and when printed. Every rule is
 * scoped to `.ch` (an inline SVG's <style> applies to the whole page), and
 * identical in every chart, so repeating it is harmless.
 *
 * Colours are the site's (src/styles/global.css). Contrast against the
 * background is checked in tests: text 4.5:1, bars and lines 3:1 (WCAG AA).
 */

export interface Palette {
  bg: string;
  /** Text. */
  fg: string;
  /** Secondary text: subtitles, ticks, sources. */
  muted: string;
  /** The main bars and lines. */
  accent: string;
  /** The "before" bar and a second series: told apart by their labels, not only by colour. */
  second: string;
  /** Grid lines: decoration, no contrast requirement. */
  grid: string;
}

export const LIGHT: Palette = { bg: '#fdfcf9', fg: '#1d1d1b', muted: '#5a5a55', accent: '#a33a1f', second: '#7b776c', grid: '#e2dfd5' };
export const DARK: Palette = { bg: '#161614', fg: '#ecebe6', muted: '#b3b1a8', accent: '#f08a6c', second: '#9c998f', grid: '#34332f' };
/** Paper: white, no dark background whatever the screen's scheme. */
export const PRINT: Palette = { ...LIGHT, bg: '#ffffff', fg: '#000000', muted: '#444444' };

const vars = (p: Palette) => `--bg:${p.bg};--fg:${p.fg};--mu:${p.muted};--ac:${p.accent};--a2:${p.second};--gr:${p.grid}`;

export const FONT = 'system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC",sans-serif';

export const CHART_STYLE = [
  `.ch{${vars(LIGHT)};font-family:${FONT}}`,
  `@media (prefers-color-scheme:dark){.ch{${vars(DARK)}}}`,
  `@media print{.ch{${vars(PRINT)}}}`,
  '.ch .bg{fill:var(--bg)}',
  '.ch text{fill:var(--fg)}',
  // A halo in the background colour keeps labels legible where a grid line passes behind them.
  '.ch .label,.ch .value,.ch .tick{paint-order:stroke;stroke:var(--bg);stroke-width:3px;stroke-linejoin:round}',
  '.ch .sub,.ch .tick,.ch .unit,.ch .note,.ch .src{fill:var(--mu)}',
  '.ch .big{fill:var(--ac)}',
  '.ch .bar,.ch .fill{fill:var(--ac)}',
  '.ch .bar2{fill:var(--a2)}',
  '.ch .cell{fill:none;stroke:var(--a2);stroke-width:1}',
  '.ch .grid{stroke:var(--gr);stroke-width:1}',
  '.ch .axis{stroke:var(--mu);stroke-width:1}',
  '.ch .line{fill:none;stroke:var(--ac);stroke-width:2.5}',
  '.ch .line2{fill:none;stroke:var(--a2);stroke-width:2.5;stroke-dasharray:6 3}',
  '.ch .line3{fill:none;stroke:var(--fg);stroke-width:2;stroke-dasharray:1.5 3.5;stroke-linecap:round}',
  '.ch .dot{fill:var(--ac)}',
  '.ch .dot2{fill:var(--a2)}',
  '.ch .dot3{fill:var(--fg)}',
  '.ch .mark{fill:none;stroke:var(--fg);stroke-width:1.5}',
].join('');

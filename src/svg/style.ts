/**
 * The stylesheet inside every chart SVG. It travels with the SVG, so a chart
 * looks right inline, as a downloaded file and when printed. Every rule is
 * scoped to `.ch` (an inline SVG's <style> applies to the whole page), and
 * identical in every chart, so repeating it is harmless.
 *
 * Colours come from the palette (./palette.ts), as custom properties a
 * reader's dark scheme or printer can switch. A page may fix the scheme with
 * `data-theme` on its <html>: embed pages are "light" unless asked for "dark"
 * or "auto" (src/publishing/embed.ts); site pages carry none and follow the
 * reader. The dark rules are for screens only, so paper stays light.
 */
import { FONT } from './font.ts';
import { DARK, LIGHT, PRINT, type Palette } from './palette.ts';

/** The chart stylesheet's custom properties for a palette; also used to resolve them for SVG tools that ignore var(). */
export const chartVars = (p: Palette): Record<string, string> => ({
  '--bg': p.bg,
  '--fg': p.fg,
  '--mu': p.muted,
  '--ac': p.accent,
  '--a2': p.second,
  '--gr': p.grid,
});

const vars = (p: Palette) =>
  Object.entries(chartVars(p))
    .map(([name, value]) => `${name}:${value}`)
    .join(';');

export const CHART_STYLE = [
  `.ch{${vars(LIGHT)};font-family:${FONT}}`,
  `@media screen and (prefers-color-scheme:dark){:root:not([data-theme=light]) .ch{${vars(DARK)}}}`,
  `@media screen{:root[data-theme=dark] .ch{${vars(DARK)}}}`,
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

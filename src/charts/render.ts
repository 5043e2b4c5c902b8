/**
 * Charts as SVG strings, computed at build time without a DOM:
 *   layoutChart(chart, lang, width) — the positioned marks (what tests measure)
 *   renderChart(chart, lang, { width }) — the SVG markup of one layout
 *   renderChartWidths(chart, lang) — one layout per width of src/svg/widths.ts, for pages that pick one with CSS
 */
import { htmlLang, type Lang } from '#/i18n/editions.ts';
import { barChart, comparisonChart, riseChart } from './bar.ts';
import { cardChart } from './card.ts';
import { frame, innerWidth, WIDTH } from './frame.ts';
import { partChart } from './part.ts';
import type { ResolvedChart } from './resolve.ts';
import { serialize, type Block, type Scene } from './scene.ts';
import { slopeChart } from './slope.ts';
import { CHART_STYLE } from '#/svg/style.ts';
import { variantsMarkup, WIDTHS, type Variant } from '#/svg/widths.ts';

function body(chart: ResolvedChart, lang: Lang, inner: number): Block {
  switch (chart.type) {
    case 'bar':
      return barChart(chart, lang, inner);
    case 'comparison':
      return comparisonChart(chart, lang, inner);
    case 'rise':
      return riseChart(chart, lang, inner);
    case 'slope':
      return slopeChart(chart, lang, inner);
    case 'part-of-whole':
      return partChart(chart, lang, inner);
    case 'number-card':
      return cardChart(chart, lang, inner);
  }
}

/** The chart laid out `width` units wide (320 by default): text keeps its size, labels re-flow. */
export function layoutChart(chart: ResolvedChart, lang: Lang, width: number = WIDTH): Scene {
  const key = `${chartSerial(chart)} ${lang} ${width}`;
  const scene = recentLayouts.get(key) ?? frame(chart, lang, body(chart, lang, innerWidth(width)), width);
  // Newest last; the oldest goes when there are too many.
  recentLayouts.delete(key);
  recentLayouts.set(key, scene);
  if (recentLayouts.size > RECENT_LAYOUTS) recentLayouts.delete(recentLayouts.keys().next().value!);
  return scene;
}

/**
 * The layouts computed lately, by chart, lang and width. A build lays out the
 * same chart again and again: its page, its embed and pinned-embed pages, the
 * oEmbed answers and the downloads each ask for its widths, some several
 * times (a cold build of the nine-county site asked for 3,980 layouts of 256
 * distinct ones). A few dozen kept cover the repeats within a page and
 * between the pages of a route Astro renders one after another; keeping every
 * layout would hold hundreds of MB at 2,800 counties. A scene is never
 * changed once made (serialize only reads it), so sharing one is safe.
 * Charts are told apart by identity: data/ or content/charts/ changing in the
 * dev server makes new chart objects (src/authoring/live.ts), so a stale
 * layout is never found, and ages out.
 */
const recentLayouts = new Map<string, Scene>();
const RECENT_LAYOUTS = 64;
const serials = new WeakMap<ResolvedChart, number>();
let lastSerial = 0;
function chartSerial(chart: ResolvedChart): number {
  if (!serials.has(chart)) serials.set(chart, ++lastSerial);
  return serials.get(chart)!;
}

export interface RenderOptions {
  /** Unique on the page; the SVG's <title> and <desc> ids start with it. Defaults to `chart-<id>-<lang>`. */
  idPrefix?: string;
  /** Width of the layout in viewBox units; 320 by default. */
  width?: number;
}

export function renderChart(chart: ResolvedChart, lang: Lang, options: RenderOptions = {}): string {
  return serialize(layoutChart(chart, lang, options.width), options.idPrefix ?? `chart-${chart.id}-${lang}`, CHART_STYLE, htmlLang(lang));
}

/** One layout per width (src/svg/widths.ts), each SVG with ids of its own: `<idPrefix>-w<width>`. */
export function chartVariants(chart: ResolvedChart, lang: Lang, options: { idPrefix?: string; widths?: readonly number[] } = {}): Variant[] {
  const idPrefix = options.idPrefix ?? `chart-${chart.id}-${lang}`;
  return (options.widths ?? WIDTHS).map((width) => ({ width, svg: renderChart(chart, lang, { idPrefix: `${idPrefix}-w${width}`, width }) }));
}

/** The chart at every width, as markup a page shows one of by CSS container queries (widthsCss). */
export const renderChartWidths = (chart: ResolvedChart, lang: Lang, options: { idPrefix?: string } = {}) => variantsMarkup(chartVariants(chart, lang, options));

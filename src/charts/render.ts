/**
 * Charts as SVG strings, computed at build time without a DOM:
 *   layoutChart(chart, lang) — the positioned marks (what tests measure)
 *   renderChart(chart, lang) — the SVG markup
 */
import { htmlLang, type Lang } from '#/i18n/editions.ts';
import { barChart, comparisonChart, riseChart } from './bar.ts';
import { cardChart } from './card.ts';
import { frame } from './frame.ts';
import { partChart } from './part.ts';
import type { ResolvedChart } from './resolve.ts';
import { serialize, type Block, type Scene } from './scene.ts';
import { slopeChart } from './slope.ts';
import { CHART_STYLE } from '#/svg/style.ts';

function body(chart: ResolvedChart, lang: Lang): Block {
  switch (chart.type) {
    case 'bar':
      return barChart(chart, lang);
    case 'comparison':
      return comparisonChart(chart, lang);
    case 'rise':
      return riseChart(chart, lang);
    case 'slope':
      return slopeChart(chart, lang);
    case 'part-of-whole':
      return partChart(chart, lang);
    case 'number-card':
      return cardChart(chart, lang);
  }
}

export function layoutChart(chart: ResolvedChart, lang: Lang): Scene {
  return frame(chart, lang, body(chart, lang));
}

export interface RenderOptions {
  /** Unique on the page; the SVG's <title> and <desc> ids start with it. Defaults to `chart-<id>-<lang>`. */
  idPrefix?: string;
}

export function renderChart(chart: ResolvedChart, lang: Lang, options: RenderOptions = {}): string {
  return serialize(layoutChart(chart, lang), options.idPrefix ?? `chart-${chart.id}-${lang}`, CHART_STYLE, htmlLang(lang));
}

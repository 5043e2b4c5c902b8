/**
 * Every chart and map that can be embedded and downloaded, in one shape:
 * its id, title, the page it belongs to, and its SVG in each edition — drawn
 * by the charts' and maps' own pure functions (src/charts/, src/geo/).
 */
import { chartPagePath, editionPagePath, storyPagePath, type EmbedKind } from './urls.ts';
import { getCharts } from '#/charts/registry.ts';
import { chartVariants, renderChart } from '#/charts/render.ts';
import { variantsMarkup, widthAt, WIDE, type Variant } from '#/svg/widths.ts';
import { LIGHT } from '#/svg/palette.ts';
import { chartVars } from '#/svg/style.ts';
import { locatorTitle, locatorVariants, renderLocatorSvg, renderNationalMapSvg } from '#/geo/render.ts';
import type { Bilingual } from '#/data/schemas.ts';
import { getCounties, getDatasets } from '#/data/site-data.ts';
import type { Citable } from './cite.ts';
import { EMBED_WIDTH, inlineChartStyle, roundPathData, standaloneGraphic, svgSize, type EmbedFigure } from './embed.ts';
import { htmlLang, type Lang } from '#/i18n/editions.ts';
import { t } from '#/i18n/words.ts';
import { cachedUntilDataChanges } from '#/authoring/live.ts';

export interface Graphic {
  kind: EmbedKind;
  id: string;
  title: Bilingual;
  /** Where the graphic lives on the site, in an edition. */
  homePath: (lang: Lang) => string;
  /** The dataset version a chart is pinned to. */
  dataset?: { id: string; version: string };
  /** The graphic's layouts, one per width it is drawn at (src/svg/widths.ts); the national map has one. */
  variants: (lang: Lang) => Variant[];
  /** The graphic as drawn on the site: its layouts, of which CSS shows one (variantsMarkup). */
  svg: (lang: Lang) => string;
  /** For downloads: the graphic with its title, source line and credit drawn in, colours resolved. */
  standalone: (lang: Lang, url: string) => string;
  /** A credit the graphic's data needs wherever it is shown (maps: the boundaries' source). */
  attribution?: (lang: Lang) => string;
}

/**
 * The size of the layout an embed EMBED_WIDTH px wide shows (its height there is the snippet's), and the
 * lines its embed page shows under it: the credit, and its attribution if any.
 */
export function embedFigure(graphic: Graphic, lang: Lang): EmbedFigure {
  const variants = graphic.variants(lang);
  const shown = widthAt(
    EMBED_WIDTH,
    0,
    variants.map((v) => v.width),
  );
  return { ...svgSize(variants.find((v) => v.width === shown)!.svg), footerLines: graphic.attribution ? 2 : 1 };
}

/** A graphic's variants and their markup. */
const drawn = (variants: (lang: Lang) => Variant[]) => ({ variants, svg: (lang: Lang) => variantsMarkup(variants(lang)) });

/** The chart palette's custom properties, resolved for files that leave the site. */
const CHART_VARS = chartVars(LIGHT);

const both = (f: (lang: Lang) => string): Bilingual => ({ zh: f('zh'), en: f('en') });

function chartFigures(): Graphic[] {
  return [...getCharts().values()].map((chart) => ({
    kind: 'charts',
    id: chart.id,
    title: chart.spec.title,
    // The chart's own page: no "#", so credit lines, oEmbed and citations survive copying.
    homePath: (lang) => chartPagePath(chart.id, lang),
    dataset: { id: chart.spec.dataset, version: chart.spec.version },
    ...drawn((lang) => chartVariants(chart, lang, { idPrefix: `embed-${chart.id}` })),
    // The chart already draws its title and source line (with the dataset version). Its widest layout.
    standalone: (lang, url) =>
      standaloneGraphic(inlineChartStyle(renderChart(chart, lang, { idPrefix: `dl-${chart.id}`, width: WIDE }), CHART_VARS), {
        lang: htmlLang(lang),
        lines: [t(lang, 'credit'), url],
        background: LIGHT.bg,
        colour: LIGHT.muted,
        titleColour: LIGHT.fg,
        size: 11,
      }),
  }));
}

function mapFigures(): Graphic[] {
  const attribution = (lang: Lang) => t(lang, 'mapAttribution');
  const mapStandalone = (svg: string, title: string, lang: Lang, url: string) =>
    // Text at the same size in every map's PNG, whatever the map's own width.
    standaloneGraphic(svg, {
      title,
      lang: htmlLang(lang),
      lines: [attribution(lang), t(lang, 'credit'), url],
      background: LIGHT.bg,
      colour: LIGHT.muted,
      titleColour: LIGHT.fg,
      size: svgSize(svg).width * 0.02,
    });
  const national: Graphic = {
    kind: 'maps',
    id: 'national',
    title: both((lang) => t(lang, 'mapTitle')),
    homePath: (lang) => editionPagePath('/', lang),
    attribution,
    // The embed shows it at most 640 px wide: whole-unit coordinates keep the page under 20 KB.
    ...drawn((lang) => {
      const svg = roundPathData(renderNationalMapSvg(lang, { idPrefix: 'embed-national' }));
      return [{ width: svgSize(svg).width, svg }];
    }),
    standalone: (lang, url) => mapStandalone(renderNationalMapSvg(lang, { idPrefix: 'dl-national' }), t(lang, 'mapTitle'), lang, url),
  };
  const locators = getCounties().map((county): Graphic => {
    const title = both((lang) => locatorTitle(county, lang));
    return {
      kind: 'maps',
      id: county.slug,
      title,
      homePath: (lang) => storyPagePath('county', county.slug, lang),
      attribution,
      // Four layouts in one page: whole-unit coordinates (under 0.6 px off at the ≤ 1.2× a layout is shown at) keep it light.
      ...drawn((lang) => locatorVariants(county.code, lang, { idPrefix: `embed-${county.slug}` }).map((v) => ({ ...v, svg: roundPathData(v.svg) }))),
      // Its widest layout, as charts.
      standalone: (lang, url) => mapStandalone(renderLocatorSvg(county.code, lang, { idPrefix: `dl-${county.slug}`, width: WIDE }), title[lang], lang, url),
    };
  });
  return [national, ...locators];
}

const allGraphics = cachedUntilDataChanges(() => [...chartFigures(), ...mapFigures()]);
export function getGraphics(kind?: EmbedKind): Graphic[] {
  const graphics = allGraphics();
  return kind ? graphics.filter((f) => f.kind === kind) : graphics;
}

const graphicsByKey = cachedUntilDataChanges(() => new Map(getGraphics().map((f) => [`${f.kind}/${f.id}`, f])));
/** One graphic by kind and id, without a scan (a gallery page looks up every chart it shows). */
export function getGraphic(kind: EmbedKind, id: string): Graphic | undefined {
  return graphicsByKey().get(`${kind}/${id}`);
}

/**
 * How a chart is cited (src/publishing/cite.ts): at its own page, as of the
 * dataset version it is pinned to (a chart has no date of its own). Maps are
 * not cited on their own: undefined.
 */
export function graphicCitable(graphic: Graphic, lang: Lang, site: URL | string | undefined): Citable | undefined {
  const pinned = graphic.dataset && getDatasets().get(graphic.dataset.id, graphic.dataset.version);
  if (!graphic.dataset || !pinned) return undefined;
  return {
    kind: 'chart',
    title: graphic.title[lang],
    published: pinned.data.released,
    url: new URL(graphic.homePath(lang), site).href,
    dataset: graphic.dataset,
  };
}

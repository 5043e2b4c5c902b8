/**
 * Every chart and map that can be embedded and downloaded, in one shape:
 * its id, title, the page it belongs to, and its SVG in each edition — drawn
 * by the charts' and maps' own pure functions (src/charts/, src/geo/).
 */
import {
  absoluteUrl,
  chartPagePath,
  editionPagePath,
  embedPath,
  embedScriptPath,
  newsletterPngPath,
  pinnedEmbedPath,
  storyPagePath,
  type EmbedKind,
} from './urls.ts';
import { chartVersions, getCharts } from '#/charts/registry.ts';
import { chartVariants, renderChart } from '#/charts/render.ts';
import type { ResolvedChart } from '#/charts/resolve.ts';
import { variantsMarkup, widthAt, WIDE, type Variant } from '#/svg/widths.ts';
import { LIGHT } from '#/svg/palette.ts';
import { chartVars } from '#/svg/style.ts';
import { locatorTitle, locatorVariants, renderLocatorSvg, renderNationalMapSvg } from '#/geo/render.ts';
import type { Bilingual } from '#/data/schemas.ts';
import { getClaimants, getCounties, getDatasets } from '#/data/site-data.ts';
import { countiesCsv, tidyCsv } from './dataset-files.ts';
import type { Citable } from './cite.ts';
import {
  EMBED_WIDTH,
  embedSnippet,
  imageSnippet,
  inlineChartStyle,
  roundPathData,
  standaloneGraphic,
  svgSize,
  type EmbedFigure,
  type ImageFallback,
} from './embed.ts';
import { graphicPngSize, NEWSLETTER_WIDTH } from './graphic-files.ts';
import { rememberedPer } from './remembered.ts';
import { htmlLang, type Lang } from '#/i18n/editions.ts';
import { t } from '#/i18n/words.ts';
import { punctuation } from '#/i18n/punctuation.ts';
import { describe } from '#/charts/words.ts';
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
  /** What the graphic shows, in words: the alt text of its images outside the site. */
  alt: (lang: Lang) => string;
  /**
   * For downloads: the graphic with its title, source line and credit drawn in, colours resolved;
   * the layout drawn for `layoutWidth` (src/svg/widths.ts), the widest by default (the national map has one).
   */
  standalone: (lang: Lang, url: string, layoutWidth?: number) => string;
  /** A credit the graphic's data needs wherever it is shown (maps: the boundaries' source). */
  attribution?: (lang: Lang) => string;
  /** The graphic's own data as CSV, one file for both editions (/downloads/<kind>/<id>.csv): a chart's figures as the tidy CSV writes them; a map's counties. */
  csv: (site: URL | string | undefined) => string;
  /** Charts: the chart drawn from each dataset version it resolves in, oldest first (pinned embeds). */
  pinned?: PinnedVersion[];
}

/** A chart as drawn from one released version of its dataset. */
export interface PinnedVersion {
  version: string;
  /** Its layouts, as Graphic's. */
  variants: (lang: Lang) => Variant[];
  svg: (lang: Lang) => string;
  /** The figures it draws, as the tidy CSV of that version writes them. */
  csv: () => string;
}

const embedFigures = rememberedPer<Graphic | PinnedVersion, EmbedFigure>();

/**
 * The size of the layout an embed EMBED_WIDTH px wide shows (its height there is the snippet's), and the
 * lines its embed page shows under it: the credit, and its attribution if any.
 */
export const embedFigure = (graphic: Graphic, lang: Lang): EmbedFigure =>
  embedFigures(graphic, lang, () => figureAtEmbedWidth(graphic, graphic.variants(lang)));

function figureAtEmbedWidth(graphic: Graphic, variants: Variant[]): EmbedFigure {
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

/** A chart's own figures, with the columns and cells of its dataset version's tidy CSV. */
const chartCsv = (chart: ResolvedChart) =>
  tidyCsv(
    chart.dataset.data,
    getClaimants(),
    chart.values.map((v) => ({ row: v.row.id, field: v.field.key })),
  );

function chartFigures(): Graphic[] {
  return [...getCharts().values()].map((chart) => ({
    kind: 'charts',
    id: chart.id,
    title: chart.spec.title,
    // The chart's own page: no "#", so credit lines, oEmbed and citations survive copying.
    homePath: (lang) => chartPagePath(chart.id, lang),
    dataset: { id: chart.spec.dataset, version: chart.spec.version },
    ...drawn((lang) => chartVariants(chart, lang, { idPrefix: `embed-${chart.id}` })),
    alt: (lang) => `${chart.spec.title[lang]}${punctuation(lang).colon}${describe(chart, lang)}`,
    csv: () => chartCsv(chart),
    pinned: chartVersions(chart).map((asDrawn) => ({
      version: asDrawn.dataset.data.version,
      ...drawn((lang: Lang) => chartVariants(asDrawn, lang, { idPrefix: `embed-${chart.id}` })),
      csv: () => chartCsv(asDrawn),
    })),
    // The chart already draws its title and source line (with the dataset version). Its widest layout.
    standalone: (lang, url, layoutWidth = WIDE) =>
      standaloneGraphic(inlineChartStyle(renderChart(chart, lang, { idPrefix: `dl-${chart.id}`, width: layoutWidth }), CHART_VARS), {
        lang: htmlLang(lang),
        lines: [t(lang, 'credit'), url],
        background: LIGHT.bg,
        colour: LIGHT.muted,
        titleColour: LIGHT.fg,
        size: 11,
      }),
  }));
}

/** The county's story, in the Chinese edition (a map's CSV is one file for both; its story_url column is absolute). */
const countyStoryPath = (county: { slug: string }) => storyPagePath('county', county.slug, 'zh');

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
    alt: (lang) => t(lang, 'mapTitle'),
    csv: (site) => countiesCsv(getCounties(), (c) => absoluteUrl(countyStoryPath(c), site)),
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
      alt: (lang) => title[lang],
      csv: (site) => countiesCsv([county], (c) => absoluteUrl(countyStoryPath(c), site)),
      // Four layouts in one page: whole-unit coordinates (under 0.6 px off at the ≤ 1.2× a layout is shown at) keep it light.
      ...drawn((lang) => locatorVariants(county.code, lang, { idPrefix: `embed-${county.slug}` }).map((v) => ({ ...v, svg: roundPathData(v.svg) }))),
      // Its widest layout, as charts.
      standalone: (lang, url, layoutWidth = WIDE) =>
        mapStandalone(renderLocatorSvg(county.code, lang, { idPrefix: `dl-${county.slug}`, width: layoutWidth }), title[lang], lang, url),
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
 * How a chart or map is cited (src/publishing/cite.ts): a chart at its own
 * page, as of the dataset version it is pinned to (a chart has no date of its
 * own); a map at the page it belongs to, undated. Undefined for a chart whose
 * version is missing.
 */
export function graphicCitable(graphic: Graphic, lang: Lang, site: URL | string | undefined): Citable | undefined {
  if (graphic.kind === 'maps') return { kind: 'map', title: graphic.title[lang], url: new URL(graphic.homePath(lang), site).href };
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

/** The embed snippets of a graphic, ready to copy: each with the image fallback (the newsletter PNG) in <noscript>. */
export interface GraphicSnippets {
  /** The live embed: follows the graphic as published now (a chart: its spec's dataset version). */
  live: string;
  /** A chart's embeds pinned to each dataset version it resolves in, oldest first. */
  pinned: { version: string; snippet: string }[];
  /** The image alone, linking to the graphic's page: hosts that strip iframes, feeds, newsletters. */
  image: string;
}

export function graphicSnippets(graphic: Graphic, lang: Lang, site: URL | string | undefined): GraphicSnippets {
  const url = (p: string) => absoluteUrl(p, site);
  const fallback = graphicImage(graphic, lang, site);
  const common = { title: graphic.title[lang], script: url(embedScriptPath()), fallback };
  return {
    live: embedSnippet({ ...common, src: url(embedPath(graphic.kind, graphic.id, lang)), figure: embedFigure(graphic, lang) }),
    pinned: (graphic.pinned ?? []).map((p) => ({
      version: p.version,
      snippet: embedSnippet({ ...common, ...pinnedSnippetOptions(graphic, p, lang, site, fallback) }),
    })),
    image: imageSnippet(fallback, NEWSLETTER_WIDTH),
  };
}

/** A pinned version's size and footer lines, as embedFigure gives the live one's. */
export const pinnedFigure = (graphic: Graphic, pinned: PinnedVersion, lang: Lang): EmbedFigure =>
  embedFigures(pinned, lang, () => figureAtEmbedWidth(graphic, pinned.variants(lang)));

/** The newsletter PNG as an image fallback: what it shows in words, linking to the graphic's page. */
export function graphicImage(graphic: Graphic, lang: Lang, site: URL | string | undefined): ImageFallback {
  const home = absoluteUrl(graphic.homePath(lang), site);
  return {
    src: absoluteUrl(newsletterPngPath(graphic.kind, graphic.id, lang), site),
    alt: graphic.alt(lang),
    href: home,
    ...graphicPngSize(graphic, lang, home, 'newsletter'),
  };
}

/**
 * The embed pinned to a version: its page, size and fallback. The image shows
 * the chart as published, so only the version it draws gets it; an older
 * version falls back to a link to its embed page, never to other figures.
 * `image` is that image where the caller has it already (graphicSnippets).
 */
export function pinnedSnippetOptions(graphic: Graphic, pinned: PinnedVersion, lang: Lang, site: URL | string | undefined, image?: ImageFallback) {
  const src = absoluteUrl(pinnedEmbedPath(graphic.id, pinned.version, lang), site);
  const fallback = pinned.version === graphic.dataset?.version ? (image ?? graphicImage(graphic, lang, site)) : { href: src, text: graphic.title[lang] };
  return { src, figure: pinnedFigure(graphic, pinned, lang), fallback };
}

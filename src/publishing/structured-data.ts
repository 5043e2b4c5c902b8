/**
 * schema.org structured data (JSON-LD), one home for every page that carries
 * it: stories (NewsArticle: dates, corrections, the county as a Place with
 * its GB/T 2260 code, the source articles and dataset versions it rests on),
 * dataset versions (Dataset with its downloads) and chart pages (ImageObject).
 * Field names follow schema.org and Google's structured-data guides; every URL
 * is absolute. tests/build/structured-data.test.ts parses every built page's.
 */
import type { Lang } from '#/i18n/format.ts';
import { htmlLang, LANGS } from '#/i18n/editions.ts';
import { t } from '#/i18n/words.ts';
import type { Correction } from '#/stories/corrections.ts';
import type { County, Dataset, Source } from '#/data/schemas.ts';
import { countyByCode, getCounties, getDatasets, officialCountyName } from '#/data/site-data.ts';
import { parseMdx, walk } from '#/stories/mdx.ts';
import { getNationalGeometry } from '#/geo/load.ts';
import { countyAnchor } from '#/geo/render.ts';
import type { EditionStory } from '#/stories/collection.ts';
import type { ResolvedFigure } from '#/stories/binding.ts';
import {
  absoluteUrl,
  sitePath,
  cardPath,
  datasetBundlePath,
  storyPagePath,
  datasetDownloadPath,
  datasetPagePath,
  datasetTidyCsvPath,
  sourceAnchorPath,
} from './urls.ts';

type Site = URL | string | undefined;
type Node = Record<string, unknown>;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The site as author and publisher of its stories, charts and datasets. */
export const siteOrganization = (lang: Lang, site: Site): Node => ({
  '@type': 'Organization',
  name: t(lang, 'siteName'),
  url: absoluteUrl(sitePath('/'), site),
});

/** A GB/T 2260 code as a schema.org identifier. */
const gbt2260 = (code: string): Node => ({ '@type': 'PropertyValue', propertyID: 'GB/T 2260', value: code });

/**
 * A county as a schema.org AdministrativeArea (a Place): its official name, its
 * GB/T 2260 code, its province (code: the county's first two digits and 0000,
 * as GB/T 2260 writes province codes) and, when the map geometry has it, the
 * centre of its polygon.
 */
export function countyPlace(county: County, lang: Lang, centre?: readonly [number, number]): Node {
  return {
    '@type': 'AdministrativeArea',
    name: officialCountyName(county)[lang],
    identifier: gbt2260(county.code),
    containedInPlace: { '@type': 'AdministrativeArea', name: county.province[lang], identifier: gbt2260(`${county.code.slice(0, 2)}0000`) },
    ...(centre && { geo: { '@type': 'GeoCoordinates', longitude: round(centre[0]), latitude: round(centre[1]) } }),
  };
}
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A source article (data/sources.json). The saved articles have no address of
 * their own in the data, so the node is identified by its entry on the
 * site's sources page (/sources/#<id>), which says where it was published.
 */
export function sourceArticle(s: Source, lang: Lang, site: Site): Node {
  return {
    '@type': 'Article',
    '@id': absoluteUrl(sourceAnchorPath(s.id, lang), site),
    headline: s.title,
    name: s.title,
    inLanguage: 'zh-CN',
    datePublished: s.date,
    ...(s.byline && { author: { '@type': 'Person', name: s.byline } }),
    ...(s.outlet && { publisher: { '@type': 'Organization', name: s.outlet } }),
  };
}

/** A dataset version as a reference from a story or a chart: its page is its identity. */
export function datasetReference(ds: Pick<Dataset, 'id' | 'version' | 'title'>, lang: Lang, site: Site): Node {
  const url = absoluteUrl(datasetPagePath(ds.id, ds.version, lang), site);
  return { '@type': 'Dataset', '@id': url, name: ds.title[lang], version: ds.version, url };
}

export interface ArticleFacts {
  headline: string;
  description: string;
  lang: Lang;
  /** Absolute URLs. */
  url: string;
  image: string;
  published: Date;
  updated?: Date;
  corrections: readonly Correction[];
  /** The public address, for the publisher's and the references' URLs. */
  site?: Site;
  /** What the story is about: its county, or a theme story's counties (as countyPlace). */
  about?: Node[];
  /** The articles its figures are quoted from. */
  sources?: readonly Source[];
  /** The dataset versions it pins. */
  datasets?: readonly Pick<Dataset, 'id' | 'version' | 'title'>[];
}

export function newsArticle(a: ArticleFacts): Record<string, unknown> {
  const site = a.site ?? new URL(a.url).origin + '/';
  const sources = (a.sources ?? []).map((s) => sourceArticle(s, a.lang, site));
  const datasets = (a.datasets ?? []).map((d) => datasetReference(d, a.lang, site));
  const organization = siteOrganization(a.lang, site);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline,
    description: a.description,
    inLanguage: htmlLang(a.lang),
    url: a.url,
    mainEntityOfPage: a.url,
    image: a.image,
    datePublished: isoDay(a.published),
    dateModified: isoDay(a.updated ?? a.published),
    author: organization,
    publisher: organization,
    ...(a.about?.length && { about: a.about.length === 1 ? a.about[0] : a.about }),
    ...((sources.length || datasets.length) && { isBasedOn: [...sources, ...datasets] }),
    ...(sources.length && { citation: sources }),
    // Only what was wrong is a schema.org correction; an update shows in dateModified.
    ...(a.corrections.some((c) => c.kind === 'correction') && {
      correction: a.corrections
        .filter((c) => c.kind === 'correction')
        .map((c) => ({ '@type': 'CorrectionComment', text: c.text[a.lang], datePublished: c.date })),
    }),
  };
}

/** The centre of a county's polygon on the home map's geometry, if it is there. */
function countyCentre(code: string): [number, number] | undefined {
  const feature = getNationalGeometry().layers.counties?.features.find((f) => f.id === code);
  return feature && countyAnchor(feature);
}

/** The featured counties whose stories a story's text links to, in the order it first links them. */
function linkedCounties(story: EditionStory): string[] {
  const byPath = new Map(getCounties().flatMap((c) => LANGS.map((lang) => [storyPagePath('county', c.slug, lang), c.code] as const)));
  const codes = [...walk(parseMdx(story.content.body ?? ''))].flatMap((n) => (n.type === 'link' && n.url && byPath.has(n.url) ? [byPath.get(n.url)!] : []));
  return [...new Set(codes)];
}

/**
 * A story page's NewsArticle. `about`: a county story's county; a theme
 * story's, the featured counties (data/counties.json) that the datasets it
 * pins give a GB/T 2260 code for, then those whose stories its text links to.
 * The sources: the articles its figures quote (those of its pinned datasets
 * if it quotes none).
 */
export function storyArticle(story: EditionStory, figures: ReadonlyMap<string, ResolvedFigure>, site: Site, corrections: readonly Correction[]) {
  const { entry, lang } = story;
  const pinned = Object.entries(entry.data.datasets).map(([id, version]) => getDatasets().get(id, version)!.data);
  const codes = entry.data.county
    ? [entry.data.county]
    : [...new Set(pinned.flatMap((ds) => ds.rows.flatMap((row) => ds.fields.filter((f) => f.type === 'admin-code').map((f) => row[f.key]))))].filter(
        (code): code is string => typeof code === 'string' && countyByCode(code) !== undefined,
      );
  if (!entry.data.county) codes.push(...linkedCounties(story).filter((code) => !codes.includes(code)));
  const inNoteOrder = [...figures.values()].sort((a, b) => a.note - b.note);
  const quoted = [...new Map(inNoteOrder.map((f) => [f.source.id, f.source])).values()];
  const sources = quoted.length ? quoted : [...new Map(pinned.flatMap((ds) => ds.sources).map((s) => [s.id, s])).values()];
  return newsArticle({
    headline: story.title,
    description: story.summary,
    lang,
    url: absoluteUrl(story.path, site),
    image: absoluteUrl(cardPath(story.path), site),
    published: entry.data.published,
    updated: entry.data.updated,
    corrections,
    site,
    about: codes.map((code) => countyPlace(countyByCode(code)!, lang, countyCentre(code))),
    sources,
    datasets: pinned,
  });
}

/**
 * schema.org license URLs for the SPDX ids datasets state (data/datasets/…
 * "license"). An id not listed here is published as written.
 */
const LICENSE_URLS: Record<string, string> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
};
export const licenseUrl = (spdx: string) => LICENSE_URLS[spdx] ?? spdx;

/** A dataset version's page: Dataset with each download as a DataDownload. */
export function datasetVersion(ds: Dataset, lang: Lang, site: Site): Node {
  const url = absoluteUrl(datasetPagePath(ds.id, ds.version, lang), site);
  const download = (path: string, encodingFormat: string, name: string): Node => ({
    '@type': 'DataDownload',
    name,
    encodingFormat,
    contentUrl: absoluteUrl(path, site),
  });
  const organization = siteOrganization(lang, site);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': url,
    name: ds.title[lang],
    description: ds.description[lang],
    version: ds.version,
    identifier: `${ds.id}@${ds.version}`,
    url,
    inLanguage: htmlLang(lang),
    datePublished: ds.released,
    license: licenseUrl(ds.license),
    isAccessibleForFree: true,
    creator: organization,
    publisher: organization,
    isBasedOn: ds.sources.map((s) => sourceArticle(s, lang, site)),
    distribution: [
      download(datasetDownloadPath(ds.id, ds.version, 'json'), 'application/json', `${ds.id}-${ds.version}.json`),
      download(datasetDownloadPath(ds.id, ds.version, 'csv'), 'text/csv', `${ds.id}-${ds.version}.csv`),
      download(datasetTidyCsvPath(ds.id, ds.version), 'text/csv', `${ds.id}-${ds.version}.tidy.csv`),
      download(datasetBundlePath(ds.id, ds.version), 'application/zip', `${ds.id}-${ds.version}.zip`),
    ],
  };
}

export interface ChartImageFacts {
  lang: Lang;
  site: Site;
  title: string;
  description: string;
  /** Absolute URLs: the chart's page, its PNG and its SVG downloads. */
  url: string;
  png: string;
  svg: string;
  width: number;
  height: number;
  dataset: Dataset;
}

/**
 * A chart page: the chart as an ImageObject, the PNG its content and the SVG
 * another encoding of it, based on the dataset version it is drawn from. No
 * `license`: the site states a licence for its datasets (theirs is on the
 * Dataset this points to) but none for its charts.
 */
export function chartImage(c: ChartImageFacts): Node {
  const organization = siteOrganization(c.lang, c.site);
  return {
    '@context': 'https://schema.org',
    '@type': 'ImageObject',
    '@id': c.url,
    name: c.title,
    caption: c.description,
    description: c.description,
    url: c.url,
    contentUrl: c.png,
    encodingFormat: 'image/png',
    width: c.width,
    height: c.height,
    inLanguage: htmlLang(c.lang),
    datePublished: c.dataset.released,
    encoding: { '@type': 'MediaObject', contentUrl: c.svg, encodingFormat: 'image/svg+xml' },
    creditText: t(c.lang, 'siteName'),
    creator: organization,
    isBasedOn: datasetReference(c.dataset, c.lang, c.site),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped, so no text in it can close the script element. */
export const jsonLd = (data: unknown) => JSON.stringify(data).replace(/</g, '\\u003c');

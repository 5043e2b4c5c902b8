/**
 * Every path the site publishes, built in one place. Everything published at
 * one of these paths stays there (data/published-urls.txt and the build check
 * in src/publishing/published-urls.ts), so change none of them: add a redirect
 * in data/redirects.json instead. The edition prefix (/en) comes from
 * localePath (src/i18n/words.ts).
 */
import { editionFile, localePath, type Lang } from '#/i18n/editions.ts';

export type DownloadFormat = 'json' | 'csv';
/** The graphics that are embedded and downloaded: charts and maps. */
export type EmbedKind = 'charts' | 'maps';

/** /counties/qinglong/ or /themes/envoys/; under /en/ in English. */
export const storyPagePath = (kind: 'county' | 'theme', slug: string, lang: Lang = 'zh') =>
  localePath(kind === 'county' ? `/counties/${slug}/` : `/themes/${slug}/`, lang);

export const datasetPagePath = (id: string, version: string, lang: Lang = 'zh') => localePath(`/datasets/${id}/${version}/`, lang);

/** The same in both editions: a file is not translated. */
export const datasetDownloadPath = (id: string, version: string, format: DownloadFormat) => `/data/${id}/${version}.${format}`;

/** The tidy CSV of a dataset version, one line per figure for people: /data/<id>/<version>.tidy.csv (src/publishing/dataset-files.ts). */
export const datasetTidyCsvPath = (id: string, version: string) => `/data/${id}/${version}.tidy.csv`;

/** The datasets index at one dataset's entry: /datasets/#qinglong. */
export const datasetInListPath = (id: string, lang: Lang = 'zh') => localePath(`/datasets/#${id}`, lang);

export const topicPath = (theme: string, lang: Lang = 'zh') => localePath(`/topics/${theme}/`, lang);

export const sourceAnchorPath = (sourceId: string, lang: Lang = 'zh') => localePath(`/sources/#${sourceId}`, lang);

/** /charts/ for page 1, /charts/<n>/ after it; under /en/ in English. */
export const galleryPagePath = (page: number, lang: Lang): string => localePath(page === 1 ? '/charts/' : `/charts/${page}/`, lang);

/**
 * A chart's own page, its permanent address: /charts/<id>/, under /en/ in
 * English. Embeds' credit links, oEmbed, downloaded images and citations
 * point here. Beside the gallery's /charts/<n>/: chart ids always hold a
 * letter (chartId, src/data/schemas.ts), page numbers are digits only.
 */
export const chartPagePath = (id: string, lang: Lang): string => localePath(`/charts/${id}/`, lang);

/** A chart's section in the gallery page that holds it: /charts/2/#<id> (an anchor, not a permanent address). */
export const chartInGalleryPath = (id: string, page: number, lang: Lang): string => `${galleryPagePath(page, lang)}#${id}`;

export const embedPath = (kind: EmbedKind, id: string, lang: Lang) => localePath(`/embed/${kind}/${id}/`, lang);
export const oembedPath = (kind: EmbedKind, id: string, lang: Lang) => `/oembed/${kind}/${editionFile(id, lang)}.json`;
export const downloadPath = (kind: EmbedKind, id: string, lang: Lang, format: 'svg' | 'png') => `/downloads/${kind}/${editionFile(id, lang)}.${format}`;

/**
 * A chart's embed pinned to one released version of its dataset, which never
 * changes: /embed/charts/<id>/<version>/ (under /en/ in English). The live
 * embed (embedPath) follows the chart as published now.
 */
export const pinnedEmbedPath = (id: string, version: string, lang: Lang) => localePath(`/embed/charts/${id}/${version}/`, lang);
export const pinnedOembedPath = (id: string, version: string, lang: Lang) => `/oembed/charts/${id}/${editionFile(version, lang)}.json`;

/** The graphic's own figures as a tidy CSV, one file for both editions: /downloads/charts/<id>.csv (src/publishing/graphic-files.ts). */
export const graphicCsvPath = (kind: EmbedKind, id: string) => `/downloads/${kind}/${id}.csv`;

/** A chart's figures as drawn from one dataset version (its pinned embed's data): /downloads/charts/<id>/<version>.csv. */
export const pinnedCsvPath = (id: string, version: string) => `/downloads/charts/${id}/${version}.csv`;

/** The image for newsletters and feeds: the PNG 1200 px wide, to be shown at 600 CSS px (2× for sharp text on high-density screens). */
export const newsletterPngPath = (kind: EmbedKind, id: string, lang: Lang) => `/downloads/${kind}/${editionFile(id, lang)}.newsletter.png`;

/** A page's social card: /counties/qinglong/ → /og/counties/qinglong.png; /en/ → /og/en.png; / → /og/site.png */
export function cardPath(pagePath: string): string {
  const trimmed = pagePath.replace(/^\/|\/$/g, '');
  return `/og/${trimmed || 'site'}.png`;
}

/** Absolute URL on the public site (astro.config.mjs `site`). */
export const absoluteUrl = (path: string, site: URL | string | undefined) => {
  if (!site) throw new Error('astro.config.mjs has no "site": permanent URLs need the public address');
  return new URL(path, site).href;
};

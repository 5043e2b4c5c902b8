/**
 * Every path the site publishes, built in one place. Everything published at
 * one of these paths stays there (data/published-urls.txt and the build check
 * in src/publishing/published-urls.ts), so change none of them: add a redirect
 * in data/redirects.json instead. The edition prefix (/en) comes from
 * localePath (src/i18n/editions.ts).
 *
 * THE BASE RULE. The site may be served under a sub-path (SITE_URL
 * https://example.org/county-stories/: Astro's `base`, src/publishing/public-address.ts).
 * Two kinds of path:
 * - a route: where a page is in the site, "/counties/qinglong/", the same
 *   wherever it is hosted. Routes are what data/published-urls.txt,
 *   data/redirects.json, getStaticPaths and localePath deal in.
 * - a site path: the route under the base, "/county-stories/counties/qinglong/",
 *   what a browser requests. Every builder here returns a site path (sitePath(route)),
 *   so an href, a src, a fetch and new URL(path, Astro.site) are right as they are.
 * Builders rather than their callers add the base because links are written in
 * some sixty places and built in a few dozen: each new builder wraps its route
 * in sitePath() once (tests/unit/publishing/url-base.test.ts calls every
 * function exported here under a sub-path and fails on one that forgets), and
 * no template has anything to remember. The few places that need a route back
 * (a page's own Astro.url.pathname, a card's file name) take it with siteRoute().
 * With SITE_URL at the root of a domain the base is "" and every path is what it
 * always was.
 */
import { editionFile, localePath, pageInEdition, type Lang } from '#/i18n/editions.ts';
import { publicAddress } from '#/publishing/public-address.ts';

/** The base without its last "/": "" at the root of a domain, "/county-stories" under a sub-path; read once from SITE_URL. */
let base: string | undefined;
const siteBase = () => (base ??= publicAddress(globalThis.process?.env ?? {}).base.replace(/\/$/, ''));

/** A route ("/counties/qinglong/", "/embed.js") as the path a browser asks for: under the base. */
export const sitePath = (route: string) => `${siteBase()}${route}`;

/** The route of a site path (the inverse of sitePath): Astro.url.pathname "/county-stories/en/" → "/en/". */
export function siteRoute(path: string): string {
  const b = siteBase();
  if (!b) return path;
  if (path === b) return '/';
  if (!path.startsWith(`${b}/`)) throw new Error(`"${path}" is not under the site's base path ${b}/ (SITE_URL)`);
  return path.slice(b.length);
}

/** A page that has no builder of its own, in the given edition: "/", "/charts/", "/search/", "/rss.xml". */
export const editionPagePath = (route: string, lang: Lang) => sitePath(localePath(route, lang));

/** This page (its Astro.url.pathname, a site path) in the given edition: every page exists in both. */
export const pageInEditionPath = (pathname: string, lang: Lang) => sitePath(pageInEdition(siteRoute(pathname), lang));

/** The embed script partners load beside an iframe (public/embed.js). */
export const embedScriptPath = () => sitePath('/embed.js');

/** A file of the search bundle, /pagefind/<file> (written after the build: src/publishing/search.ts). */
export const searchBundlePath = (file: string) => sitePath(`/pagefind/${file}`);

/** The national map's geometry, fetched by the interactive map (src/pages/geo/national.topo.json.ts). */
export const nationalGeometryPath = () => sitePath('/geo/national.topo.json');

/** The sitemap index @astrojs/sitemap writes. */
export const sitemapPath = () => sitePath('/sitemap-index.xml');

export type DownloadFormat = 'json' | 'csv';
/** The graphics that are embedded and downloaded: charts and maps. */
export type EmbedKind = 'charts' | 'maps';

/** /counties/qinglong/ or /themes/envoys/; under /en/ in English. */
export const storyPagePath = (kind: 'county' | 'theme', slug: string, lang: Lang = 'zh') =>
  sitePath(localePath(kind === 'county' ? `/counties/${slug}/` : `/themes/${slug}/`, lang));

export const datasetPagePath = (id: string, version: string, lang: Lang = 'zh') => sitePath(localePath(`/datasets/${id}/${version}/`, lang));

/** The same in both editions: a file is not translated. */
export const datasetDownloadPath = (id: string, version: string, format: DownloadFormat) => sitePath(`/data/${id}/${version}.${format}`);

/** The tidy CSV of a dataset version, one line per figure for people: /data/<id>/<version>.tidy.csv (src/publishing/dataset-files.ts). */
export const datasetTidyCsvPath = (id: string, version: string) => sitePath(`/data/${id}/${version}.tidy.csv`);

/**
 * A dataset version's bundle for archiving: /data/<id>/<version>.zip, holding the
 * JSON, the CSV, the tidy CSV, a README and a CITATION.cff (src/publishing/dataset-bundle.ts).
 */
export const datasetBundlePath = (id: string, version: string) => sitePath(`/data/${id}/${version}.zip`);

/** The case-studies API for partners, and its OpenAPI 3.1 description (src/publishing/api.ts). */
export const CASE_STUDIES_API_ROUTE = '/api/case-studies.json';
export const caseStudiesApiPath = () => sitePath(CASE_STUDIES_API_ROUTE);
export const openApiPath = () => sitePath('/api/openapi.json');

/** The datasets index at one dataset's entry: /datasets/#qinglong. */
export const datasetInListPath = (id: string, lang: Lang = 'zh') => sitePath(localePath(`/datasets/#${id}`, lang));

export const topicPath = (theme: string, lang: Lang = 'zh') => sitePath(localePath(`/topics/${theme}/`, lang));

export const sourceAnchorPath = (sourceId: string, lang: Lang = 'zh') => sitePath(localePath(`/sources/#${sourceId}`, lang));

/** /charts/ for page 1, /charts/<n>/ after it; under /en/ in English. */
export const galleryPagePath = (page: number, lang: Lang): string => sitePath(localePath(page === 1 ? '/charts/' : `/charts/${page}/`, lang));

/**
 * A chart's own page, its permanent address: /charts/<id>/, under /en/ in
 * English. Embeds' credit links, oEmbed, downloaded images and citations
 * point here. Beside the gallery's /charts/<n>/: chart ids always hold a
 * letter (chartId, src/data/schemas.ts), page numbers are digits only.
 */
export const chartPagePath = (id: string, lang: Lang): string => sitePath(localePath(`/charts/${id}/`, lang));

/** A chart's section in the gallery page that holds it: /charts/2/#<id> (an anchor, not a permanent address). */
export const chartInGalleryPath = (id: string, page: number, lang: Lang): string => `${galleryPagePath(page, lang)}#${id}`;

export const embedPath = (kind: EmbedKind, id: string, lang: Lang) => sitePath(localePath(`/embed/${kind}/${id}/`, lang));
export const oembedPath = (kind: EmbedKind, id: string, lang: Lang) => sitePath(`/oembed/${kind}/${editionFile(id, lang)}.json`);
export const downloadPath = (kind: EmbedKind, id: string, lang: Lang, format: 'svg' | 'png') =>
  sitePath(`/downloads/${kind}/${editionFile(id, lang)}.${format}`);

/**
 * A chart's embed pinned to one released version of its dataset, which never
 * changes: /embed/charts/<id>/<version>/ (under /en/ in English). The live
 * embed (embedPath) follows the chart as published now.
 */
export const pinnedEmbedPath = (id: string, version: string, lang: Lang) => sitePath(localePath(`/embed/charts/${id}/${version}/`, lang));
export const pinnedOembedPath = (id: string, version: string, lang: Lang) => sitePath(`/oembed/charts/${id}/${editionFile(version, lang)}.json`);

/** The graphic's own figures as a tidy CSV, one file for both editions: /downloads/charts/<id>.csv (src/publishing/graphic-files.ts). */
export const graphicCsvPath = (kind: EmbedKind, id: string) => sitePath(`/downloads/${kind}/${id}.csv`);

/** A chart's figures as drawn from one dataset version (its pinned embed's data): /downloads/charts/<id>/<version>.csv. */
export const pinnedCsvPath = (id: string, version: string) => sitePath(`/downloads/charts/${id}/${version}.csv`);

/** The image for newsletters and feeds: the PNG 1200 px wide, to be shown at 600 CSS px (2× for sharp text on high-density screens). */
export const newsletterPngPath = (kind: EmbedKind, id: string, lang: Lang) => sitePath(`/downloads/${kind}/${editionFile(id, lang)}.newsletter.png`);

/** A page's social card, from the page's site path: /counties/qinglong/ → /og/counties/qinglong.png; /en/ → /og/en.png; / → /og/site.png */
export function cardPath(pagePath: string): string {
  const trimmed = siteRoute(pagePath).replace(/^\/|\/$/g, '');
  return sitePath(`/og/${trimmed || 'site'}.png`);
}

/** Absolute URL on the public site (astro.config.mjs `site`) of a site path (a builder's result; one starting with "/" already carries the base). */
export const absoluteUrl = (path: string, site: URL | string | undefined) => {
  if (!site) throw new Error('astro.config.mjs has no "site": permanent URLs need the public address');
  // A route here ("/counties/x/" under a sub-path) would silently leave the site: siteRoute refuses it, naming it.
  if (path.startsWith('/')) siteRoute(path);
  return new URL(path, site).href;
};

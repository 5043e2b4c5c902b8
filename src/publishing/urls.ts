/**
 * Permanent URLs. Everything published at one of these paths stays there
 * (data/published-urls.txt and the build check in src/publishing/published-urls.ts),
 * so change none of them: add a redirect in data/redirects.json instead.
 */
import { localePath, type Lang } from '#/i18n/editions.ts';

export type DownloadFormat = 'json' | 'csv';

export const datasetPagePath = (id: string, version: string, lang: Lang = 'zh') => localePath(`/datasets/${id}/${version}/`, lang);

/** The same in both editions: a file is not translated. */
export const datasetDownloadPath = (id: string, version: string, format: DownloadFormat) => `/data/${id}/${version}.${format}`;

export const sourceAnchorPath = (sourceId: string, lang: Lang = 'zh') => localePath(`/sources/#${sourceId}`, lang);

/** Absolute URL on the public site (astro.config.mjs `site`). */
export const absoluteUrl = (path: string, site: URL | string | undefined) => {
  if (!site) throw new Error('astro.config.mjs has no "site": permanent URLs need the public address');
  return new URL(path, site).href;
};

/**
 * The base rule (src/publishing/urls.ts): with SITE_URL under a sub-path,
 * every path builder returns its path under the base, and the routes come
 * back with siteRoute. Every function urls.ts exports must have a sample call
 * below, so a new builder that forgets sitePath() fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';

const BASE = '/sub/path';
type Urls = typeof import('#/publishing/urls.ts');
let urls: Urls;
const before = process.env.SITE_URL;

beforeAll(async () => {
  // Read once, when the first path is built: set before the module is used (each test file has its own modules).
  process.env.SITE_URL = `https://example.org${BASE}/`;
  urls = await import('#/publishing/urls.ts');
  // urls.ts has read it (the sample calls would fail otherwise); the next test file in this process must not see it.
  urls.sitePath('/');
  if (before === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = before;
});

/** A call of each builder, and the route it names. */
const SAMPLES: Record<string, [(u: Urls) => string, string]> = {
  sitePath: [(u) => u.sitePath('/embed.js'), '/embed.js'],
  editionPagePath: [(u) => u.editionPagePath('/charts/', 'en'), '/en/charts/'],
  pageInEditionPath: [(u) => u.pageInEditionPath(`${BASE}/en/counties/qinglong/`, 'zh'), '/counties/qinglong/'],
  embedScriptPath: [(u) => u.embedScriptPath(), '/embed.js'],
  searchBundlePath: [(u) => u.searchBundlePath('pagefind-ui.js'), '/pagefind/pagefind-ui.js'],
  nationalGeometryPath: [(u) => u.nationalGeometryPath(), '/geo/national.topo.json'],
  sitemapPath: [(u) => u.sitemapPath(), '/sitemap-index.xml'],
  storyPagePath: [(u) => u.storyPagePath('county', 'qinglong', 'en'), '/en/counties/qinglong/'],
  datasetPagePath: [(u) => u.datasetPagePath('qinglong', '1.0.0'), '/datasets/qinglong/1.0.0/'],
  datasetDownloadPath: [(u) => u.datasetDownloadPath('qinglong', '1.0.0', 'csv'), '/data/qinglong/1.0.0.csv'],
  datasetTidyCsvPath: [(u) => u.datasetTidyCsvPath('qinglong', '1.0.0'), '/data/qinglong/1.0.0.tidy.csv'],
  datasetBundlePath: [(u) => u.datasetBundlePath('qinglong', '1.0.0'), '/data/qinglong/1.0.0.zip'],
  caseStudiesApiPath: [(u) => u.caseStudiesApiPath(), '/api/case-studies.json'],
  openApiPath: [(u) => u.openApiPath(), '/api/openapi.json'],
  datasetInListPath: [(u) => u.datasetInListPath('qinglong', 'en'), '/en/datasets/#qinglong'],
  topicPath: [(u) => u.topicPath('envoys'), '/topics/envoys/'],
  sourceAnchorPath: [(u) => u.sourceAnchorPath('s1'), '/sources/#s1'],
  galleryPagePath: [(u) => u.galleryPagePath(2, 'zh'), '/charts/2/'],
  chartPagePath: [(u) => u.chartPagePath('envoy-coverage', 'en'), '/en/charts/envoy-coverage/'],
  chartInGalleryPath: [(u) => u.chartInGalleryPath('envoy-coverage', 1, 'zh'), '/charts/#envoy-coverage'],
  embedPath: [(u) => u.embedPath('maps', 'qinglong', 'zh'), '/embed/maps/qinglong/'],
  oembedPath: [(u) => u.oembedPath('charts', 'envoy-coverage', 'en'), '/oembed/charts/envoy-coverage.en.json'],
  downloadPath: [(u) => u.downloadPath('charts', 'envoy-coverage', 'zh', 'png'), '/downloads/charts/envoy-coverage.png'],
  pinnedEmbedPath: [(u) => u.pinnedEmbedPath('envoy-coverage', '1.0.0', 'en'), '/en/embed/charts/envoy-coverage/1.0.0/'],
  pinnedOembedPath: [(u) => u.pinnedOembedPath('envoy-coverage', '1.0.0', 'en'), '/oembed/charts/envoy-coverage/1.0.0.en.json'],
  graphicCsvPath: [(u) => u.graphicCsvPath('maps', 'qinglong'), '/downloads/maps/qinglong.csv'],
  pinnedCsvPath: [(u) => u.pinnedCsvPath('envoy-coverage', '1.0.0'), '/downloads/charts/envoy-coverage/1.0.0.csv'],
  newsletterPngPath: [(u) => u.newsletterPngPath('charts', 'envoy-coverage', 'en'), '/downloads/charts/envoy-coverage.en.newsletter.png'],
  cardPath: [(u) => u.cardPath(`${BASE}/en/counties/qinglong/`), '/og/en/counties/qinglong.png'],
};
/** Exports that are not builders of a site path. */
const NOT_BUILDERS = new Set(['siteRoute', 'absoluteUrl']);

describe(`urls.ts with SITE_URL=https://example.org${BASE}/`, () => {
  it('has a sample call for every exported builder', () => {
    const builders = Object.entries(urls)
      .filter(([name, value]) => typeof value === 'function' && !NOT_BUILDERS.has(name))
      .map(([name]) => name);
    expect(builders.filter((name) => !(name in SAMPLES))).toEqual([]);
  });

  it.each(Object.entries(SAMPLES))('%s builds its path under the base, and siteRoute gives the route back', (_, [call, route]) => {
    const built = call(urls);
    expect(built).toBe(`${BASE}${route}`);
    expect(urls.siteRoute(built)).toBe(route);
  });

  it('siteRoute refuses a path outside the base; the base alone is the home route', () => {
    expect(urls.siteRoute(BASE)).toBe('/');
    expect(() => urls.siteRoute('/counties/qinglong/')).toThrow(/not under the site's base path \/sub\/path\//);
    expect(() => urls.siteRoute(`${BASE}x/`)).toThrow(/not under/);
  });

  it('absoluteUrl of a built path is under SITE_URL, and refuses a route', () => {
    expect(urls.absoluteUrl(urls.chartPagePath('a1', 'zh'), `https://example.org${BASE}/`)).toBe(`https://example.org${BASE}/charts/a1/`);
    expect(() => urls.absoluteUrl('/', `https://example.org${BASE}/`)).toThrow(/not under the site's base path/);
  });
});

/**
 * schema.org JSON-LD on the built site (src/publishing/structured-data.ts):
 * every page's blocks parse; stories carry a NewsArticle about their county
 * (a Place with its GB/T 2260 code), based on their source articles and the
 * dataset versions they pin; dataset versions a Dataset with a DataDownload
 * per file; chart pages an ImageObject whose PNG is the size it says. Every
 * URL in any block on the site's own origin resolves to a built file (and an
 * #anchor to an element of that page).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAllDatasets } from '#/data/datasets.ts';
import { readCounties } from '#/data/site-data.ts';
import { listPages, pageFile, readPage, siteDir } from '../helpers/site.ts';

type Node = Record<string, any>;
const root = process.cwd();
const dir = () => siteDir();
const datasets = loadAllDatasets(root);
const countyBySlug = new Map(readCounties(root).map((c) => [c.slug, c]));
const countyCodes = new Set(readCounties(root).map((c) => c.code));
const origin = () => new URL(JSON.parse(readFileSync(pageFile(dir(), '/api/case-studies.json'), 'utf8')).site).origin;

/** Every JSON-LD block of a page, parsed. */
function blocks(page: string): Node[] {
  const html = readPage(dir(), page);
  return [...html.matchAll(/<script[^>]*type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

/** Every string anywhere in a value that is an absolute URL. */
function urls(value: unknown): string[] {
  if (typeof value === 'string') return /^https?:\/\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urls);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urls);
  return [];
}

/** True when a URL on the site names a built file (and, with a #fragment, an element with that id on it). */
function resolves(url: string): boolean {
  const u = new URL(url);
  const file = pageFile(dir(), decodeURIComponent(u.pathname));
  if (!existsSync(file)) return false;
  if (!u.hash) return true;
  return readFileSync(file, 'utf8').includes(`id="${decodeURIComponent(u.hash.slice(1))}"`);
}

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isPlace = (n: Node) => ['Place', 'AdministrativeArea'].includes(n['@type']);
const code = (n: Node) => (n.identifier?.propertyID === 'GB/T 2260' ? n.identifier.value : undefined);

describe('JSON-LD on every page', () => {
  it('parses, is schema.org, and every URL on the site resolves to a built file', () => {
    const pages = listPages(dir());
    expect(pages.length).toBeGreaterThan(100);
    let count = 0;
    for (const page of pages) {
      for (const block of blocks(page)) {
        count++;
        expect(block['@context'], page).toBe('https://schema.org');
        expect(typeof block['@type'], page).toBe('string');
        for (const url of urls(block).filter((u) => new URL(u).origin === origin())) expect(resolves(url), `${page}: ${url}`).toBe(true);
      }
    }
    // Stories, dataset versions and chart pages in both editions.
    expect(count).toBeGreaterThan(60);
  });

  const typed = (pattern: RegExp) => listPages(dir()).filter((p) => pattern.test(p));

  it('stories: a NewsArticle about the county (GB/T 2260), based on its sources and pinned dataset versions', () => {
    const stories = typed(/^(\/en)?\/(counties|themes)\/[^/]+\/$/);
    expect(stories.length).toBeGreaterThanOrEqual(26);
    for (const page of stories) {
      const articles = blocks(page).filter((b) => b['@type'] === 'NewsArticle');
      expect(articles, page).toHaveLength(1);
      const a = articles[0];
      for (const key of ['headline', 'description', 'url', 'image', 'datePublished', 'dateModified', 'inLanguage'])
        expect(a[key], `${page} ${key}`).toBeTruthy();
      expect(a.author?.name, page).toBeTruthy();
      expect(a.publisher?.['@type'], page).toBe('Organization');
      expect(new URL(a.url).pathname).toBe(page);
      const about = asList<Node>(a.about);
      for (const place of about) {
        expect(isPlace(place), page).toBe(true);
        expect(countyCodes.has(code(place)), `${page}: ${code(place)}`).toBe(true);
        expect(isPlace(place.containedInPlace), page).toBe(true);
        expect(code(place.containedInPlace)).toBe(`${code(place).slice(0, 2)}0000`);
      }
      const basedOn = asList<Node>(a.isBasedOn);
      const sources = basedOn.filter((n) => n['@type'] === 'Article');
      expect(sources.length, `${page}: source articles`).toBeGreaterThan(0);
      for (const s of sources) for (const key of ['headline', 'datePublished', '@id']) expect(s[key], `${page} source ${key}`).toBeTruthy();
      expect(asList<Node>(a.citation).map((c) => c['@id'])).toEqual(sources.map((s) => s['@id']));
      const pinned = basedOn.filter((n) => n['@type'] === 'Dataset');
      expect(pinned.length, `${page}: dataset versions`).toBeGreaterThan(0);
      for (const d of pinned) expect(datasets.get(new URL(d.url).pathname.split('/').at(-3)!, d.version), d.url).toBeTruthy();
      // A theme story is about (at least) every county whose story its text links to, read from its MDX here.
      const theme = page.match(/\/themes\/([^/]+)\/$/)?.[1];
      if (theme) {
        const mdx = readFileSync(`${root}/content/${page.startsWith('/en/') ? 'en/' : ''}themes/${theme}.mdx`, 'utf8');
        const linked = [...mdx.matchAll(/\]\((?:\/en)?\/counties\/([a-z0-9-]+)\/\)/g)].map((m) => countyBySlug.get(m[1])!.code);
        expect(about.map(code), page).toEqual(expect.arrayContaining(linked));
      }
      const slug = page.match(/\/counties\/([^/]+)\/$/)?.[1];
      if (slug) {
        expect(about, page).toHaveLength(1);
        expect(code(about[0])).toBe(countyBySlug.get(slug)!.code);
        expect(about[0].geo, `${page}: the county's centre`).toMatchObject({ '@type': 'GeoCoordinates' });
        expect(about[0].geo.longitude).toBeGreaterThan(73);
        expect(about[0].geo.longitude).toBeLessThan(136);
      }
    }
  });

  it('dataset versions: a Dataset with version, licence, creator, sources and a DataDownload per file', () => {
    const pages = typed(/^(\/en)?\/datasets\/[^/]+\/[^/]+\/$/);
    expect(pages).toHaveLength(datasets.all.length * 2);
    for (const page of pages) {
      const [id, version] = page.split('/').filter(Boolean).slice(-2);
      const ds = datasets.get(id, version)!.data;
      const found = blocks(page).filter((b) => b['@type'] === 'Dataset');
      expect(found, page).toHaveLength(1);
      const d = found[0];
      expect(d).toMatchObject({ version, datePublished: ds.released, isAccessibleForFree: true });
      expect(new URL(d.url).pathname).toBe(page);
      for (const key of ['name', 'description', 'license', 'inLanguage']) expect(d[key], `${page} ${key}`).toBeTruthy();
      expect(d.license).toBe(ds.license === 'CC-BY-4.0' ? 'https://creativecommons.org/licenses/by/4.0/' : ds.license);
      expect(d.creator?.name).toBeTruthy();
      expect(asList<Node>(d.isBasedOn).map((s) => s.headline)).toEqual(ds.sources.map((s) => s.title));
      const files = asList<Node>(d.distribution);
      expect(files.map((f) => f['@type'])).toEqual(Array(4).fill('DataDownload'));
      expect(files.map((f) => new URL(f.contentUrl).pathname).sort()).toEqual(
        [`/data/${id}/${version}.csv`, `/data/${id}/${version}.json`, `/data/${id}/${version}.tidy.csv`, `/data/${id}/${version}.zip`].sort(),
      );
      for (const f of files) expect(f.encodingFormat, f.contentUrl).toMatch(/^(application\/(json|zip)|text\/csv)$/);
    }
  });

  it('chart pages: an ImageObject whose PNG is the size it says, its SVG as another encoding, based on the dataset version', () => {
    const pages = typed(/^(\/en)?\/charts\/[^/]*[a-z][^/]*\/$/);
    expect(pages.length).toBeGreaterThanOrEqual(32);
    for (const page of pages) {
      const found = blocks(page).filter((b) => b['@type'] === 'ImageObject');
      expect(found, page).toHaveLength(1);
      const img = found[0];
      for (const key of ['name', 'caption', 'creditText', 'contentUrl', 'url']) expect(img[key], `${page} ${key}`).toBeTruthy();
      expect(new URL(img.url).pathname).toBe(page);
      // The PNG's own size, from its IHDR chunk (width and height at bytes 16 and 20).
      const png = readFileSync(pageFile(dir(), new URL(img.contentUrl).pathname));
      expect([img.width, img.height], img.contentUrl).toEqual([png.readUInt32BE(16), png.readUInt32BE(20)]);
      expect(img.encoding).toMatchObject({ '@type': 'MediaObject', encodingFormat: 'image/svg+xml' });
      expect(new URL(img.encoding.contentUrl).pathname).toMatch(/\.svg$/);
      expect(img.isBasedOn['@type']).toBe('Dataset');
      expect(new URL(img.isBasedOn.url).pathname).toMatch(/\/datasets\/[^/]+\/[^/]+\/$/);
    }
  });
});

/**
 * Hosting under a sub-path: a copy of the project built with
 * SITE_URL=https://example.org/sub/path/ (Astro's `base`, the base rule in
 * src/publishing/urls.ts), checked as a host serving its dist/ at /sub/path/
 * would serve it. Every href, src, srcset, action and refresh target in
 * every page, and every address of the site in every page, feed, sitemap,
 * oEmbed answer, API file, SVG download, robots.txt and _headers, must be under
 * the base and name a file the build wrote. A redirect is added to the copy,
 * because Astro writes redirect targets as given. In Chromium, the home page
 * (with its map), a story and search load with no failed request.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { copyProject, type Sandbox } from '../helpers/sandbox.ts';
import { listPages } from '../helpers/site.ts';
import { describeInBrowser, launchChromium } from '../browser/chromium.ts';
import { serveSite, type SiteServer } from '../browser/serve.ts';
import { openPage } from '../browser/watch.ts';

const SITE = 'https://example.org/sub/path/';
const BASE = new URL(SITE).pathname;
const ORIGIN = new URL(SITE).origin;
const HOST = new URL(SITE).host;

let project: Sandbox;
let dist: string;

beforeAll(async () => {
  project = copyProject();
  project.editJson<Record<string, string>>('data/redirects.json', (r) => {
    r['/moved-charts/'] = '/charts/';
  });
  const result = await project.build({ SITE_URL: SITE });
  expect(result.code, result.output).toBe(0);
  dist = project.path('dist');
}, 600_000);

afterAll(() => project?.dispose());

/** Why a URL met on `where` (a page or file's own URL) does not name a file of the build, or undefined when it does. Other sites are not ours to check. */
function problem(value: string, where: URL): string | undefined {
  const url = new URL(value, where);
  if (url.protocol === 'data:' || url.protocol === 'mailto:') return undefined;
  if (url.host !== HOST) return undefined;
  if (url.origin !== ORIGIN) return `${value} on ${where.pathname}: not ${ORIGIN}`;
  if (!url.pathname.startsWith(BASE)) return `${value} on ${where.pathname}: outside the base ${BASE}`;
  const route = decodeURIComponent(url.pathname.slice(BASE.length));
  const file = path.join(dist, route.endsWith('/') || route === '' ? `${route}index.html` : route);
  if (!existsSync(file) || !statSync(file).isFile()) return `${value} on ${where.pathname}: no file ${path.relative(dist, file)} in the build`;
  return undefined;
}

/** The file at a site-relative route, and its public URL. */
const fileAt = (route: string) => ({
  text: readFileSync(path.join(dist, route.endsWith('/') ? `${route}index.html` : route), 'utf8'),
  url: new URL(route.slice(1), SITE),
});

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The links an HTML page writes: href, src, srcset, action, a meta refresh target, and the URLs in the map's data-map. */
function linksOf(html: string): string[] {
  const links: string[] = [];
  // Attributes of tags only (the lookbehind stays inside one tag), not the escaped snippets shown in <textarea>s (checked as text below).
  for (const m of html.matchAll(/(?<=<[a-zA-Z][^<>]*)\s(href|src|srcset|action|content|data-map)=("([^"]*)"|'([^']*)'|([^\s>"']+))/g)) {
    const [, name] = m;
    const value = unescapeHtml(m[3] ?? m[4] ?? m[5] ?? '');
    if (name === 'srcset')
      links.push(
        ...value
          .split(',')
          .map((c) => c.trim().split(/\s+/)[0])
          .filter(Boolean),
      );
    else if (name === 'content') {
      const refresh = /^\d+;\s*url=(.+)$/i.exec(value);
      if (refresh) links.push(refresh[1]);
    } else if (name === 'data-map') links.push(...[...value.matchAll(/"(?:geometryUrl|href)":"([^"]+)"/g)].map((u) => u[1]));
    else if (!value.startsWith('#')) links.push(value);
  }
  return links;
}

/** Every address of our host written anywhere in a text, e.g. in a feed, a JSON answer, an embed snippet or JSON-LD. */
const addressesIn = (text: string) => [...text.matchAll(/https?:\/\/example\.org[^\s"'<>&\\)]*/g)].map((m) => m[0]);

/** In an SVG download, the credit address as drawn: wrapped over <text> lines ("…/charts/yijun-", "forsythia/"), joined while a line ends in "-" or "/" and the next is a piece of a path. */
function creditsIn(svg: string): string[] {
  const lines = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  const credits: string[] = [];
  lines.forEach((line, i) => {
    if (!/^https?:\/\//.test(line)) return;
    let address = line;
    for (let j = i + 1; /[-/]$/.test(address) && /^[\w.-]+(\/[\w.-]*)*$/.test(lines[j] ?? ''); j++) address += lines[j];
    credits.push(address);
  });
  return credits;
}

const walk = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => '/' + path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));

describe(`the site built with SITE_URL=${SITE}`, () => {
  it('writes every link of every page under the base, to a file the build wrote', () => {
    const pages = listPages(dist);
    expect(pages).toContain('/moved-charts/');
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const { text, url } = fileAt(page);
      for (const link of linksOf(text)) {
        checked++;
        const p = problem(link, url);
        if (p) broken.push(p);
      }
    }
    expect(broken).toEqual([]);
    // Every page has its navigation, so thousands of links are checked; a pattern that matched none would fail here.
    expect(checked).toBeGreaterThan(pages.length * 20);
  });

  it('names only addresses under SITE_URL, each a file of the build, in pages, feeds, sitemaps, oEmbed, the API, SVGs and robots.txt', () => {
    const files = walk(dist).filter((f) => /\.(html|xml|json|txt|svg)$/.test(f) && !f.startsWith('/pagefind/') && !f.startsWith('/data/'));
    for (const expected of ['/rss.xml', '/en/rss.xml', '/sitemap-index.xml', '/sitemap-0.xml', '/robots.txt', '/api/case-studies.json'])
      expect(files, expected).toContain(expected);
    expect(files.some((f) => f.startsWith('/oembed/'))).toBe(true);
    expect(files.some((f) => f.startsWith('/downloads/') && f.endsWith('.svg'))).toBe(true);
    const broken: string[] = [];
    const seen = new Set<string>();
    for (const file of files) {
      const { text, url } = fileAt(file);
      for (const address of file.endsWith('.svg') ? creditsIn(text) : addressesIn(text)) {
        // OpenAPI's server URL has no final "/" (paths are appended to it): checked with its path below.
        if (file === '/api/openapi.json' && address === SITE.replace(/\/$/, '')) continue;
        seen.add(address);
        const p = problem(address, url);
        if (p) broken.push(`${p} (in ${file})`);
      }
    }
    expect(broken).toEqual([]);
    const openApi = JSON.parse(fileAt('/api/openapi.json').text) as { servers: { url: string }[]; paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths).map((p) => openApi.servers[0].url + p)).toEqual([`${SITE}api/case-studies.json`]);
    for (const expected of [`${SITE}sitemap-index.xml`, `${SITE}en/rss.xml`, `${SITE}embed.js`, `${SITE}counties/qinglong/`])
      expect(seen, expected).toContain(expected);
  });

  it('robots.txt names the sitemap under the base; _headers rules are paths under the base', () => {
    expect(fileAt('/robots.txt').text).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
    const rules = fileAt('/_headers')
      .text.split('\n')
      .filter((l) => l && !l.startsWith('#') && !/^\s/.test(l));
    expect(rules.length).toBeGreaterThan(5);
    expect(rules.filter((r) => !r.startsWith(BASE))).toEqual([]);
  });

  it('draws the credit of each chart download as its page under SITE_URL', () => {
    const svgs = readdirSync(path.join(dist, 'downloads/charts')).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(0);
    for (const svg of svgs) {
      const credits = creditsIn(readFileSync(path.join(dist, 'downloads/charts', svg), 'utf8'));
      expect(credits, svg).toEqual([`${SITE}${svg.endsWith('.en.svg') ? 'en/' : ''}charts/${svg.replace(/(\.en)?\.svg$/, '')}/`]);
    }
  });
});

describeInBrowser(`the site served at ${BASE}`, () => {
  let browser: Browser;
  let site: SiteServer;
  beforeAll(async () => {
    [browser, site] = await Promise.all([launchChromium(), serveSite(dist, { base: BASE })]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it.each([`${BASE}`, `${BASE}en/counties/qinglong/`, `${BASE}moved-charts/`])('%s loads with no failed request and no error', async (pathname) => {
    const opened = await openPage(browser, site.origin, pathname);
    try {
      if (pathname === BASE) {
        // The interactive map: Leaflet, its CSS and the geometry come from under the base.
        await opened.page.locator('.county-map').scrollIntoViewIfNeeded();
        await opened.page.waitForSelector('.county-map--interactive .leaflet-marker-pane .county-pin', { state: 'attached', timeout: 15_000 });
      }
      if (pathname.endsWith('moved-charts/')) await opened.page.waitForURL(`${site.origin}${BASE}charts/`);
      expect(opened.broken).toEqual([]);
      expect(opened.errors).toEqual([]);
      expect(opened.offsite).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('search finds a story and links to it under the base', async () => {
    const opened = await openPage(browser, site.origin, `${BASE}search/?q=${encodeURIComponent('板栗')}`);
    try {
      await opened.page.waitForSelector('.pagefind-ui__result-link', { timeout: 15_000 });
      const links = await opened.page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links).toContain(`${BASE}counties/qinglong/`);
      expect(opened.broken).toEqual([]);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

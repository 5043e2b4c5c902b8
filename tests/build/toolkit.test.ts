/**
 * The toolkit under every chart and map, on the built site: in the static
 * HTML of every story (and the home page), each chart and map is followed by
 * its embed snippets, PNG, SVG and CSV downloads and its citation; the
 * snippets carry an image fallback; each chart has an embed pinned to every
 * version of its dataset it resolves in, with valid oEmbed; a chart's CSV
 * holds exactly its own figures, as its dataset version's tidy CSV writes them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { loadAllDatasets, versionKey } from '#/data/datasets.ts';
import { loadCharts } from '#/charts/registry.ts';
import { resolveChart } from '#/charts/resolve.ts';
import { BOM, tidyCsvRecords } from '#/publishing/dataset-files.ts';
import { isStory, listPages, pageFile, readPage, siteDir } from '../helpers/site.ts';

const root = process.cwd();
const site = 'https://county-stories.example.org';
const datasets = loadAllDatasets(root);
const charts = [...loadCharts(root, datasets).values()];
const LANGS = ['zh', 'en'] as const;
const prefix = (lang: 'zh' | 'en') => (lang === 'en' ? '/en' : '');
const html = (urlPath: string) => readPage(siteDir(), urlPath);
const file = (urlPath: string) => readFileSync(pageFile(siteDir(), decodeURIComponent(urlPath)));
const served = (urlPath: string) => existsSync(pageFile(siteDir(), decodeURIComponent(new URL(urlPath, site).pathname)));
/** Text as it stands in the HTML source: what Astro escapes. */
const unescape = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

/** Every chart and map drawn on a page, in order: charts by data-chart, locator maps, the home map. */
function graphicsOn(page: string): { at: number; what: string }[] {
  const text = html(page);
  return [
    ...[...text.matchAll(/<figure class="chart"[^>]*data-chart="([^"]+)"/g)].map((m) => ({ at: m.index, what: `charts/${m[1]}` })),
    ...[...text.matchAll(/<figure class="locator-map"/g)].map((m) => ({ at: m.index, what: 'maps/<locator>' })),
    ...[...text.matchAll(/<figure class="county-map__figure"/g)].map((m) => ({ at: m.index, what: 'maps/national' })),
  ].sort((a, b) => a.at - b.at);
}

/** The toolkit blocks of a page: <details class="embed-tools" data-tools="kind/id"> … </details>. */
function toolkits(page: string): { at: number; tools: string; body: string }[] {
  return [...html(page).matchAll(/<details class="embed-tools"[^>]*data-tools="([^"]+)"[^>]*>([\s\S]*?)<\/details>/g)].map((m) => ({
    at: m.index,
    tools: m[1],
    body: m[2],
  }));
}

const storyPages = () => listPages(siteDir()).filter(isStory);

it('the site has story pages, charts and maps to test', () => {
  expect(storyPages().length).toBeGreaterThan(10);
  expect(storyPages().some((p) => graphicsOn(p).some((g) => g.what.startsWith('charts/')))).toBe(true);
  expect(storyPages().some((p) => graphicsOn(p).some((g) => g.what.startsWith('maps/')))).toBe(true);
});

describe('every chart and map on every story page and the home page', () => {
  const pages = () => [...storyPages(), '/', '/en/'];

  it('is followed by its own toolkit, before the next graphic', () => {
    for (const page of pages()) {
      const graphics = graphicsOn(page);
      const kits = toolkits(page);
      expect(kits.length, page).toBe(graphics.length);
      graphics.forEach((g, i) => {
        const kit = kits[i];
        expect(kit.at, `${page}: ${g.what}`).toBeGreaterThan(g.at);
        if (graphics[i + 1]) expect(kit.at, `${page}: ${g.what}`).toBeLessThan(graphics[i + 1].at);
        if (!g.what.includes('<locator>')) expect(kit.tools, page).toBe(g.what);
        else expect(kit.tools, page).toBe(`maps/${page.split('/').at(-2)}`);
      });
    }
  });

  it('has embed, PNG, SVG and CSV links to files the site serves, and a citation in both styles, in its static HTML', () => {
    for (const page of pages()) {
      for (const { tools, body } of toolkits(page)) {
        const links = Object.fromEntries([...body.matchAll(/<a href="([^"]+)"[^>]*data-download="([a-z]+)"/g)].map((m) => [m[2], m[1]]));
        const [kind, id] = tools.split('/');
        expect(Object.keys(links).sort(), `${page} ${tools}`).toEqual(['csv', 'embed', 'newsletter', 'png', 'svg']);
        expect(links.embed).toBe(`${prefix(page.startsWith('/en/') ? 'en' : 'zh')}/embed/${kind}/${id}/`);
        expect(links.csv).toBe(`/downloads/${kind}/${id}.csv`);
        for (const href of Object.values(links)) expect(served(href), `${page} ${tools}: ${href}`).toBe(true);
        expect(body, `${page} ${tools}`).toMatch(/class="cite[^"]*"/);
        expect(body).toContain('data-style="gbt7714"');
        expect(body).toContain('data-style="apa"');
        // The copy buttons are there, hidden until a script finds a clipboard.
        expect([...body.matchAll(/<button[^>]*class="copy-button"[^>]*hidden/g)].length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('offers a live snippet with an image fallback (<noscript>, an <img> with alt text linking to the graphic’s page) and an image-only snippet', () => {
    for (const page of pages()) {
      for (const { tools, body } of toolkits(page)) {
        const snippet = (name: string) => unescape(new RegExp(`<textarea[^>]*data-snippet="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(body)?.[1] ?? '');
        const live = snippet('live');
        expect(live, `${page} ${tools}`).toMatch(/^<iframe src="[^"]+"/);
        const noscript = /<noscript><a href="([^"]+)"><img src="([^"]+)" alt="([^"]+)"/.exec(live);
        expect(noscript, `${page} ${tools}: no image fallback`).not.toBeNull();
        const [, href, src, alt] = noscript!;
        expect(served(href) && served(src), `${page} ${tools}`).toBe(true);
        expect(alt.length).toBeGreaterThan(3);
        const image = snippet('image');
        expect(image).toMatch(/^<a href="[^"]+"><img src="[^"]+\.newsletter\.png" alt="[^"]+" width="600"/);
        expect(image).not.toContain('<iframe');
      }
    }
  });
});

/** The versions of a chart's dataset its spec resolves in, worked out here from the datasets, not from the site's code. */
const resolvingVersions = (chart: (typeof charts)[number]) =>
  datasets.versions(chart.spec.dataset).flatMap((d) => {
    try {
      return [resolveChart({ ...chart.spec, version: d.data.version }, chart.file, datasets)];
    } catch {
      return [];
    }
  });

it('some chart resolves in more than one version (so pinned embeds differ from live ones)', () => {
  expect(charts.some((c) => resolvingVersions(c).length > 1)).toBe(true);
});

describe.each(charts.map((c) => [c.id, c] as const))('chart %s', (id, chart) => {
  it('has an embed pinned to each dataset version it resolves in, in both editions, with valid oEmbed; none for a version it does not', () => {
    const resolving = resolvingVersions(chart);
    expect(resolving.map((c) => c.dataset.data.version)).toContain(chart.spec.version);
    for (const drawn of resolving) {
      const version = drawn.dataset.data.version;
      for (const lang of LANGS) {
        const page = `${prefix(lang)}/embed/charts/${id}/${version}/`;
        const text = html(page);
        // The footer names the version it shows; the figure is drawn from it.
        expect(text, page).toContain(`${versionKey(chart.spec.dataset, version)}`);
        const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(text)?.[1];
        expect(discovery).toBe(`${site}/oembed/charts/${id}/${version}${lang === 'en' ? '.en' : ''}.json`);
        const oembed = JSON.parse(file(new URL(discovery!).pathname).toString('utf8'));
        expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: chart.spec.title[lang], width: 640 });
        expect(Number.isInteger(oembed.height) && oembed.height > 0).toBe(true);
        expect(oembed.html).toContain(`<iframe src="${site}${page}"`);
        expect(oembed.html).toContain('<noscript>');
      }
    }
    for (const d of datasets.versions(chart.spec.dataset).filter((d) => !resolving.some((r) => r.dataset === d))) {
      expect(served(`/embed/charts/${id}/${d.data.version}/`)).toBe(false);
    }
  });

  it('has toolkits whose snippets say which version each shows: live (the chart as published) and pinned', () => {
    const body = toolkits(`/charts/${id}/`)[0].body;
    const key = versionKey(chart.spec.dataset, chart.spec.version);
    expect(body).toContain(`现在显示 ${key}`);
    expect(body).toContain(`始终显示 ${key}`);
    const pinned = unescape(/<textarea[^>]*data-snippet="pinned"[^>]*>([\s\S]*?)<\/textarea>/.exec(body)![1]);
    expect(pinned).toContain(`${site}/embed/charts/${id}/${chart.spec.version}/`);
  });

  it('downloads its own figures as CSV: exactly the chart’s figures, each line as in its dataset version’s tidy CSV (BOM, CRLF)', () => {
    const csv = file(`/downloads/charts/${id}.csv`).toString('utf8');
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n').slice(0, -1);
    expect(csv.endsWith('\r\n')).toBe(true);
    const tidy = file(`/data/${chart.spec.dataset}/${chart.spec.version}.tidy.csv`).toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(tidy[0]);
    for (const line of lines.slice(1)) expect(tidy).toContain(line);
    const records = tidyCsvRecords(csv);
    const expected = [...new Set(chart.values.map((v) => `${v.row.id} ${v.field.key} ${v.figure.value}`))];
    expect(records.map((r) => `${r.row} ${r.field} ${r.value}`)).toEqual(expected);
    expect(new Set(records.map((r) => r.dataset))).toEqual(new Set([versionKey(chart.spec.dataset, chart.spec.version)]));
  });
});

describe.each(datasets.all.map((d) => [versionKey(d.data.id, d.data.version), d] as const))('the page of dataset version %s', (key, d) => {
  const drawn = charts.filter((c) => c.spec.dataset === d.data.id && resolvingVersions(c).some((r) => r.dataset === d));

  it('lists every chart drawn from this version, with its toolkit offering the embed pinned to this version and this version’s figures as CSV', () => {
    for (const lang of LANGS) {
      const page = `${prefix(lang)}/datasets/${d.data.id}/${d.data.version}/`;
      const kits = toolkits(page);
      expect(kits.map((k) => k.tools).sort(), page).toEqual(drawn.map((c) => `charts/${c.id}`).sort());
      for (const kit of kits) {
        const id = kit.tools.split('/')[1];
        const pinned = unescape(/<textarea[^>]*data-snippet="pinned"[^>]*>([\s\S]*?)<\/textarea>/.exec(kit.body)![1]);
        expect(pinned).toContain(`${site}${prefix(lang)}/embed/charts/${id}/${d.data.version}/`);
        const csvHref = /<a href="([^"]+)"[^>]*data-download="csv"/.exec(kit.body)![1];
        const records = tidyCsvRecords(file(csvHref).toString('utf8'));
        expect(new Set(records.map((r) => r.dataset)), `${page} ${id}: ${csvHref}`).toEqual(new Set([key]));
      }
    }
  });
});

describe('maps', () => {
  it('download the counties they show as CSV, and the newsletter image is 1200 px wide (600 CSS px at 2×)', () => {
    const national = csvParse(file('/downloads/maps/national.csv').toString('utf8').slice(1));
    const counties = JSON.parse(readFileSync(`${root}/data/counties.json`, 'utf8')) as { code: string; slug: string }[];
    expect(national.map((r) => r.code).sort()).toEqual(counties.map((c) => c.code).sort());
    for (const county of counties) {
      const one = csvParse(file(`/downloads/maps/${county.slug}.csv`).toString('utf8').slice(1));
      expect(one.map((r) => r.code)).toEqual([county.code]);
      for (const lang of LANGS) {
        const png = file(`/downloads/maps/${county.slug}${lang === 'en' ? '.en' : ''}.newsletter.png`);
        expect(png.readUInt32BE(16), county.slug).toBe(1200);
      }
    }
  });
});

/**
 * The publishing side of the built site: downloads, citations, social cards,
 * feeds, sitemap, the partners' API and the published-URL list.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { csvParse } from 'd3';
import { PNG } from 'pngjs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { bytesHash, bytesKey, contentHash, figureCells, loadAllDatasets, readLock, versionKey } from '#/data/datasets.ts';
import { BOM, csvToRows, tidyCsvRecords } from '#/publishing/dataset-files.ts';
import { checkPublishedUrls } from '#/publishing/published-urls.ts';
import { getSources } from '#/data/site-data.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '#/publishing/social-card.ts';
import { PNG_WIDTH } from '#/publishing/graphic-files.ts';
import { markCjkRuns, resvgOptions, subsetFontFiles } from '#/publishing/png/render.ts';
import { t } from '#/i18n/words.ts';
import { isStory, listPages, pageFile, siteDir } from '../helpers/site.ts';

const root = process.cwd();
const datasets = loadAllDatasets(root);
const lock = readLock(root);
const dir = () => siteDir();
const read = (urlPath: string) => readFileSync(fileOf(urlPath));
const html = (urlPath: string) => read(urlPath).toString('utf8');
function fileOf(urlPath: string): string {
  const p = decodeURIComponent(new URL(urlPath, 'https://x').pathname);
  return pageFile(dir(), p);
}
const served = (url: string) => existsSync(fileOf(url));
const site = 'https://county-stories.example.org';

describe.each(datasets.all.map((d) => [versionKey(d.data.id, d.data.version), d] as const))('dataset %s', (_, d) => {
  const { id, version } = d.data;

  it('downloads as the released JSON file, whose fingerprints are the ones in the lock', () => {
    const served = read(`/data/${id}/${version}.json`);
    expect(served.equals(readFileSync(path.join(root, d.file)))).toBe(true);
    expect(contentHash(JSON.parse(served.toString('utf8')))).toBe(lock[versionKey(id, version)]);
    expect(bytesHash(served)).toBe(lock[bytesKey(id, version)]);
  });

  it('downloads as CSV with a BOM that parses back to the same rows', () => {
    const csv = read(`/data/${id}/${version}.csv`).toString('utf8');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csvParse(csv.slice(1)).length).toBe(d.data.rows.length);
    const withoutNulls = d.data.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
    expect(csvToRows(csv, d.data.fields)).toEqual(withoutNulls);
  });

  it("downloads as a tidy CSV for people: BOM, CRLF, at most 20 columns, one line per figure with the JSON's values", () => {
    const csv = read(`/data/${id}/${version}.tidy.csv`).toString('utf8');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(
      csv
        .replace(/"[^"]*"/g, '')
        .split('\n')
        .slice(0, -1)
        .every((line) => line.endsWith('\r')),
    ).toBe(true);
    const table = csvParse(csv.slice(1));
    expect(table.columns.length).toBeLessThanOrEqual(20);
    const cells = [...figureCells(d.data)];
    const records = tidyCsvRecords(csv);
    expect(records.length).toBe(cells.length);
    expect(records.map((r) => [r.row, r.field, Number(r.value), r.quote])).toEqual(cells.map((c) => [c.row.id, c.field.key, c.figure.value, c.figure.quote]));
    if (version === '1.1.0') for (const r of records) expect([r.claimant_zh, r.claimant_en, r.quote].every(Boolean), `${r.row}.${r.field}`).toBe(true);
  });

  it.each(['zh', 'en'] as const)('has a %s page with both downloads and a GB/T 7714 citation naming the version', (lang) => {
    const page = `${lang === 'en' ? '/en' : ''}/datasets/${id}/${version}/`;
    const text = html(page);
    expect(text).toContain(`href="/data/${id}/${version}.json"`);
    expect(text).toContain(`href="/data/${id}/${version}.csv"`);
    expect(text).toContain(`href="/data/${id}/${version}.tidy.csv"`);
    expect(text).toMatch(new RegExp(`\\[DS/OL\\]\\. (${version}版|Version ${version})\\.`));
    expect(text).toContain(`${site}${page}.`);
    const list = html(`${lang === 'en' ? '/en' : ''}/datasets/`);
    expect(list).toContain(`href="${page}"`);
  });
});

describe('stories', () => {
  const stories = () => listPages(dir()).filter(isStory);

  it('exist', () => expect(stories().length).toBeGreaterThan(0));

  it('each carry a GB/T 7714 and an APA citation with the permanent URL', () => {
    for (const page of stories()) {
      const text = html(page);
      expect(text, page).toMatch(/\[EB\/OL\]\. \(\d{4}-\d{2}-\d{2}\)\[<span data-cite-accessed[^>]*>\d{4}-\d{2}-\d{2}<\/span>\]/);
      expect(text, page).toContain(`${site}${page}.`);
      expect(text, page).toContain('data-style="apa"');
    }
  });

  it('each have a 1200×630 social card with its title drawn in', () => {
    for (const page of stories()) {
      const image = /<meta property="og:image" content="([^"]+)"/.exec(html(page))?.[1];
      expect(image, page).toBeDefined();
      expect(html(page), page).toContain('name="twitter:card" content="summary_large_image"');
      const file = read(new URL(image!).pathname);
      expect([2, 3], `${page}: colour type RGB or palette, no alpha channel`).toContain(file[25]);
      const png = PNG.sync.read(file);
      expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
      // The title is drawn in near-black from x=80 around y=200–290: count dark pixels there.
      let dark = 0;
      for (let y = 200; y < 290; y++) {
        for (let x = 80; x < 700; x++) {
          const i = (y * png.width + x) * 4;
          if (png.data[i] < 80 && png.data[i + 1] < 80 && png.data[i + 2] < 80) dark++;
        }
      }
      expect(dark, `${page}: title pixels on its card`).toBeGreaterThan(2000);
    }
  });

  it('are in the RSS feed of their edition', () => {
    const zh = html('/rss.xml');
    const en = html('/en/rss.xml');
    for (const page of stories()) expect(page.startsWith('/en/') ? en : zh, page).toContain(`<link>${site}${page}</link>`);
    expect(html('/')).toContain('type="application/rss+xml"');
  });

  it.each(['/rss.xml', '/en/rss.xml'])('%s names its own address and when its newest item changed', (feed) => {
    const xml = html(feed);
    expect(xml).toContain(`<atom:link href="${site}${feed}" rel="self" type="application/rss+xml"/>`);
    expect(xml).toMatch(/<rss[^>]* xmlns:atom="http:\/\/www.w3.org\/2005\/Atom"/);
    const built = /<lastBuildDate>([^<]+)<\/lastBuildDate>/.exec(xml)?.[1];
    const items = [...xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => Date.parse(m[1]));
    expect(built && Date.parse(built)).toBe(Math.max(...items));
  });
});

describe('robots.txt', () => {
  it('allows crawling and points to the sitemap index, which is served', () => {
    const robots = html('/robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/\s*$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toBe(`${site}/sitemap-index.xml`);
    expect(served(new URL(sitemap!).pathname)).toBe(true);
  });
});

describe('the sitemap', () => {
  it('lists every page except embeds, redirects and the not-found pages', () => {
    const index = html('/sitemap-index.xml');
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    const listed = new Set(maps.flatMap((m) => [...html(m).matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => new URL(x[1]).pathname)));
    const isEmbed = (p: string) => /^\/(en\/)?embed\//.test(p);
    // Each edition's not-found page: /404/ and /en/404/ as built, /404.html and /en/404.html where hosts look.
    const isNotFound = (p: string) => /^\/(en\/)?404(\/|\.html)$/.test(p);
    const pages = listPages(dir()).filter((p) => !isEmbed(p) && !isNotFound(p) && !html(p).includes('http-equiv="refresh"'));
    expect(listPages(dir()).filter(isNotFound)).toEqual(['/404.html', '/404/', '/en/404.html', '/en/404/']);
    expect(pages.filter((p) => !listed.has(p))).toEqual([]);
    expect([...listed].filter((p) => isEmbed(p) || isNotFound(p))).toEqual([]);
  });
});

describe('the sources page', () => {
  it.each(['/sources/', '/en/sources/'])('%s shows every article, what was taken from it, and what was left out', (page) => {
    const text = html(page);
    for (const s of getSources()) expect(text).toContain(`id="${s.id}"`);
    const pages = JSON.parse(readFileSync(path.join(root, 'data/source-pages.json'), 'utf8')) as { leftOut: { title: string }[] }[];
    for (const story of pages.flatMap((p) => p.leftOut)) expect(text).toContain(story.title.replaceAll('"', '&quot;').replaceAll('“', '“'));
    for (const d of datasets.all) if (d === datasets.latest(d.data.id)) expect(text).toContain(`/datasets/${d.data.id}/${d.data.version}/`);
  });
});

describe('/api/case-studies.json', () => {
  it('lists every county story with its code, province and dataset downloads, all served', () => {
    const api = JSON.parse(html('/api/case-studies.json'));
    // A timestamp, not a sentence.
    expect(new Date(api.generated).toISOString()).toBe(api.generated);
    const countyPages = listPages(dir()).filter((p) => /^\/counties\/[^/]+\/$/.test(p));
    expect(api.caseStudies.map((c: { url: { zh: string } }) => new URL(c.url.zh).pathname).sort()).toEqual(countyPages);
    for (const c of api.caseStudies) {
      expect(c.code).toMatch(/^\d{6}$/);
      expect(c.province.zh).toBeTruthy();
      for (const url of [c.url.zh, c.url.en, c.image.zh, c.image.en, ...c.datasets.flatMap((d: Record<string, string>) => [d.url, d.json, d.csv, d.tidyCsv])]) {
        expect(url, 'every URL is given').toMatch(/^https:\/\//);
        expect(served(new URL(url).pathname), url).toBe(true);
      }
    }
  });
});

describe('published URLs', () => {
  it('are all still served or redirected', () => {
    expect(() => checkPublishedUrls(root, dir())).not.toThrow();
  });
});

describe('embeds and figure downloads', () => {
  const figures = () =>
    listPages(dir())
      .filter((p) => /^\/embed\/(charts|maps)\/[^/]+\/$/.test(p))
      .map((p) => p.split('/').filter(Boolean).slice(1) as [string, string]);
  const chartIds = () =>
    readdirSync(path.join(root, 'content/charts'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));

  it('exist for every chart spec and for the national map, in both editions', () => {
    const embedded = new Set(figures().map(([kind, id]) => `${kind}/${id}`));
    for (const id of existsSync(path.join(root, 'content/charts')) ? chartIds() : []) expect(embedded, id).toContain(`charts/${id}`);
    expect(embedded).toContain('maps/national');
    for (const [kind, id] of figures()) expect(served(`/en/embed/${kind}/${id}/`), `/en/embed/${kind}/${id}/`).toBe(true);
  });

  it('are pages without site navigation that post their height, with oEmbed discovery', () => {
    for (const [kind, id] of figures()) {
      const page = html(`/embed/${kind}/${id}/`);
      expect(page).not.toContain('<nav');
      expect(page).toContain('county-stories:embed-height');
      expect(page).toContain('name="robots" content="noindex"');
      const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page)?.[1];
      expect(discovery, `/embed/${kind}/${id}/`).toBe(`${site}/oembed/${kind}/${id}.json`);
      const oembed = JSON.parse(html(new URL(discovery!).pathname));
      expect(oembed).toMatchObject({ version: '1.0', type: 'rich' });
      expect(oembed.html).toContain(`<iframe src="${site}/embed/${kind}/${id}/"`);
      expect(served(new URL(oembed.thumbnail_url).pathname)).toBe(true);
    }
  });

  it('give oEmbed thumbnails the size of the PNG they point to (computed, not rendered)', () => {
    for (const [kind, id] of figures()) {
      for (const suffix of ['', '.en']) {
        const { thumbnail_url, thumbnail_width, thumbnail_height } = JSON.parse(html(`/oembed/${kind}/${id}${suffix}.json`));
        const png = read(new URL(thumbnail_url).pathname);
        expect([thumbnail_width, thumbnail_height], `${kind}/${id}${suffix}`).toEqual([png.readUInt32BE(16), png.readUInt32BE(20)]);
      }
    }
  });

  it("credit the boundaries' source (Tianditu) under every map: map embeds and county pages' locator maps, both editions", () => {
    const maps = figures().filter(([kind]) => kind === 'maps');
    expect(maps.length).toBeGreaterThan(1);
    for (const [lang, prefix] of [
      ['zh', ''],
      ['en', '/en'],
    ] as const) {
      const credit = t(lang, 'mapAttribution');
      for (const [kind, id] of figures()) {
        const footer = /<footer[\s\S]*?<\/footer>/.exec(html(`${prefix}/embed/${kind}/${id}/`))?.[0] ?? '';
        // Charts draw no boundaries: no credit for them.
        expect(footer.includes(credit), `${prefix}/embed/${kind}/${id}/`).toBe(kind === 'maps');
      }
      const counties = listPages(dir()).filter((p) => new RegExp(`^${prefix}/counties/[^/]+/$`).test(p));
      expect(counties.length).toBeGreaterThan(0);
      for (const page of counties) {
        const figure = /<figure class="locator-map[^"]*"[\s\S]*?<\/figure>/.exec(html(page))?.[0];
        expect(figure, `${page}: a locator map`).toBeDefined();
        expect(figure, page).toContain(credit);
      }
    }
  });

  it('are light by default: data-theme="light" written into the page, no theme in the snippet', () => {
    for (const [kind, id] of figures()) {
      expect(html(`/embed/${kind}/${id}/`)).toMatch(/<html lang="[^"]+" data-theme="light"/);
      expect(JSON.parse(html(`/oembed/${kind}/${id}.json`)).html).not.toContain('theme=');
    }
  });

  it('pin charts to the dataset version their spec names', () => {
    for (const [, id] of figures().filter(([kind]) => kind === 'charts')) {
      const spec = JSON.parse(readFileSync(path.join(root, 'content/charts', `${id}.json`), 'utf8')) as { dataset: string; version: string };
      expect(html(`/embed/charts/${id}/`)).toContain(`${spec.dataset}@${spec.version}`);
    }
  });

  it('download as PNG at 2× (1280 px wide) and as SVG, with the credit drawn in', () => {
    for (const [kind, id] of figures()) {
      for (const suffix of ['', '.en']) {
        const png = PNG.sync.read(read(`/downloads/${kind}/${id}${suffix}.png`));
        expect(png.width, `${kind}/${id}${suffix}`).toBe(1280);
        expect(png.height).toBeGreaterThan(300);
        const svg = html(`/downloads/${kind}/${id}${suffix}.svg`);
        expect(svg).toContain(suffix ? 'Graphic: County Stories' : '图：县域故事');
        expect(svg).not.toContain('var(--');
      }
    }
  });

  it('download as opaque PNGs, RGB or with a palette, with the pixels resvg draws from the SVG download, but for glyph edges and the lines resvg dropped (issues 16 and 18)', () => {
    const types = new Set<number>();
    for (const [kind, id] of figures()) {
      for (const suffix of ['', '.en']) {
        const name = `${kind}/${id}${suffix}`;
        const png = read(`/downloads/${name}.png`);
        // No alpha channel (2: RGB, 3: palette; the encoder writes no tRNS chunk): every pixel is compared below with resvg's opaque drawing.
        expect([2, 3], `${name}: colour type`).toContain(png[25]);
        types.add(png[25]);
        // What the renderer before drew (resvg's own RGBA PNG, its text laid out in font subsets, every chart clipped to its frame), from the same SVG.
        const svg = html(`/downloads/${name}.svg`);
        const before = PNG.sync.read(new Resvg(markCjkRuns(svg), resvgOptions(subsetFontFiles(svg), PNG_WIDTH)).render().asPng()).data;
        const now = PNG.sync.read(png).data;
        expect(now.length, `${name}: size`).toBe(before.length);
        // Text is now drawn as glyph outlines, placed as resvg places them (src/publishing/png/glyph-paths.ts):
        // the antialiasing of some glyph edges differs by a few levels. Where resvg, in font subsets, dropped a
        // line (Chinese text, then "fi": tests/unit/png-glyphs.test.ts), its drawing shows the background and the
        // download the line. Drawing a chart without its clip (unclipNestedSvgs) may move the antialiasing of the
        // clip's edge by one level.
        const background = before.subarray(0, 3);
        let edges = 0;
        let added = 0;
        let most = 0;
        for (let i = 0; i < now.length; i++) {
          const d = Math.abs(now[i] - before[i]);
          if (d <= 1 || i % 4 === 3) continue;
          const pixel = i - (i % 4);
          if (before.subarray(pixel, pixel + 3).equals(background)) added++;
          else {
            edges++;
            most = Math.max(most, d);
          }
        }
        const channels = (now.length / 4) * 3;
        expect(most, `${name}: largest difference where resvg drew something`).toBeLessThanOrEqual(64);
        expect(edges / channels, `${name}: share of channels differing where resvg drew something`).toBeLessThan(0.002);
        expect(added / channels, `${name}: share of channels drawn where resvg drew nothing`).toBeLessThan(0.01);
      }
    }
    // Most charts have under 256 colours: the palette is what the site's downloads mostly use.
    expect(types.has(3), 'some download written with a palette').toBe(true);
    // It draws every download again: 20-60 s on two idle cores, minutes on a busy machine.
  }, 900_000);
});

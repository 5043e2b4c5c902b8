/**
 * A page per chart (/charts/<id>/, /en/charts/<id>/) on the built site: its
 * own oEmbed discovery and nothing else's, its figures with their words and
 * sources, its dataset version, the stories that show it; the gallery links
 * to it; and every address a chart leaves the site with (embed credit,
 * oEmbed, citation, the credit drawn into PNG and SVG downloads) is that page,
 * with no "#" to break when copied.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllDatasets } from '#/data/datasets.ts';
import { loadCharts } from '#/charts/registry.ts';
import { tableRows } from '#/charts/words.ts';
import { findTags } from '#/stories/mdx.ts';
import { getGraphics } from '#/publishing/graphics.ts';
import { chartPagePath, datasetPagePath, embedPath, oembedPath } from '#/publishing/urls.ts';
import { listPages, readPage, siteDir } from '../helpers/site.ts';

const root = process.cwd();
const site = 'https://county-stories.example.org';
const charts = [...loadCharts(root, loadAllDatasets(root)).values()];
const LANGS = ['zh', 'en'] as const;
const html = (urlPath: string) => readPage(siteDir(), urlPath);
const cases = charts.flatMap((chart) => LANGS.map((lang) => [`${chart.id} (${lang})`, chart, lang] as const));
/** What the HTML shows for a text: Astro escapes &, <, >, " and '. */
const escaped = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

/** Story pages whose MDX has <Chart id="…" />, read from content/ (not from the site's code). */
function storiesShowing(lang: 'zh' | 'en', id: string): string[] {
  const pages: string[] = [];
  for (const kind of ['counties', 'themes']) {
    const dir = path.join(root, 'content', lang === 'en' ? 'en' : '', kind);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
      if (findTags(readFileSync(path.join(dir, file), 'utf8'), 'Chart').some((tag) => tag.id === id))
        pages.push(`${lang === 'en' ? '/en' : ''}/${kind}/${file.replace(/\.mdx$/, '')}/`);
    }
  }
  return pages;
}

it('there are charts to test', () => expect(charts.length).toBeGreaterThan(0));

describe.each(cases)('the page of chart %s', (_, chart, lang) => {
  const page = chartPagePath(chart.id, lang);

  it('is at /charts/<id>/ in its edition, with the chart drawn and its title as heading', () => {
    expect(page).toBe(`${lang === 'en' ? '/en' : ''}/charts/${chart.id}/`);
    const text = html(page);
    expect(text).toContain(`data-chart="${chart.id}"`);
    expect(text).toMatch(new RegExp(`<h1[^>]*>${escaped(chart.spec.title[lang]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h1>`));
    expect(text).toContain(`<link rel="canonical" href="${site}${page}">`);
    expect(text).toMatch(/<meta name="description" content="[^"]+"/);
  });

  it("has exactly one oEmbed discovery link, to its own chart's oEmbed JSON, whose iframe is that chart", () => {
    const links = [...html(page).matchAll(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual([`${site}${oembedPath('charts', chart.id, lang)}`]);
    const oembed = JSON.parse(html(new URL(links[0]).pathname));
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: chart.spec.title[lang] });
    expect(oembed.html).toContain(`<iframe src="${site}${embedPath('charts', chart.id, lang)}"`);
  });

  it('shows every figure it draws: the value as printed, who says so, the quote and the article', () => {
    const text = html(page);
    const figures = text.slice(text.indexOf('chart-figures-heading'));
    for (const row of tableRows(chart, lang)) {
      for (const part of [row.label, row.value, row.quote, row.source, ...(row.claimant ? [row.claimant] : [])])
        expect(figures, `${row.label}: ${part}`).toContain(escaped(part));
    }
  });

  it('names and links the dataset version it is drawn from, and lists exactly the stories that show it', () => {
    const text = html(page);
    expect(text).toContain(`href="${datasetPagePath(chart.spec.dataset, chart.spec.version, lang)}"`);
    expect(text).toContain(`${chart.spec.dataset}@${chart.spec.version}`);
    const storyLinks = new Set([...text.matchAll(/href="(\/(?:en\/)?(?:counties|themes)\/[^/"]+\/)"/g)].map((m) => m[1]));
    // The site's navigation links no story, so every story link on the page is one that shows the chart.
    expect(storyLinks).toEqual(new Set(storiesShowing(lang, chart.id)));
  });

  it('offers the embed snippet, PNG and SVG downloads, and a citation of this page', () => {
    const text = html(page);
    expect(text).toContain(`${site}${embedPath('charts', chart.id, lang)}`);
    expect(text).toContain(`href="/downloads/charts/${chart.id}${lang === 'en' ? '.en' : ''}.png"`);
    expect(text).toContain(`href="/downloads/charts/${chart.id}${lang === 'en' ? '.en' : ''}.svg"`);
    expect(text).toContain('data-style="gbt7714"');
    expect(text).toContain(`${site}${page}.`);
  });

  it('is where its embed credits the chart, and the credit drawn into its SVG download, without a "#"', () => {
    expect(html(embedPath('charts', chart.id, lang))).toContain(`<link rel="canonical" href="${site}${page}">`);
    const svg = html(`/downloads/charts/${chart.id}${lang === 'en' ? '.en' : ''}.svg`);
    const lines = [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    const credit = lines.findIndex((l) => l === (lang === 'en' ? 'Graphic: County Stories' : '图：县域故事'));
    expect(credit, 'the credit line').toBeGreaterThanOrEqual(0);
    // The address may wrap over several lines; read together they are the chart's page.
    expect(lines.slice(credit + 1).join('')).toBe(`${site}${page}`);
  });
});

describe('chart pages', () => {
  it('are listed in the sitemap, in both editions', () => {
    const maps = [...html('/sitemap-index.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    const listed = maps.flatMap((m) => [...html(m).matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => x[1]));
    for (const chart of charts) for (const lang of LANGS) expect(listed).toContain(`${site}${chartPagePath(chart.id, lang)}`);
  });

  it.each(LANGS)('are each linked from the gallery (%s), which itself carries no oEmbed discovery', (lang) => {
    const gallery = listPages(siteDir()).filter((p) => (lang === 'en' ? /^\/en\/charts\/(\d+\/)?$/ : /^\/charts\/(\d+\/)?$/).test(p));
    expect(gallery.length).toBeGreaterThan(0);
    const text = gallery.map(html).join('\n');
    for (const chart of charts) expect(text, chart.id).toContain(`href="${chartPagePath(chart.id, lang)}"`);
    expect(text).not.toContain('application/json+oembed');
  });

  it('are the home of every chart, so no credit line printed into a PNG or SVG download carries a "#"', () => {
    const graphics = getGraphics();
    expect(graphics.length).toBeGreaterThan(charts.length);
    for (const g of graphics) for (const lang of LANGS) expect(g.homePath(lang), `${g.kind}/${g.id}`).not.toContain('#');
    for (const chart of charts)
      for (const lang of LANGS)
        expect(
          getGraphics('charts')
            .find((g) => g.id === chart.id)
            ?.homePath(lang),
        ).toBe(chartPagePath(chart.id, lang));
  });
});

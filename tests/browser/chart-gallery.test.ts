/**
 * The chart gallery on the built site (/charts/, /charts/2/, … in both
 * editions), read by a real browser: every chart on the page
 * src/charts/gallery.ts assigns it, with its embed tools and the stories that
 * show it; page navigation; and /charts/#<id>, the address citations and
 * downloads printed before charts had pages (/charts/<id>/), still reaching a
 * chart on a later page.
 */
import { chartInGalleryPath, galleryPagePath } from '#/publishing/urls.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './chromium.ts';
import { useSiteInBrowser } from './session.ts';
import { listPages, siteDir } from '../helpers/site.ts';
import { loadAllDatasets } from '#/data/datasets.ts';
import { loadCharts } from '#/charts/registry.ts';
import { byChartId, GALLERY_PAGE_SIZE, galleryPages } from '#/charts/gallery.ts';
import { findTags } from '#/stories/mdx.ts';

const root = process.cwd();
const chartIds = [...loadCharts(root, loadAllDatasets(root)).values()].sort(byChartId).map((c) => c.id);
const pageOf = galleryPages(chartIds);
const lastPage = Math.max(...pageOf.values());
const LANGS = ['zh', 'en'] as const;

/** Story pages whose MDX has <Chart id="…" />, by chart id, read from content/ (not from the site's code). */
function storiesShowing(lang: 'zh' | 'en'): Map<string, Set<string>> {
  const shows = new Map<string, Set<string>>();
  for (const kind of ['counties', 'themes']) {
    const dir = path.join(root, 'content', lang === 'en' ? 'en' : '', kind);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
      const page = `${lang === 'en' ? '/en' : ''}/${kind}/${file.replace(/\.mdx$/, '')}/`;
      for (const { id } of findTags(readFileSync(path.join(dir, file), 'utf8'), 'Chart')) shows.set(id, (shows.get(id) ?? new Set()).add(page));
    }
  }
  return shows;
}

interface GalleryPage {
  charts: { id: string; storyLinks: string[]; tools: string[] }[];
  nav: { label: string | null; links: { href: string; rel: string | null; current: boolean; text: string }[] } | null;
}

describeInBrowser('chart gallery', () => {
  const session = useSiteInBrowser();
  const galleryPaths = () => listPages(siteDir()).filter((p) => /^\/(en\/)?charts\/(\d+\/)?$/.test(p));
  let pages: Record<string, GalleryPage>;

  beforeAll(async () => {
    const page = await session.browser.newPage();
    await page.goto(session.site.url('/'));
    pages = await page.evaluate(async (list) => {
      const out: Record<string, GalleryPage> = {};
      for (const p of list) {
        const doc = new DOMParser().parseFromString(await (await fetch(p)).text(), 'text/html');
        const nav = doc.querySelector('nav.pager');
        out[p] = {
          charts: [...doc.querySelectorAll('section.chart-entry')].map((s) => ({
            id: s.id,
            storyLinks: [...s.querySelectorAll(':scope > p.meta a')].map((a) => a.getAttribute('href')!).filter((h) => /^\/(en\/)?(counties|themes)\//.test(h)),
            tools: [...s.querySelectorAll('details.embed-tools a')].map((a) => a.getAttribute('href')!),
          })),
          nav: nav && {
            label: nav.getAttribute('aria-label'),
            links: [...nav.querySelectorAll('a')].map((a) => ({
              href: a.getAttribute('href')!,
              rel: a.getAttribute('rel'),
              current: a.getAttribute('aria-current') === 'page',
              text: a.textContent!.trim(),
            })),
          },
        };
      }
      return out;
    }, galleryPaths());
    await page.close();
  });

  it(`has one page per ${GALLERY_PAGE_SIZE} charts in each edition, the first at /charts/`, () => {
    const expected = LANGS.flatMap((lang) => Array.from({ length: lastPage }, (_, i) => galleryPagePath(i + 1, lang)));
    expect(galleryPaths().sort()).toEqual(expected.sort());
  });

  it.each(LANGS)('shows every chart once (%s), on the page src/charts/gallery.ts assigns it, with its embed, PNG and SVG links', (lang) => {
    const found = Object.entries(pages)
      .filter(([p]) => p.startsWith('/en/') === (lang === 'en'))
      .flatMap(([p, g]) => g.charts.map((c) => ({ ...c, at: `${p}#${c.id}` })));
    expect(found.map((c) => c.id).sort()).toEqual([...chartIds].sort());
    for (const chart of found) {
      expect(chart.at).toBe(chartInGalleryPath(chart.id, pageOf.get(chart.id)!, lang));
      expect(
        chart.tools.some((h) => h.endsWith(`/embed/charts/${chart.id}/`)),
        chart.id,
      ).toBe(true);
      expect(
        chart.tools.filter((h) => /\/downloads\/charts\/[^/]+\.(png|svg)$/.test(h) && !h.endsWith('.newsletter.png')),
        chart.id,
      ).toHaveLength(2);
    }
  });

  it.each(LANGS)('lists under each chart (%s) exactly the stories whose MDX shows it', (lang) => {
    const shows = storiesShowing(lang);
    const charts = Object.entries(pages)
      .filter(([p]) => p.startsWith('/en/') === (lang === 'en'))
      .flatMap(([, g]) => g.charts);
    expect(charts.some((c) => c.storyLinks.length > 0)).toBe(true);
    for (const chart of charts) expect(new Set(chart.storyLinks), chart.id).toEqual(shows.get(chart.id) ?? new Set());
  });

  it('links its pages together: previous, next and numbered links, the current page marked', () => {
    for (const [p, g] of Object.entries(pages)) {
      if (lastPage === 1) {
        expect(g.nav, p).toBeNull();
        continue;
      }
      const lang = p.startsWith('/en/') ? 'en' : 'zh';
      const n = Number(/(\d+)\/$/.exec(p)?.[1] ?? 1);
      expect(g.nav?.label, p).toBeTruthy();
      const links = g.nav!.links;
      expect(
        links.filter((l) => l.current).map((l) => l.href),
        p,
      ).toEqual([p]);
      expect(links.find((l) => l.rel === 'prev')?.href, p).toBe(n > 1 ? galleryPagePath(n - 1, lang) : undefined);
      expect(links.find((l) => l.rel === 'next')?.href, p).toBe(n < lastPage ? galleryPagePath(n + 1, lang) : undefined);
      for (const target of [1, lastPage])
        expect(
          links.map((l) => l.href),
          p,
        ).toContain(galleryPagePath(target, lang));
      for (const l of links) expect(pages[l.href], `${p} links to ${l.href}`).toBeDefined();
    }
  });

  it.each(LANGS)('sends /charts/#<id> (%s) on to the later page that holds the chart', async (lang) => {
    const later = chartIds.filter((id) => pageOf.get(id)! > 1);
    if (later.length === 0) return; // every chart fits on page 1: there is nowhere to send a link
    const id = later.at(-1)!;
    const page = await session.browser.newPage();
    await page.goto(session.site.url(`${galleryPagePath(1, lang)}#${id}`));
    await page.waitForURL((url) => url.pathname === galleryPagePath(pageOf.get(id)!, lang));
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    expect(await page.locator(`section#${id}`).isVisible()).toBe(true);
    // A chart that is on page 1 stays there.
    await page.goto(session.site.url(`${galleryPagePath(1, lang)}#${chartIds[0]}`));
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(galleryPagePath(1, lang));
    await page.close();
  });
});

/**
 * Charts and locator maps drawn for the width they are shown at (src/svg/widths.ts),
 * measured in Chromium at the widths readers use: on story pages and in chart
 * and locator map embeds, at 320, 480, 640 and 1,000 px, one drawing shows per figure (the
 * others display:none), every text in it renders within ±20 % of its design
 * size (its font-size in the drawing's own units × the drawing's scale on
 * screen), no two texts overlap and none leaves its SVG.
 */
import { afterAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from './chromium.ts';
import { useSiteInBrowser } from './session.ts';
import { listPages, siteDir } from '../helpers/site.ts';
import { TOLERANCE } from '#/svg/widths.ts';

const VIEWPORTS = [320, 480, 640, 1000];

/** What the page reports for each figure: how many drawings it holds and shows, and every text of the one shown. */
interface Measured {
  figure: string;
  drawings: number;
  shown: number;
  hiddenByDisplayNone: boolean;
  texts: { text: string; design: number; rendered: number; box: { x0: number; y0: number; x1: number; y1: number } }[];
  svg: { x0: number; y0: number; x1: number; y1: number };
}

describeInBrowser('charts and maps drawn for their width', () => {
  const session = useSiteInBrowser();
  const pages = listPages(siteDir());
  // Story pages with charts and a locator map, in both editions, and every chart's embed.
  const stories = ['/counties/qinglong/', '/counties/lingshan/', '/counties/yijun/', '/en/counties/julu/', '/themes/gongyi-baobei/'];
  // The national map is drawn for one width (800) and is not measured here.
  const embeds = pages.filter((p) => /^\/(en\/)?embed\/(charts|maps)\/[^/]+\/$/.test(p) && !p.includes('/maps/national/'));

  it('has the pages it measures', () => {
    for (const p of stories) expect(pages, p).toContain(p);
    expect(embeds.length).toBeGreaterThan(0);
  });

  const tabs = new Map<number, Promise<Page>>();
  afterAll(async () => {
    for (const tab of tabs.values()) await (await tab).close();
  });

  async function measure(path: string, width: number, selector: string): Promise<Measured[]> {
    if (!tabs.has(width)) tabs.set(width, session.browser.newPage({ viewport: { width, height: 900 } }));
    const page = (await tabs.get(width))!;
    {
      await page.goto(`${session.site.origin}${path}`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      return await page.$$eval(selector, (figures) =>
        figures.map((figure, i) => {
          const svgs = [...figure.querySelectorAll('svg')].filter((s) => !s.parentElement?.closest('svg'));
          const visible = svgs.filter((s) => s.checkVisibility());
          // Every drawing not shown is out of the accessibility tree: an ancestor (or itself) is display:none.
          const hiddenByDisplayNone = svgs
            .filter((s) => !visible.includes(s))
            .every((s) => {
              for (let e: Element | null = s; e && e !== figure; e = e.parentElement) if (getComputedStyle(e).display === 'none') return true;
              return false;
            });
          const svg = visible[0];
          const r = svg?.getBoundingClientRect();
          const texts = svg
            ? [...svg.querySelectorAll('text')].map((t) => {
                const ctm = t.getScreenCTM()!;
                const design = parseFloat(getComputedStyle(t).fontSize);
                const scale = Math.hypot(ctm.a, ctm.b);
                // Horizontally the glyphs as drawn; vertically the em box from the baseline (ascent 0.92, descent 0.24 as
                // src/charts/scene.ts lays text out), since the font's line box is taller than the leading of wrapped lines.
                const bb = t.getBoundingClientRect();
                const baseline = ctm.f + ctm.d * parseFloat(t.getAttribute('y') ?? '0');
                return {
                  text: t.textContent ?? '',
                  design,
                  rendered: design * scale,
                  box: { x0: bb.left, x1: bb.right, y0: baseline - 0.92 * design * scale, y1: baseline + 0.24 * design * scale },
                };
              })
            : [];
          return {
            figure: `${figure.className || figure.tagName} #${i + 1}`,
            drawings: svgs.length,
            shown: visible.length,
            hiddenByDisplayNone,
            texts,
            svg: r ? { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom } : { x0: 0, y0: 0, x1: 0, y1: 0 },
          };
        }),
      );
    }
  }

  /** Every way the figures on a page fall short, in words; none is the pass. */
  function problems(where: string, figures: Measured[]): string[] {
    const out: string[] = [];
    if (!figures.length) out.push(`${where}: no figures`);
    for (const f of figures) {
      const name = `${where} ${f.figure}`;
      if (f.shown !== 1) out.push(`${name}: ${f.shown} of ${f.drawings} drawings shown, not 1`);
      if (!f.hiddenByDisplayNone) out.push(`${name}: a drawing not shown is not display:none`);
      if (!f.texts.length) out.push(`${name}: no text`);
      for (const t of f.texts) {
        const ratio = t.rendered / t.design;
        if (Math.abs(ratio - 1) > TOLERANCE) out.push(`${name}: "${t.text}" (${t.design} units) renders at ${t.rendered.toFixed(1)} px, ${ratio.toFixed(2)}×`);
        const b = t.box;
        if (b.x0 < f.svg.x0 - 0.5 || b.x1 > f.svg.x1 + 0.5 || b.y0 < f.svg.y0 - 0.5 || b.y1 > f.svg.y1 + 0.5)
          out.push(
            `${name}: "${t.text}" [${[b.x0, b.y0, b.x1, b.y1].map((n) => n.toFixed(1))}] leaves its SVG [${Object.values(f.svg).map((n) => n.toFixed(1))}]`,
          );
      }
      f.texts.forEach((a, i) => {
        for (const c of f.texts.slice(i + 1)) {
          const apart = a.box.x1 <= c.box.x0 + 0.5 || c.box.x1 <= a.box.x0 + 0.5 || a.box.y1 <= c.box.y0 + 0.5 || c.box.y1 <= a.box.y0 + 0.5;
          if (!apart) out.push(`${name}: "${a.text}" overlaps "${c.text}"`);
        }
      });
    }
    return out;
  }

  for (const width of VIEWPORTS) {
    it(`story pages at ${width} px: charts and locator maps`, async () => {
      const found: string[] = [];
      for (const path of stories) {
        const figures = await measure(path, width, 'figure.chart, figure.locator-map');
        if (path.includes('/counties/') && !figures.some((f) => f.figure.startsWith('locator-map'))) found.push(`${path}: no locator map`);
        found.push(...problems(`${path} at ${width} px`, figures));
      }
      expect(found).toEqual([]);
    });
    it(`chart and locator map embeds at ${width} px`, async () => {
      const found: string[] = [];
      for (const path of embeds) found.push(...problems(`${path} at ${width} px`, await measure(path, width, 'main > figure')));
      expect(found).toEqual([]);
    });
  }
});

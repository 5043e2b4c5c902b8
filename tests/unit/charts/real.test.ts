/** Every chart in content/charts/, drawn from the released datasets, in both editions. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAllDatasets } from '#/data/datasets.ts';
import { loadCharts } from '#/charts/registry.ts';
import { layoutChart, renderChart } from '#/charts/render.ts';
import { esc } from '#/svg/markup.ts';
import { tableRows, valueText } from '#/charts/words.ts';
import { ASCENT, DESCENT, type CircleMark, type TextMark } from '#/charts/scene.ts';
import { findTags } from '#/stories/mdx.ts';
import { expectClean } from './geometry.ts';
import { WIDTHS } from '#/svg/widths.ts';
import { drawingStaysInside, resvgOptions, subsetFontFiles } from '#/publishing/png/render.ts';

const root = process.cwd();
const charts = loadCharts(root, loadAllDatasets(root));

describe('the site’s charts', () => {
  it('exist', () => expect(charts.size).toBeGreaterThan(0));
  for (const chart of charts.values()) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${chart.id} (${lang}) has its title, description and table, and clean labels`, () => {
        const svg = renderChart(chart, lang, { idPrefix: 'c' });
        expect(svg).toContain(`<title id="c-title">${esc(chart.spec.title[lang])}</title>`);
        const desc = /<desc id="c-desc">([^<]+)<\/desc>/.exec(svg)?.[1] ?? '';
        // The description states every value drawn.
        for (const row of tableRows(chart, lang)) expect(desc).toContain(esc(row.value));
        expect(svg).toContain(chart.datasetKey);
        const rows = tableRows(chart, lang);
        expect(rows).toHaveLength(chart.values.length);
        for (const row of rows) {
          expect(row.quote.length).toBeGreaterThan(1);
          expect(row.source).toMatch(lang === 'zh' ? /\d{4}年/ : /\d{4}$/);
        }
        expectClean(layoutChart(chart, lang), `${chart.id}/${lang}`);
      });
      // Every width a page may show (src/svg/widths.ts): labels re-flow, none leaves the artboard or overlaps another.
      for (const width of WIDTHS) {
        it(`${chart.id} (${lang}) laid out ${width} wide keeps every label inside and apart`, () => {
          const scene = layoutChart(chart, lang, width);
          expect(scene.width).toBe(width);
          expectClean(scene, `${chart.id}/${lang}/${width}`);
        });
        // The layout's widths are estimates; here the real glyphs, as a PNG sets them (a Chinese one sets quotes
        // and dashes full-width): envoy-coverage's note ran 32 units past the edge and was cut off in the PNGs.
        it(`${chart.id} (${lang}) drawn ${width} wide with the PNG fonts stays inside its viewBox`, () => {
          const svg = renderChart(chart, lang, { idPrefix: 'c', width });
          expect(drawingStaysInside(svg, resvgOptions(subsetFontFiles(svg), width))).toBe(true);
        });
      }
    }
  }
});

describe('slope charts’ end labels', () => {
  // Every line of an end label (its number, a wrapped qualifier, the series' name) must sit nearer its
  // own point than any other series' point at that end, or a reader takes one series' value for
  // another's (envoy-coverage.en had "27" by the 22 point and "envoys" by the 25 point).
  for (const chart of charts.values()) {
    if (chart.type !== 'slope') continue;
    for (const lang of ['zh', 'en'] as const) {
      it.each(WIDTHS)(`${chart.id} (${lang}) %i wide`, (width) => {
        const marks = layoutChart(chart, lang, width).marks;
        const dots = marks.filter((m): m is CircleMark => m.kind === 'circle');
        const endLabels = marks.filter((m): m is TextMark => m.kind === 'text' && (m.cls === 'value' || m.cls === 'label') && m.anchor !== 'middle');
        for (const end of [0, -1] as const) {
          // Dots are drawn series by series, so the k-th dot at an end is series k's.
          const endX = end === 0 ? Math.min(...dots.map((d) => d.cx)) : Math.max(...dots.map((d) => d.cx));
          const endDots = dots.filter((d) => d.cx === endX);
          const side = endLabels.filter((t) => (end === 0 ? t.x < endX : t.x > endX));
          expect(side.filter((t) => /\d/.test(t.text)).length, 'one number per series').toBe(chart.series.length);
          for (const label of side) {
            const middle = label.y - ((ASCENT - DESCENT) / 2) * label.size;
            const nearest = endDots.reduce((a, b) => (Math.abs(b.cy - middle) < Math.abs(a.cy - middle) ? b : a));
            const says = (s: (typeof chart.series)[number]) => `${valueText(s.points.at(end)!, lang)} ${s.label[lang]}`;
            const owners = chart.series.flatMap((s, k) => (says(s).includes(label.text) ? [endDots[k]] : []));
            expect(owners, `"${label.text}" (y ${middle.toFixed(0)}) is nearest the dot at y ${nearest.cy.toFixed(0)}, not its own`).toContain(nearest);
          }
        }
      });
    }
  }
});

describe('stories and charts', () => {
  const stories = (dir: string) =>
    readdirSync(`${root}/content/${dir}`)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => ({ file: `content/${dir}/${f}`, body: readFileSync(`${root}/content/${dir}/${f}`, 'utf8') }));
  const all = [...stories('counties'), ...stories('themes')];
  it('every <Chart id> in a story names a chart that exists', () => {
    for (const s of all) for (const tag of findTags(s.body, 'Chart')) expect(charts.has(tag.id), `${s.file}: <Chart id="${tag.id}" />`).toBe(true);
  });
  it('every county story with figures shows at least one chart', () => {
    for (const s of stories('counties').filter((s) => findTags(s.body, 'Fig').length > 0)) {
      expect(findTags(s.body, 'Chart').length, `${s.file} cites figures but shows no chart`).toBeGreaterThan(0);
    }
  });
});

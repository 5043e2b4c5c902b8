import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3';
import { resolveChart, type ResolvedChart } from '#/charts/resolve.ts';
import { layoutChart, renderChart } from '#/charts/render.ts';
import { INNER, PAD, SIZE } from '#/charts/frame.ts';
import { WIDTHS } from '#/svg/widths.ts';
import { spread } from '#/charts/slope.ts';
import { sourceText } from '#/charts/words.ts';
import { formatNumber } from '#/i18n/format.ts';
import type { ChartSpec } from '#/data/schemas.ts';
import type { RectMark, TextMark } from '#/charts/scene.ts';
import { expectClean } from './geometry.ts';
import { fixtureDatasets, LONGEST_COUNTY, specs, XSS_ATTR, XSS_SCRIPT } from './fixtures.ts';

const datasets = fixtureDatasets();
const resolve = (spec: ChartSpec) => resolveChart(spec, `content/charts/${spec.id}.json`, datasets);
const texts = (chart: ResolvedChart, lang: 'zh' | 'en') => layoutChart(chart, lang).marks.filter((m): m is TextMark => m.kind === 'text');
const rects = (chart: ResolvedChart, lang: 'zh' | 'en', cls: string) =>
  layoutChart(chart, lang).marks.filter((m): m is RectMark => m.kind === 'rect' && m.cls === cls);

describe('bar charts', () => {
  const three: ChartSpec = { ...specs.bar, items: [...specs.bar.items, { row: 'hostile', field: 'tonnes' }] };
  it('draw bar lengths proportional to the values, from one zero line', () => {
    for (const lang of ['zh', 'en'] as const) {
      const bars = rects(resolve(three), lang, 'bar');
      expect(bars).toHaveLength(3);
      const values = [38, 2100, 500];
      const perUnit = bars.map((b, i) => b.w / values[i]);
      for (const k of perUnit) expect(k).toBeCloseTo(perUnit[0], 6);
      for (const b of bars) expect(b.x).toBe(PAD);
      // The longest bar leaves room for its value label and no more than the chart allows.
      expect(Math.max(...bars.map((b) => b.w))).toBeLessThanOrEqual(INNER);
    }
  });
  it('label ticks with the values d3 chooses, in Chinese magnitudes, at their positions', () => {
    const chart = resolve(specs.bar);
    const bar = rects(chart, 'zh', 'bar').find((b) => b.w > 100)!;
    const x = scaleLinear()
      .domain([0, 2100])
      .range([PAD, PAD + bar.w]);
    const ticks = texts(chart, 'zh').filter((t) => t.cls === 'tick');
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    const values = ticks.map((t) => x.invert(t.x));
    // Evenly spaced, starting at zero, never past the largest value.
    expect(values[0]).toBeCloseTo(0, 6);
    const step = values[1] - values[0];
    values.forEach((v, i) => expect(v).toBeCloseTo(i * step, 6));
    expect(values.at(-1)!).toBeLessThanOrEqual(2100);
    ticks.forEach((t, i) => expect(t.text).toBe(formatNumber(Math.round(values[i]), 'zh')));
  });
  it('write ticks in 万 for large values', () => {
    const chart = resolve({ ...specs.comparison, type: 'bar', items: [specs.comparison.before, specs.comparison.after] } as ChartSpec);
    const ticks = texts(chart, 'zh')
      .filter((t) => t.cls === 'tick')
      .map((t) => t.text);
    expect(ticks.slice(1).every((t) => t.endsWith('万'))).toBe(true);
    const en = texts(chart, 'en')
      .filter((t) => t.cls === 'tick')
      .map((t) => t.text);
    expect(en.some((t) => t.includes('million') || t.includes(','))).toBe(true);
  });
  it('place the longest county name above its bar without overlap or clipping', () => {
    const chart = resolve(three);
    for (const lang of ['zh', 'en'] as const) expectClean(layoutChart(chart, lang), `bar/${lang}`);
    const label = texts(chart, 'zh').find((t) => t.text.startsWith('积石山'));
    expect(label?.text).toBe(LONGEST_COUNTY);
  });
});

describe('every form', () => {
  for (const [name, spec] of Object.entries(specs)) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${name} (${lang}) keeps every label inside the viewBox and apart`, () => expectClean(layoutChart(resolve(spec), lang), `${name}/${lang}`));
      it.each(WIDTHS)(`${name} (${lang}) laid out %i wide: its text keeps its size, inside and apart`, (width) => {
        const scene = layoutChart(resolve(spec), lang, width);
        expectClean(scene, `${name}/${lang}/${width}`);
        // Labels re-flow, never scale: the title is set at its one size at every width.
        const title = scene.marks.filter((m): m is TextMark => m.kind === 'text' && m.cls === 'title');
        expect(new Set(title.map((t) => t.size))).toEqual(new Set([SIZE.title]));
        // A wider layout needs no more lines for its title than a narrower one.
        expect(title.length).toBeLessThanOrEqual(texts(resolve(spec), lang).filter((t) => t.cls === 'title').length);
      });
    }
  }
  it('slope labels stay apart when the values are close', () => {
    const close: ChartSpec = {
      ...specs.slope,
      series: [
        specs.slope.series[0],
        {
          label: { zh: LONGEST_COUNTY, en: 'Jishishan Bonan, Dongxiang and Salar Autonomous County' },
          points: specs.slope.series[0].points.map((p) => ({ ...p })),
        },
      ],
    };
    // Same values twice: the two right-hand groups would sit on top of each other.
    for (const lang of ['zh', 'en'] as const) for (const width of WIDTHS) expectClean(layoutChart(resolve(close), lang, width), `slope-close/${lang}/${width}`);
  });
});

describe('spread', () => {
  it('keeps wanted places that do not collide and separates those that do', () => {
    const groups = [
      { lines: [], want: 10, top: 0, height: 20 },
      { lines: [], want: 15, top: 0, height: 20 },
      { lines: [], want: 100, top: 0, height: 20 },
    ];
    spread(groups, 4, 200);
    expect(groups.map((g) => g.top)).toEqual([10, 34, 100]);
    spread(
      groups.map((g) => Object.assign(g, { want: 190 })),
      4,
      200,
    );
    const tops = groups.map((g) => g.top).sort((a, b) => a - b);
    expect(tops.at(-1)! + 20).toBeLessThanOrEqual(200);
    expect(tops[1] - tops[0]).toBeGreaterThanOrEqual(24);
  });
});

describe('words in charts', () => {
  it('keep the source qualifiers next to values', () => {
    const all = (spec: ChartSpec, lang: 'zh' | 'en') =>
      texts(resolve(spec), lang)
        .map((t) => t.text)
        .join('|');
    expect(all(specs.part, 'zh')).toContain('超过六成');
    expect(all(specs.part, 'en')).toContain('more than 60%');
    expect(all(specs.part, 'zh')).toContain('实际比例高于此处');
    expect(all(specs.comparison, 'zh')).toContain('近10倍');
    expect(all(specs.comparison, 'zh')).toContain('24万家');
    expect(all(specs.comparison, 'zh')).toContain('233万家');
    expect(all(specs.card, 'zh')).toContain('累计4000余人');
  });
  it('print the source article, its date and the dataset version', () => {
    const svg = renderChart(resolve(specs.slope), 'zh');
    expect(svg).toContain('2022年7月25日');
    expect(svg).toContain('2023年2月22日');
    expect(svg).toContain('programme@1.0.0');
  });
  it('nest a quoted title in 〈〉 inside 《》', () => {
    const chart = resolve(specs.comparison);
    expect(sourceText(chart.sources[0], 'zh')).toBe('皮磊：《〈商业向善：百万商家参与中国式现代化慈善报告〉发布》，2023年2月23日');
  });
});

describe('accessibility markup', () => {
  it('names the chart by its finding and describes its values, by unique ids', () => {
    const svg = renderChart(resolve(specs.comparison), 'zh', { idPrefix: 'c7' });
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="c7-title c7-desc"/);
    expect(svg).toContain('<title id="c7-title">参与公益宝贝的商家增长近10倍</title>');
    expect(svg).toMatch(/<desc id="c7-desc">[^<]*2012年：24万家[^<]*近五年平均：233万家/);
    expect(svg).toContain('viewBox="0 0 320 ');
  });
  it('a table row for each figure drawn', () => {
    const chart = resolve(specs.slope);
    expect(chart.values).toHaveLength(4);
  });
});

describe('escaping', () => {
  const hostile: ChartSpec = {
    ...specs.bar,
    title: { zh: XSS_SCRIPT, en: XSS_ATTR },
    subtitle: { zh: XSS_ATTR, en: XSS_SCRIPT },
    notes: { zh: XSS_SCRIPT, en: XSS_ATTR },
    items: [
      { row: 'hostile', field: 'tonnes' },
      { row: 'short-name', field: 'tonnes', label: { zh: XSS_ATTR, en: XSS_SCRIPT } },
    ],
  };
  for (const lang of ['zh', 'en'] as const) {
    it(`leaves no markup from dataset or spec strings (${lang})`, () => {
      const svg = renderChart(resolve(hostile), lang, { idPrefix: `x"><script>` });
      const elements = new Set([...svg.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]));
      expect([...elements].sort()).toEqual(['desc', 'line', 'rect', 'style', 'svg', 'text', 'title'].sort());
      expect(svg).not.toMatch(/<script|<img/i);
      expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(svg).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
      // Every attribute value is closed before any other attribute begins: no quote escapes.
      for (const tag of svg.match(/<[a-z][^>]*>/g)!) expect(tag).toMatch(/^<[a-z]+(\s[\w:-]+="[^"<>]*")*\s?\/?>$/);
    });
  }
});

/**
 * Issue 18, item 2: SVG downloads that look the same with styles stripped:
 * presentation attributes on each element, halos without paint-order; and
 * the PNG drawn from them as before.
 */
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { getGraphic, getGraphics } from '#/publishing/graphics.ts';
import { inlineChartStyle, resolveCssVars, splitHalos, standaloneGraphic } from '#/publishing/embed.ts';
import { PNG_WIDTH } from '#/publishing/graphic-files.ts';
import { renderPng } from '#/publishing/png/render.ts';
import { getCharts } from '#/charts/registry.ts';
import { renderChart } from '#/charts/render.ts';
import { LIGHT } from '#/svg/palette.ts';
import { CHART_STYLE, chartVars } from '#/svg/style.ts';
import { LANGS } from '#/i18n/editions.ts';
import type { Lang } from '#/i18n/format.ts';

const stripStyles = (svg: string) => svg.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '').replace(/\sstyle="[^"]*"/g, '');
const downloads = getGraphics().flatMap((g) =>
  (LANGS as readonly Lang[]).map((lang) => ({ name: `${g.kind}/${g.id} (${lang})`, svg: g.standalone(lang, `https://example.org/${g.id}`) })),
);

describe('SVG downloads without their styles', () => {
  it('cover every chart and map, both editions', () => {
    expect(downloads.length).toBe(getGraphics().length * 2);
    expect(downloads.filter((d) => d.name.startsWith('charts/')).length).toBeGreaterThan(10);
  });

  it.each(downloads)('$name: every <text> has its own fill, nothing relies on paint-order or a class', ({ svg }) => {
    const bare = stripStyles(svg);
    expect(bare).toBe(svg); // nothing to strip: no <style>, no style="…"
    const texts = [...bare.matchAll(/<text\b([^>]*)>/g)].map((m) => m[1]);
    expect(texts.length).toBeGreaterThan(3);
    for (const attrs of texts) {
      expect(attrs, attrs).toMatch(/\sfill="#[0-9a-f]{6}"/i);
      expect(attrs, attrs).toMatch(/\sfont-size="[\d.]+"/);
    }
    expect(bare).not.toContain('paint-order');
    expect(bare).not.toContain('var(');
    // Every shape a class used to paint has its paint as attributes.
    for (const [, tag, attrs] of bare.matchAll(/<(rect|line|path|circle)\b([^>]*?)\/?>/g))
      if (/\sclass="/.test(attrs)) expect(attrs, `<${tag}${attrs}>`).toMatch(/\s(fill|stroke)="/);
  });

  it('a value label keeps its halo: a copy stroked in the background colour under the filled text', () => {
    const svg = getGraphic('charts', 'envoy-coverage')!.standalone('en', 'https://example.org/');
    const value = /<text\b[^>]*class="value"[^>]*>([^<]*)<\/text>/.exec(svg)!;
    const before = svg.slice(0, value.index);
    expect(before.endsWith(`>${value[1]}</text>`)).toBe(true);
    const halo = /<text\b([^>]*)>[^<]*<\/text>$/.exec(before)![1];
    expect(halo).toContain(`stroke="${LIGHT.bg}"`);
    expect(halo).toContain(`fill="${LIGHT.bg}"`);
    expect(halo).toContain('stroke-width="3"');
    expect(value[0]).not.toMatch(/\sstroke=/);
  });

  it('inlining refuses a selector it cannot write as attributes, instead of dropping it', () => {
    expect(() => inlineChartStyle('<svg class="ch"><style>.ch > text{fill:red}</style></svg>', {})).toThrow(/selector "\.ch > text"/);
    expect(inlineChartStyle(`<svg class="ch"><style>${CHART_STYLE}</style><text class="sub">a</text></svg>`, chartVars(LIGHT))).toContain(
      `<text class="sub" fill="${LIGHT.muted}">a</text>`,
    );
    expect(splitHalos('<text fill="#000" stroke="#fff" stroke-width="3" paint-order="stroke">1</text>')).toBe(
      '<text stroke="#fff" stroke-width="3" fill="#fff" aria-hidden="true">1</text><text fill="#000">1</text>',
    );
  });
});

describe('the PNG from the attribute-only SVG', () => {
  const differing = (a: Buffer, b: Buffer) => {
    const x = PNG.sync.read(a);
    const y = PNG.sync.read(b);
    expect([x.width, x.height]).toEqual([y.width, y.height]);
    let n = 0;
    for (let i = 0; i < x.data.length; i += 4) if (Math.max(...[0, 1, 2].map((c) => Math.abs(x.data[i + c] - y.data[i + c]))) > 16) n++;
    return n / (x.width * x.height);
  };
  it.each(['envoy-coverage', 'ai-dou-women'])('%s looks as it did when drawn from the stylesheet (under one pixel in 2,000 differs)', (id) => {
    const chart = getCharts().get(id)!;
    for (const lang of ['zh', 'en'] as const) {
      const options = { lang, lines: ['credit', 'https://example.org/'], background: LIGHT.bg, colour: LIGHT.muted, titleColour: LIGHT.fg, size: 11 };
      const styled = standaloneGraphic(resolveCssVars(renderChart(chart, lang, { idPrefix: 'dl' }), chartVars(LIGHT)), options);
      expect(styled).toContain('paint-order:stroke');
      const attributes = standaloneGraphic(inlineChartStyle(renderChart(chart, lang, { idPrefix: 'dl' }), chartVars(LIGHT)), options);
      expect(differing(renderPng(styled, PNG_WIDTH).png, renderPng(attributes, PNG_WIDTH).png)).toBeLessThan(0.0005);
    }
  });
});

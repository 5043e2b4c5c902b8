/**
 * Text set as glyph outlines before resvg draws an image
 * (src/publishing/png/glyph-paths.ts): drawn where resvg draws it, and drawn
 * where resvg, laying it out in font subsets, dropped it.
 */
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { Resvg } from '#/publishing/png/resvg.ts';
import { markCjkRuns, renderPng, resvgOptions, setInGlyphs, subsetFontFiles, unclipNestedSvgs } from '#/publishing/png/render.ts';
import { FONT } from '#/svg/font.ts';
import { esc, unesc } from '#/svg/markup.ts';

const WIDTH = 600;
const image = (lang: string, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="200" viewBox="0 0 ${WIDTH} 200" lang="${lang}" font-family="${esc(FONT)}"><rect width="${WIDTH}" height="200" fill="#fdfcf9"/>${body}</svg>`;

/** resvg's own drawing of `svg`, its text laid out in `fonts` (the site's way before: the image's font subsets). */
function resvgDrawing(svg: string, fonts = subsetFontFiles(svg)): Buffer {
  const options = resvgOptions(fonts, WIDTH);
  return new Resvg(unclipNestedSvgs(markCjkRuns(svg), options), options).render().pixels;
}
const drawing = (svg: string) => PNG.sync.read(renderPng(svg, WIDTH).png).data;

/** Channels (RGB) that differ by more than one level, and the largest difference. */
function difference(a: Buffer, b: Buffer) {
  let over = 0;
  let most = 0;
  for (let i = 0; i < a.length; i++) {
    if (i % 4 === 3) continue;
    const d = Math.abs(a[i] - b[i]);
    if (d > 1) over++;
    most = Math.max(most, d);
  }
  return { share: over / ((a.length / 4) * 3), most };
}
/** Pixels darker than the background: where text was drawn. */
const ink = (pixels: Buffer) => pixels.filter((v, i) => i % 4 === 0 && v < 200).length;

describe('text set as glyphs', () => {
  const texts = [
    ['en', '<text x="12" y="40" font-size="17" font-weight="700" fill="#1d1d1b">Most AI Dou employees are women, the researchers</text>'],
    ['en', '<text x="588" y="80" text-anchor="end" font-size="12" fill="#5a5a55">100% higher &amp; “quoted” (Xi’an)</text>'],
    [
      'en',
      '<text x="300" y="120" text-anchor="middle" font-size="13.5" stroke="#fdfcf9" stroke-width="3" stroke-linejoin="round" fill="#fdfcf9">Price a year later</text><text x="300" y="120" text-anchor="middle" font-size="13.5" fill="#1d1d1b">Price a year later</text>',
    ],
    ['zh-CN', '<text x="12" y="40" font-size="17" font-weight="700" fill="#1d1d1b">西安交大团队的实地调研，据团队自己的总结</text>'],
    ['zh-CN', '<text x="12" y="80" font-size="13" fill="#5a5a55">西安交通大学杨江华教授团队，2023年6月27日起“AI豆”</text>'],
    ['zh-CN', '<text text-anchor="end" font-size="11" fill="#1d1d1b"><tspan x="588" y="150">南海诸岛</tspan><tspan x="588" y="163">Islands</tspan></text>'],
  ] as const;

  it.each(texts)('%s: drawn as resvg lays the text out, but for the antialiasing of a few edge pixels', (lang, body) => {
    const svg = image(lang, body);
    expect(setInGlyphs(svg)).not.toContain('<text');
    const { share, most } = difference(drawing(svg), resvgDrawing(svg));
    // resvg places each glyph's points with 32-bit arithmetic of its own; here the group's transform does it.
    expect(most, 'largest channel difference').toBeLessThanOrEqual(64);
    expect(share, 'share of channels differing by more than one level').toBeLessThan(0.002);
  });

  it('draws a Chinese line with “fi” after its Chinese text, which resvg dropped in font subsets', () => {
    const line = image('zh-CN', '<text x="12" y="100" font-size="12" fill="#5a5a55">数据：field-study-2023@1.1.0</text>');
    expect(ink(resvgDrawing(line)), 'resvg, in font subsets').toBe(0);
    // resvg draws the two parts as lines of their own: the Latin one after the three full-width (1em) characters.
    const parts = image(
      'zh-CN',
      '<text x="12" y="100" font-size="12" fill="#5a5a55">数据：</text><text x="48" y="100" font-size="12" fill="#5a5a55">field-study-2023@1.1.0</text>',
    );
    const reference = resvgDrawing(parts);
    expect(ink(reference)).toBeGreaterThan(100);
    const { share, most } = difference(drawing(line), reference);
    expect(most, 'largest channel difference').toBeLessThanOrEqual(64);
    expect(share, 'share of channels differing by more than one level').toBeLessThan(0.002);
  });

  it('leaves text it cannot set as resvg would, and that text still drawn in the fonts', () => {
    const spaced = image('en', '<text x="12" y="40" font-size="12" letter-spacing="2" fill="#000">Spaced</text>');
    expect(setInGlyphs(spaced)).toContain('<text x="12" y="40" font-size="12" letter-spacing="2" fill="#000">Spaced</text>');
    expect(ink(drawing(spaced))).toBeGreaterThan(20);
    // No glyph in its face (the fonts have no emoji): resvg's fallback decides.
    expect(setInGlyphs(image('zh-CN', '<text x="12" y="40" font-size="12" fill="#000">稻🌾</text>'))).toContain('<text');
    const styled = image('en', '<style>text{fill:red}</style><text x="12" y="40" font-size="12">Styled</text>');
    expect(setInGlyphs(styled)).toBe(styled);
  });

  it('defines each glyph once, however often it is drawn', () => {
    const svg = setInGlyphs(image('en', '<text x="12" y="40" font-size="12" fill="#000">aaaa</text><text x="12" y="80" font-size="20" fill="#000">aa</text>'));
    expect(svg.match(/<path id=/g)).toHaveLength(1);
    expect(svg.match(/<use /g)).toHaveLength(6);
  });
});

describe('unesc', () => {
  it('undoes esc, and reads numeric character references', () => {
    const text = `<a href="x">Tom & Jerry's</a>`;
    expect(unesc(esc(text))).toBe(text);
    expect(unesc('&#x4E2D;&#25991; &amp;amp;')).toBe('中文 &amp;');
  });
});

describe('a chart drawn without its clip', () => {
  const chart = (x: number) =>
    image(
      'en',
      `<svg x="0" y="0" viewBox="0 0 200 100" width="200" height="100" class="ch"><rect width="200" height="100" fill="#fdfcf9"/><text x="${x}" y="50" font-size="20" fill="#000">A label</text></svg>`,
    );
  const unclipped = (svg: string) => {
    const glyphs = setInGlyphs(svg);
    return unclipNestedSvgs(glyphs, resvgOptions([], WIDTH));
  };

  it('only when its glyphs stay inside it, measured with their outlines', () => {
    expect(unclipped(chart(10))).toContain('<svg overflow="visible"');
    // The label runs past the chart's right edge: the clip stays.
    expect(unclipped(chart(150))).not.toContain('overflow="visible"');
  });
});

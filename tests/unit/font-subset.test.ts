import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { cardSvg, CARD_WIDTH } from '#/publishing/social-card.ts';
import { FONT_FILES, svgToPng } from '#/publishing/png/svg-to-png.ts';
import { LATIN_FONT_FILES, markCjkRuns, resvgOptions } from '#/publishing/png/render.ts';
import { subsetFont, svgCodePoints } from '#/publishing/png/font-subset.ts';

/** The PNG as the full fonts draw it (resvg's own RGBA encoder; compared pixel by pixel): what the subsets must reproduce where the full fonts already draw it right (Latin-only text, CJK-only text). */
const withFullFonts = (svg: string) => new Resvg(markCjkRuns(svg), resvgOptions(FONT_FILES, CARD_WIDTH)).render().asPng();

describe('PNG rendering with per-image font subsets', () => {
  it.each([
    [
      'zh',
      {
        lang: 'zh' as const,
        siteName: '县域故事',
        kicker: '河北省青龙满族自治县',
        title: '青龙：板栗卖出了好价钱',
        summary: '一位乡村特派员带来了新的销路。',
        host: 'example.org',
      },
    ],
    [
      'en',
      {
        lang: 'en' as const,
        siteName: 'County Stories',
        kicker: 'Qinglong County, Hebei',
        title: 'Qinglong: a better price — “quoted” & co',
        summary: 'A rural envoy brought new ways to sell them.',
        host: 'example.org',
      },
    ],
  ])('draws a %s card exactly as the full fonts do (regular and bold)', async (_, card) => {
    const svg = cardSvg(card);
    const pixels = (png: Buffer) => Buffer.from(PNG.sync.read(png).data);
    expect(pixels((await svgToPng(svg, { width: CARD_WIDTH, cache: false })).png).equals(pixels(withFullFonts(svg)))).toBe(true);
  });

  it('keeps only the characters asked for', () => {
    const small = subsetFont(
      FONT_FILES.find((f) => !LATIN_FONT_FILES.includes(f))!,
      svgCodePoints('<text>青龙</text>'),
    );
    expect(small.length).toBeGreaterThan(1000);
    expect(small.length).toBeLessThan(200_000);
  });

  it('gives the same subset for the same characters in any order, and another for other characters', () => {
    const cjk = FONT_FILES.find((f) => !LATIN_FONT_FILES.includes(f))!;
    const a = subsetFont(cjk, [0x9752, 0x9f99]);
    expect(subsetFont(cjk, [0x9f99, 0x9752, 0x9752]).equals(a)).toBe(true);
    const b = subsetFont(cjk, [0x9752, 0x9f99, 0x53bf]);
    expect(b.equals(a)).toBe(false);
    expect(b.length).toBeGreaterThan(a.length);
  });

  it('reads characters written as numeric references', () => {
    const points = svgCodePoints('<text>&#x9752;&#40857;</text>');
    expect(points.has(0x9752)).toBe(true);
    expect(points.has(40857)).toBe(true);
  });
});

import { cardPath } from '#/publishing/urls.ts';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, cardSvg } from '#/publishing/social-card.ts';
import { svgToPng } from '#/publishing/png/svg-to-png.ts';

/** Pixels darker than the card's background in a box. */
function darkPixels(png: PNG, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i] < 100 && png.data[i + 1] < 100 && png.data[i + 2] < 100) n++;
    }
  }
  return n;
}

const base = { lang: 'zh', siteName: '县域故事', kicker: '甘肃省 · 积石山保安族东乡族撒拉族自治县', host: 'county-stories.example.org' } as const;

describe('social cards', () => {
  it('have a path per page', () => {
    expect(cardPath('/counties/qinglong/')).toBe('/og/counties/qinglong.png');
    expect(cardPath('/en/themes/envoys/')).toBe('/og/en/themes/envoys.png');
    expect(cardPath('/')).toBe('/og/site.png');
  });

  it('render Chinese titles with the bundled font at 1200×630', async () => {
    const titled = PNG.sync.read((await svgToPng(cardSvg({ ...base, title: '积石山：绣娘走进直播间' }), { width: CARD_WIDTH, cache: false })).png);
    const untitled = PNG.sync.read((await svgToPng(cardSvg({ ...base, title: ' ' }), { width: CARD_WIDTH, cache: false })).png);
    expect([titled.width, titled.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    // A missing glyph draws nothing: the title area must be inked only when there is a title.
    expect(darkPixels(titled, 80, 200, 900, 290)).toBeGreaterThan(5000);
    expect(darkPixels(untitled, 80, 200, 900, 290)).toBe(0);
  });

  it('are served from the cache when nothing changed', async () => {
    const svg = cardSvg({ ...base, title: `缓存测试 ${process.pid}` });
    const first = await svgToPng(svg, { width: CARD_WIDTH });
    const second = await svgToPng(svg, { width: CARD_WIDTH });
    expect(second.cached).toBe(true);
    expect(second.png.equals(first.png)).toBe(true);
    expect([second.width, second.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  });

  it('are drawn once when asked for twice at the same time', async () => {
    const svg = cardSvg({ ...base, title: `同时请求 ${process.pid} ${Date.now()}` });
    const [first, second] = await Promise.all([svgToPng(svg, { width: CARD_WIDTH }), svgToPng(svg, { width: CARD_WIDTH })]);
    // One drawing, handed to both: the same bytes, not two equal copies (nor one drawing and one cache read).
    expect(second.png).toBe(first.png);
    expect(first.cached || second.cached).toBe(false);
    const later = await svgToPng(svg, { width: CARD_WIDTH });
    expect(later.cached).toBe(true);
  });
});

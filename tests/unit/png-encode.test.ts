/**
 * Issue 18, item 8 ("PNGs are RGBA though opaque") and issue 16: PNGs are
 * written opaque by src/publishing/png/encode.ts, with a palette where the
 * image has at most 256 colours and as RGB otherwise, with the pixels resvg
 * draws, byte for byte the same from one run to the next.
 */
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { Resvg } from '@resvg/resvg-js';
import { cardSvg, CARD_WIDTH } from '#/publishing/social-card.ts';
import { encodeOpaquePng } from '#/publishing/png/encode.ts';
import { markCjkRuns, renderPng, resvgOptions, subsetFontFiles, unclipNestedSvgs } from '#/publishing/png/render.ts';
import { isWholePng } from '#/publishing/png/cache.ts';

/** Colour type, from the IHDR chunk: 2 is RGB, 6 RGBA, 3 palette. */
const colourType = (png: Buffer) => png[25];

/** How many colours (RGBA) decoded pixels have. */
const colours = (rgba: Uint8Array) => new Set(new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4)).size;

/** A test image: a gradient with sharp edges, every pixel opaque (over 256 colours). */
function pixels(width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      rgba.set([(x * 37) & 255, (y * 11 + x) & 255, x > y ? 250 : 3, 255], i);
    }
  return rgba;
}

describe('encodeOpaquePng', () => {
  it.each([0, 1, 2] as const)('writes an RGB PNG that decodes to the same pixels (filter %i)', (filter) => {
    const rgba = pixels(37, 23);
    expect(colours(rgba)).toBeGreaterThan(256);
    const png = encodeOpaquePng(rgba, 37, 23, { filter });
    expect(isWholePng(png)).toBe(true);
    expect(colourType(png)).toBe(2);
    const decoded = PNG.sync.read(png);
    expect([decoded.width, decoded.height]).toEqual([37, 23]);
    expect(Buffer.from(decoded.data).equals(Buffer.from(rgba))).toBe(true);
  });

  /** An image of exactly `n` colours, in stripes of uneven length (runs and repeats, as in a chart). */
  function stripes(width: number, height: number, n: number): Uint8Array {
    const rgba = new Uint8Array(width * height * 4);
    for (let p = 0; p < width * height; p++) {
      const c = Math.floor(p / 3 + (p % 7 === 0 ? 5 : 0)) % n;
      rgba.set([c & 255, (c * 7) & 255, c >> 8 ? 200 : 10, 255], p * 4);
    }
    return rgba;
  }

  it.each([
    [1, 3],
    [90, 3],
    [256, 3],
    [257, 2],
  ])('an image of %i colours: colour type %i, the same pixels', (n, type) => {
    const rgba = stripes(61, 47, n);
    expect(colours(rgba)).toBe(n);
    const png = encodeOpaquePng(rgba, 61, 47);
    expect(isWholePng(png)).toBe(true);
    expect(colourType(png)).toBe(type);
    expect(Buffer.from(PNG.sync.read(png).data).equals(Buffer.from(rgba))).toBe(true);
  });

  it('a palette image is smaller than the same pixels as RGB, and RGB is still there when asked for', () => {
    const rgba = stripes(200, 150, 90);
    const rgb = encodeOpaquePng(rgba, 200, 150, { palette: false });
    expect(colourType(rgb)).toBe(2);
    expect(encodeOpaquePng(rgba, 200, 150).length).toBeLessThan(rgb.length);
  });

  it('reads pixels from a buffer that does not start on a 4-byte boundary', () => {
    const rgba = stripes(9, 5, 4);
    const shifted = new Uint8Array(rgba.length + 1).subarray(1);
    shifted.set(rgba);
    const png = encodeOpaquePng(shifted, 9, 5);
    expect(Buffer.from(PNG.sync.read(png).data).equals(Buffer.from(rgba))).toBe(true);
  });

  it.each([
    ['with a palette', () => stripes(20, 20, 4), 4],
    ['as RGB', () => pixels(20, 20), 257],
  ])('refuses an image with a transparent pixel rather than guess a background (%s)', (_, image, atLeast) => {
    const rgba = image();
    expect(colours(rgba)).toBeGreaterThanOrEqual(atLeast);
    if (atLeast <= 256) expect(colours(rgba)).toBeLessThanOrEqual(256);
    rgba[4 * 10 + 3] = 254;
    expect(() => encodeOpaquePng(rgba, 20, 20)).toThrow(/transparent/);
  });
});

describe('renderPng', () => {
  const svg = cardSvg({
    lang: 'zh',
    siteName: '县域故事',
    kicker: '河北省巨鹿县',
    title: '巨鹿：“聚好办”让群众少跑腿 — Julu’s “Ju Hao Ban”',
    summary: '一位乡村特派员带来了新的销路。',
    host: 'example.org',
  });

  it('draws an opaque PNG, with a palette if its colours fit in one, the same bytes every time', () => {
    const a = renderPng(svg, CARD_WIDTH).png;
    const b = renderPng(svg, CARD_WIDTH).png;
    expect(colourType(a)).toBe(colours(PNG.sync.read(a).data) <= 256 ? 3 : 2);
    expect(a.equals(b)).toBe(true);
  });

  it("has exactly the pixels of resvg's own RGBA PNG (the renderer before)", () => {
    const before = new Resvg(markCjkRuns(svg), resvgOptions(subsetFontFiles(svg), CARD_WIDTH)).render().asPng();
    expect(colourType(before)).toBe(6);
    const now = renderPng(svg, CARD_WIDTH).png;
    expect(now.length).toBeLessThan(before.length);
    expect(Buffer.from(PNG.sync.read(now).data).equals(Buffer.from(PNG.sync.read(before).data))).toBe(true);
  });
});

describe('unclipNestedSvgs', () => {
  const frame = (inner: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="140"><rect width="100" height="140" fill="#fff"/><svg x="0" y="0" xmlns="http://www.w3.org/2000/svg" class="ch" viewBox="0 0 100 100" width="100" height="100"><rect class="bg" width="100" height="100" fill="#eee"/>${inner}</svg><text x="4" y="130" font-size="10">credit</text></svg>`;
  const options = resvgOptions(subsetFontFiles(frame('')), 400);

  it("drops the clip of a chart's <svg> whose drawing stays inside it: same pixels", () => {
    const svg = frame('<circle cx="50" cy="50" r="30" fill="#a33"/>');
    const unclipped = unclipNestedSvgs(svg, options);
    expect(unclipped).toContain('<svg overflow="visible" x="0" y="0"');
    expect(new Resvg(unclipped, options).render().pixels.equals(new Resvg(svg, options).render().pixels)).toBe(true);
  });

  it('keeps the clip of one whose drawing runs past its viewport, and of a nested <svg> that is not a chart', () => {
    const past = frame('<circle cx="50" cy="95" r="30" fill="#a33"/>');
    expect(unclipNestedSvgs(past, options)).toBe(past);
    const map = frame('').replace('class="ch"', 'class="geo-map"');
    expect(unclipNestedSvgs(map, options)).toBe(map);
  });
});

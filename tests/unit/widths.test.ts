/** The widths charts and maps are drawn at, and the container widths each one shows at (src/svg/widths.ts). */
import { describe, expect, it } from 'vitest';
import { scaleAt, TOLERANCE, widthAt, widthRanges, widthsCss, widthsUpTo, WIDTHS, variantsMarkup } from '#/svg/widths.ts';
import { PAD } from '#/charts/frame.ts';

describe('chart widths', () => {
  // Site pages: from a 320-px phone (288 px of column) past the widest column (46rem − 2rem = 704 px), charts bleeding PAD each side.
  // Embeds and locator maps: the whole frame, 256 to 1,000 px (and any iframe between).
  for (const [where, bleed, from, to] of [
    ['site pages', PAD, 240, 979],
    ['embeds and maps', 0, 256, 1000],
  ] as const) {
    it(`text renders within ±${TOLERANCE * 100}% of its design size at every container width from ${from} to ${to} px in ${where}`, () => {
      for (let c = from; c <= to; c++) {
        const s = scaleAt(c, widthAt(c, bleed), bleed);
        expect(Math.abs(s - 1), `${c} px shows the ${widthAt(c, bleed)} layout at ${s.toFixed(3)}×`).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  }

  it('ranges cover every width once, in order', () => {
    for (const bleed of [0, PAD]) {
      const ranges = widthRanges(bleed);
      expect(ranges.map((r) => r.width)).toEqual([...WIDTHS]);
      expect(ranges[0].min).toBe(0);
      expect(ranges.at(-1)!.max).toBe(Infinity);
      ranges.slice(1).forEach((r, i) => expect(r.min).toBe(ranges[i].max));
    }
  });

  it('a locator map at most 20rem wide needs only the narrowest layout', () => expect(widthsUpTo(320, 0)).toEqual([320]));

  it('the stylesheet switches at the ranges’ bounds and hides all but one', () => {
    const css = widthsCss('.chart', PAD);
    for (const r of widthRanges(PAD).slice(1))
      expect(css).toContain(`@container (width >= ${r.min}px){.chart .gw>[data-w]{display:none}.chart .gw>[data-w="${r.width}"]{display:block}}`);
    expect(css).toContain('.chart .gw>[data-w]{display:none}.chart .gw>[data-w="320"]{display:block}');
  });

  it('one variant is its bare SVG; several are wrapped, each with its width', () => {
    expect(variantsMarkup([{ width: 320, svg: '<svg></svg>' }])).toBe('<svg></svg>');
    expect(variantsMarkup(WIDTHS.map((width) => ({ width, svg: '<svg></svg>' })))).toBe(
      `<div class="gw">${WIDTHS.map((w) => `<div data-w="${w}"><svg></svg></div>`).join('')}</div>`,
    );
  });
});

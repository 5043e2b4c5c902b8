import { describe, expect, it } from 'vitest';
import { DARK, LIGHT, MAP_DARK, MAP_LIGHT, PRINT, type Palette } from '#/svg/palette.ts';
import { CHART_STYLE } from '#/svg/style.ts';
import { mapCss, siteCss } from '#/svg/stylesheets.ts';

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('chart colours meet WCAG AA', () => {
  for (const [name, p] of Object.entries({ LIGHT, DARK, PRINT }) as [string, Palette][]) {
    it(`${name}: text 4.5:1 (accent numbers too), bars and lines 3:1`, () => {
      for (const text of [p.fg, p.muted, p.accent]) expect(contrast(text, p.bg)).toBeGreaterThanOrEqual(4.5);
      for (const graphic of [p.accent, p.second]) expect(contrast(graphic, p.bg)).toBeGreaterThanOrEqual(3);
    });
  }
  it('print never uses a dark background, whatever the screen scheme', () => {
    expect(luminance(PRINT.bg)).toBeGreaterThan(0.9);
    // The print block comes after the dark one, so it wins when both match.
    expect(CHART_STYLE.indexOf('@media print')).toBeGreaterThan(CHART_STYLE.indexOf('prefers-color-scheme:dark'));
  });
});

describe('the page stylesheets are made from the palette', () => {
  it('sets every page colour in both schemes, light first, and the font stack', () => {
    const css = siteCss();
    const dark = css.indexOf('prefers-color-scheme:dark');
    for (const [name, key] of [
      ['--bg', 'bg'],
      ['--fg', 'fg'],
      ['--muted', 'muted'],
      ['--accent', 'accent'],
      ['--rule', 'rule'],
      ['--note-bg', 'noteBg'],
    ] as const) {
      expect(css.indexOf(`${name}:${LIGHT[key]}`)).toBeLessThan(dark);
      expect(css.indexOf(`${name}:${DARK[key]}`)).toBeGreaterThan(dark);
    }
    expect(css).toMatch(/--font:system-ui,[^;}]*"PingFang SC"[^;}]*,sans-serif[;}]/);
  });
  it('gives maps their dark colours as --map-* properties, and labels on dark land stay legible', () => {
    expect(mapCss()).toContain(`--map-land:${MAP_DARK.land}`);
    expect(mapCss()).toContain(`--map-sea-line:${MAP_DARK.seaLine}`);
    for (const [p, map] of [
      [LIGHT, MAP_LIGHT],
      [DARK, MAP_DARK],
    ] as const) {
      expect(contrast(map.label, map.land)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.fg, map.land)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

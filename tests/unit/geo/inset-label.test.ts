/**
 * The national map's South China Sea inset: its caption ("南海诸岛", "South
 * China Sea Islands") must never be crossed by the inset's lines (the South
 * China Sea line's dashes, coasts), in either edition. Measured on the real
 * geometry (data/geo/) and the SVG as drawn, with the site's text measure
 * (src/svg/text.ts, the wider of its screen and PNG metrics).
 */
import { describe, expect, it } from 'vitest';
import { renderNationalMapSvg } from '#/geo/render.ts';
import { LANGS, type Lang } from '#/i18n/editions.ts';
import { t } from '#/i18n/words.ts';
import { textWidth } from '#/svg/text.ts';

type Point = [number, number];
interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Line segments of SVG path data as d3's geoPath writes it (M, L, Z, absolute). */
function segments(d: string): [Point, Point][] {
  const out: [Point, Point][] = [];
  let start: Point | undefined;
  let last: Point | undefined;
  for (const [, cmd, args] of d.matchAll(/([MLZ])([^MLZ]*)/gi)) {
    const nums = args.match(/-?\d*\.?\d+(?:e-?\d+)?/g)?.map(Number) ?? [];
    if (/z/i.test(cmd)) {
      if (last && start) out.push([last, start]);
      last = start;
      continue;
    }
    expect(cmd, `only absolute M/L in ${d.slice(0, 40)}…`).toMatch(/^[ML]$/);
    for (let i = 0; i + 1 < nums.length; i += 2) {
      const p: Point = [nums[i], nums[i + 1]];
      if (cmd === 'M' && i === 0) start = p;
      else if (last) out.push([last, p]);
      last = p;
    }
  }
  return out;
}

/** Does the segment a–b touch the rectangle? (Liang–Barsky clipping.) */
function crosses([a, b]: [Point, Point], r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  for (const [p, q] of [
    [-dx, a[0] - r.x0],
    [dx, r.x1 - a[0]],
    [-dy, a[1] - r.y0],
    [dy, r.y1 - a[1]],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const u = q / p;
    if (p < 0) t0 = Math.max(t0, u);
    else t1 = Math.min(t1, u);
    if (t0 > t1) return false;
  }
  return true;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The inset of the national map: its frame, its lines and the boxes of its caption's lines of text. */
function inset(lang: Lang) {
  const svg = renderNationalMapSvg(lang);
  const group = /<g class="inset"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1];
  if (!group) throw new Error('no inset in the national map');
  const frameTag = /<rect class="inset-frame"[^>]*>/.exec(group)![0];
  const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((n) => Number(attr(frameTag, n)));
  const frame: Rect = { x0: x, y0: y, x1: x + w, y1: y + h };
  const lines = [...group.matchAll(/<path class="(sea-line|land)" d="([^"]*)"/g)].flatMap(([, , d]) => segments(d));
  const label = /<text class="inset-label"([^>]*)>([\s\S]*?)<\/text>/.exec(group)!;
  const size = Number(attr(label[1], 'font-size'));
  const anchor = attr(label[1], 'text-anchor') ?? 'start';
  // One line per <tspan> (a wrapped caption), or the text itself.
  const rows = [...label[2].matchAll(/<tspan([^>]*)>([^<]*)<\/tspan>/g)].map(([, a, text]) => ({ a, text }));
  const parts = rows.length ? rows : [{ a: label[1], text: label[2] }];
  const boxes = parts.map(({ a, text }) => {
    const tx = Number(attr(a, 'x') ?? attr(label[1], 'x'));
    const ty = Number(attr(a, 'y'));
    const width = Math.max(textWidth(text, size, false, 'screen'), textWidth(text, size, false, 'png'));
    const x0 = anchor === 'end' ? tx - width : anchor === 'middle' ? tx - width / 2 : tx;
    // Ascenders (and CJK) reach about 0.9 em above the baseline, descenders 0.25 em below.
    return { text, box: { x0, x1: x0 + width, y0: ty - size * 0.9, y1: ty + size * 0.25 } };
  });
  return { frame, lines, boxes, caption: parts.map((p) => p.text).join(' ') };
}

describe('the South China Sea inset’s caption', () => {
  for (const lang of LANGS as readonly Lang[]) {
    it(`${lang}: says "${t(lang, 'southChinaSeaIslands')}", inside the frame, crossed by none of the inset’s lines`, () => {
      const { frame, lines, boxes, caption } = inset(lang);
      expect(caption).toBe(t(lang, 'southChinaSeaIslands'));
      expect(lines.length).toBeGreaterThan(50);
      for (const { text, box } of boxes) {
        const crossing = lines.filter((s) => crosses(s, box));
        expect(
          crossing,
          `"${text}" (${box.x0.toFixed(1)}–${box.x1.toFixed(1)}, ${box.y0.toFixed(1)}–${box.y1.toFixed(1)}) is crossed by ${crossing.length} segments`,
        ).toEqual([]);
        expect(box.x0, `"${text}" inside the frame`).toBeGreaterThanOrEqual(frame.x0);
        expect(box.x1).toBeLessThanOrEqual(frame.x1);
        expect(box.y0).toBeGreaterThanOrEqual(frame.y0);
        expect(box.y1).toBeLessThanOrEqual(frame.y1);
      }
    });
  }
});

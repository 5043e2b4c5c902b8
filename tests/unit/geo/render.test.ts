/**
 * The static maps (src/geo/render.ts): what a reader without JavaScript, an
 * embed or a downloaded image gets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels } from '#/geo/labels.ts';
import { textWidth } from '#/svg/text.ts';
import { nationalMapLayout, renderLocatorSvg, renderNationalMapSvg } from '#/geo/render.ts';
import type { County } from '#/data/schemas.ts';
import { WIDTHS } from '#/svg/widths.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const counties: County[] = JSON.parse(readFileSync(path.join(ROOT, 'data/counties.json'), 'utf8'));
const overlaps = (a: ReturnType<typeof labelBox>, b: ReturnType<typeof labelBox>) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('renderNationalMapSvg', () => {
  const hrefFor = (c: County) => (c.slug === 'qinglong' ? '/counties/qinglong/' : undefined);
  const svg = renderNationalMapSvg('zh', { hrefFor });

  it('marks every county, by code, with its name; links only those given a link', () => {
    for (const c of counties) {
      expect(svg).toContain(`data-code="${c.code}"`);
      expect(svg).toContain(`>${c.name.zh}</text>`);
    }
    expect(svg.match(/<a class="county" href="[^"]+"/g)).toEqual(['<a class="county" href="/counties/qinglong/"']);
  });

  it('has the South China Sea inset, labelled, with the South China Sea line', () => {
    expect(svg).toMatch(/<g class="inset" aria-label="南海诸岛">/);
    expect(svg.match(/class="sea-line" d="M[^"]+"/g)?.length).toBe(2); // main map and inset
  });

  it('writes the English edition’s names in English', () => {
    const en = renderNationalMapSvg('en');
    for (const c of counties) expect(en).toContain(`>${c.name.en.replace("'", '&#39;')}</text>`);
    expect(en).toContain('South China Sea Islands');
  });

  it('keeps every marker inside the map and outside the inset, and no two labels overlap', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { width, height, insetBox, markers } = nationalMapLayout(lang);
      const boxes = markers.map((m) => labelBox({ x: m.x, y: m.y, width: textWidth(m.label, 14), height: 14 }, m.side));
      for (const m of markers) {
        expect(m.x > 0 && m.x < width && m.y > 0 && m.y < height, `${m.county.code} inside`).toBe(true);
        expect(m.x > insetBox.x0 && m.y > insetBox.y0, `${m.county.code} under the inset`).toBe(false);
      }
      boxes.forEach((a, i) =>
        boxes.slice(i + 1).forEach((b, j) => expect(overlaps(a, b), `${lang}: ${markers[i].label} / ${markers[i + 1 + j].label}`).toBe(false)),
      );
    }
  });
});

describe('renderLocatorSvg', () => {
  it.each(counties)('$code: the county in its province, titled in both editions', (c) => {
    const zh = renderLocatorSvg(c.code, 'zh');
    expect(zh).toContain(`<title id="locator-${c.code}-title">${c.name.zh}在${c.province.zh}的位置</title>`);
    expect(zh).toMatch(/class="province" d="M/);
    expect(zh).toMatch(/class="county-shape" d="M/);
    expect(renderLocatorSvg(c.code, 'en')).toContain(`Where ${c.name.en.replace("'", '&#39;')} is in ${c.province.en}`);
  });

  // Drawn for each width a page may show (src/svg/widths.ts): the label keeps its size, inside the map, clear of the ring.
  it.each(counties.flatMap((c) => WIDTHS.flatMap((width) => (['zh', 'en'] as const).map((lang) => ({ c, width, lang })))))(
    '$c.code ($lang) at $width units: its label at 14 units, inside the map and beside its ring',
    ({ c, width, lang }) => {
      const svg = renderLocatorSvg(c.code, lang, { width });
      const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!.map(Number);
      expect(w).toBe(width);
      const [, x, y, anchor, size, text] = /<text class="county-label" x="([\d.-]+)" y="([\d.-]+)" text-anchor="(\w+)" font-size="([\d.]+)"[^>]*>([^<]+)</.exec(
        svg,
      )!;
      expect(Number(size)).toBe(14);
      const tw = textWidth(text.replace('&#39;', "'"), 14);
      const x0 = anchor === 'start' ? Number(x) : anchor === 'end' ? Number(x) - tw : Number(x) - tw / 2;
      const box = { x0, x1: x0 + tw, y0: Number(y) - 0.92 * 14, y1: Number(y) + 0.24 * 14 };
      expect(box.x0 >= 0 && box.x1 <= w && box.y0 >= 0 && box.y1 <= h, `${text} [${Object.values(box).map((n) => n.toFixed(1))}] in ${w}×${h}`).toBe(true);
      const [, cx, cy, r] = /<circle class="county-marker" cx="([\d.-]+)" cy="([\d.-]+)" r="([\d.]+)"/.exec(svg)!.map(Number);
      const gap = Math.hypot(Math.max(box.x0 - cx, 0, cx - box.x1), Math.max(box.y0 - cy, 0, cy - box.y1));
      expect(gap, 'the label stays off the ring').toBeGreaterThanOrEqual(r - 0.5);
    },
  );

  it('refuses a code that is not a featured county', () => {
    expect(() => renderLocatorSvg('110101', 'zh')).toThrow(/110101 is not in data\/counties\.json/);
  });
});

describe('placeLabels', () => {
  it('puts the labels of two close markers on different sides, clear of each other', () => {
    const requests = [
      { x: 100, y: 100, width: 60, height: 14 },
      { x: 104, y: 110, width: 60, height: 14 },
    ];
    const placed = placeLabels(requests, { x0: 0, y0: 0, x1: 400, y1: 300 });
    expect(placed.every((p) => p.clear)).toBe(true);
    expect(overlaps(labelBox(requests[0], placed[0].side), labelBox(requests[1], placed[1].side))).toBe(false);
  });

  it("never puts a label nearer another marker than its own (the home map had 平顺 by 巨鹿's dot)", () => {
    // B sits just right of A's right-hand label place: A's label must go elsewhere, though "right" is free.
    const requests = [
      { x: 100, y: 100, width: 40, height: 14 },
      { x: 155, y: 100, width: 40, height: 14 },
    ];
    const placed = placeLabels(requests, { x0: 0, y0: 0, x1: 400, y1: 300 });
    expect(placed[0].side).not.toBe('right');
    expect(placed.every((p) => p.clear)).toBe(true);
  });

  it.each(['zh', 'en'] as const)('on the national map (%s), every label is nearest its own county', (lang) => {
    const { markers } = nationalMapLayout(lang);
    for (const m of markers) {
      const box = labelBox({ x: m.x, y: m.y, width: textWidth(m.label, 14), height: 14 }, m.side);
      const distance = (p: { x: number; y: number }) => Math.hypot(Math.max(box.x0 - p.x, 0, p.x - box.x1), Math.max(box.y0 - p.y, 0, p.y - box.y1));
      const nearer = markers.filter((o) => o !== m && distance(o) <= distance(m)).map((o) => o.label);
      expect(nearer, `${m.label} (${m.side})`).toEqual([]);
    }
  });

  it('reports a label it cannot place clear', () => {
    const requests = [
      { x: 20, y: 20, width: 60, height: 14 },
      { x: 20, y: 20, width: 60, height: 14 },
      { x: 20, y: 20, width: 60, height: 14 },
    ];
    const placed = placeLabels(requests, { x0: 0, y0: 0, x1: 100, y1: 100 });
    expect(placed.map((p) => p.clear)).toContain(false);
  });
});

/**
 * Issue 18, item 1: each image's text in a face made for its script. Checked
 * by glyph advances: in the fonts themselves (HarfBuzz) and in what the
 * renderer actually draws (the ink of a rendered PNG).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as hb from 'harfbuzzjs';
import { PNG } from 'pngjs';
import {
  CJK_FONT_FILES,
  FONT_FILES,
  LATIN_FONT_FILES,
  cjkCodePoints,
  latinCodePoints,
  markCjkRuns,
  renderPng,
  subsetFontFiles,
  sweepSubsetFolders,
} from '#/publishing/png/render.ts';
import { subsetFont, svgCodePoints } from '#/publishing/png/font-subset.ts';
import { CHINESE_MARKS, textWidth } from '#/svg/text.ts';
import { FONT } from '#/svg/font.ts';
import { esc } from '#/svg/markup.ts';

/** Advances in em of `text` shaped with the font `bytes`, and whether each glyph exists (glyph id 0 is .notdef). */
function shape(bytes: Uint8Array, text: string) {
  const face = new hb.Face(new hb.Blob(bytes), 0);
  const font = new hb.Font(face);
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(font, buffer);
  const infos = buffer.getGlyphInfos();
  return buffer.getGlyphPositions().map((p, i) => ({ em: p.xAdvance / face.upem, found: infos[i].codepoint !== 0 }));
}
const file = (f: string) => new Uint8Array(readFileSync(f));

/** The pixel columns with ink (darker than mid-grey) in a PNG. */
function inkColumns(png: Buffer): { first: number; last: number; dark: number } {
  const image = PNG.sync.read(png);
  let first = Infinity;
  let last = -1;
  let dark = 0;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (image.data[i] < 128) {
        first = Math.min(first, x);
        last = Math.max(last, x);
        dark++;
      }
    }
  return { first, last, dark };
}
/** One line of text, 100 units high, drawn 1:1 with the site's font stack, in an image of `lang`. */
const line = (text: string, lang: string, weight = 400) =>
  renderPng(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="160" font-family="${esc(FONT)}" lang="${lang}"><rect width="1000" height="160" fill="#fff"/><text x="20" y="120" font-size="100" font-weight="${weight}" fill="#000">${esc(text)}</text></svg>`,
    1000,
  ).png;
/** How far the renderer advances for `mark` (in em at 100 units): the right H moves by exactly that. */
const drawnAdvance = (mark: string, lang: string) => (inkColumns(line(`H${mark}H`, lang)).last - inkColumns(line('HH', lang)).last) / 100;

describe('the fonts', () => {
  it('the Latin face sets apostrophes and quotes at Latin widths; the CJK face full-width', () => {
    for (const f of LATIN_FONT_FILES) {
      const [apostrophe, open, close] = shape(file(f), '’“”');
      expect(apostrophe.em).toBeLessThan(0.4);
      expect(open.em).toBeLessThan(0.5);
      expect(close.em).toBeLessThan(0.5);
    }
    // What English images were set in before: "Xi’ an".
    expect(shape(file(CJK_FONT_FILES[0]), '’')[0].em).toBe(1);
  });

  it("an English image's CJK subset has no Latin letters or quotes, a Chinese image's has its quotes", () => {
    const points = [...'Julu’s “Ju Hao Ban” 巨鹿'].map((c) => c.codePointAt(0)!);
    const english = shape(subsetFont(CJK_FONT_FILES[0], cjkCodePoints(points, false)), 'J’“巨');
    expect(english.map((g) => g.found)).toEqual([false, false, false, true]);
    const chinese = shape(subsetFont(CJK_FONT_FILES[0], cjkCodePoints(points, true)), 'J“巨');
    expect(shape(subsetFont(LATIN_FONT_FILES[0], latinCodePoints(points, true)), 'J“').map((g) => g.found)).toEqual([true, false]);
    expect(chinese.map((g) => g.found)).toEqual([false, true, true]);
  });
});

describe('what the renderer draws', () => {
  it('English: ’ and “ at the Latin face’s advance, also next to Chinese characters', () => {
    expect(drawnAdvance('’', 'en')).toBeLessThan(0.4);
    expect(drawnAdvance('“', 'en')).toBeLessThan(0.5);
    // A line with a Chinese title in it (a source line) keeps Latin quotes.
    expect(drawnAdvance('“巨”', 'en')).toBeLessThan(2);
    expect(drawnAdvance('巨', 'en')).toBeCloseTo(1, 1);
  });

  it('Chinese: the quotes around “AI豆” full-width, the Latin letters in the Latin face', () => {
    expect(drawnAdvance('“', 'zh-CN')).toBeCloseTo(1, 1);
    expect(drawnAdvance('“AI豆”', 'zh-CN') - drawnAdvance('AI', 'zh-CN')).toBeCloseTo(3, 1);
    // "AI" in Noto Sans: A 0.639 + I 0.339 em.
    expect(drawnAdvance('AI', 'zh-CN')).toBeCloseTo(0.98, 1);
  });

  it('bold Chinese after Latin is bold (resvg’s own fallback would take the regular face)', () => {
    const ink = (weight: number) => inkColumns(line('A豆豆豆', 'zh-CN', weight)).dark - inkColumns(line('A', 'zh-CN', weight)).dark;
    expect(ink(700)).toBeGreaterThan(ink(400) * 1.3);
    expect(markCjkRuns('<svg lang="en"><text>A豆’</text></svg>')).toBe(
      '<svg lang="en"><text>A<tspan font-family="Noto Sans S Chinese">豆</tspan>’</text></svg>',
    );
  });
});

describe("the 'png' text measure against the fonts", () => {
  const titles = [
    'Ping’an: Qinghai embroidery becomes design goods',
    'Julu’s “Ju Hao Ban” and the Xi’an team',
    'Qinglong Manchu Autonomous County, Hebei: chestnuts sold at a better price',
    'Women make up more than 60% of AI Dou’s staff, the survey team says',
  ];
  it.each([
    ['regular', false, 0],
    ['bold', true, 1],
  ])('never narrower than Noto Sans %s, at most a third wider', (_, bold, i) => {
    for (const title of titles) {
      const real = shape(file(LATIN_FONT_FILES[i]), title).reduce((sum, g) => sum + g.em, 0);
      const estimate = textWidth(title, 1, bold, 'png');
      expect(estimate, title).toBeGreaterThanOrEqual(real);
      expect(estimate, title).toBeLessThan(real * 1.34);
    }
  });
});

describe('the subsets resvg reads', () => {
  it('asks the Latin face for every character it has, so leaving the rest out changes no byte', () => {
    for (const f of LATIN_FONT_FILES) {
      const mapped = [...new hb.Face(new hb.Blob(file(f)), 0).collectUnicodes()];
      expect(mapped.length).toBeGreaterThan(2000);
      expect([...latinCodePoints(mapped, false)]).toEqual(mapped);
      const marks = new Set([...CHINESE_MARKS].map((c) => c.codePointAt(0)!));
      expect([...latinCodePoints(mapped, true)]).toEqual(mapped.filter((p) => !marks.has(p)));
    }
  });

  const chinese = (text: string) => `<svg xmlns="http://www.w3.org/2000/svg" lang="zh-CN"><text>${text} 2024</text></svg>`;

  it('writes each font’s subset to one file, rewritten only when the subset changes: Chinese images share the Latin ones', () => {
    const first = subsetFontFiles(chinese('青龙县'));
    const firstCjk = readFileSync(first[2]);
    const old = new Date('2000-01-01');
    first.forEach((f) => utimesSync(f, old, old));
    const second = subsetFontFiles(chinese('巨鹿县'));
    expect(second).toEqual(first);
    const points = svgCodePoints(chinese('巨鹿县'));
    second.forEach((f, i) =>
      expect(readFileSync(f).equals(subsetFont(FONT_FILES[i], i < LATIN_FONT_FILES.length ? latinCodePoints(points, true) : cjkCodePoints(points, true)))).toBe(
        true,
      ),
    );
    const rewritten = second.map((f) => statSync(f).mtimeMs > old.getTime());
    expect(rewritten).toEqual([false, false, true, true]);
    expect(readFileSync(second[2]).equals(firstCjk)).toBe(false);
  });

  it('keeps them in a folder of the thread’s own, named after the process', () => {
    const files = subsetFontFiles(chinese('县'));
    const folder = path.dirname(files[0]);
    expect(path.basename(folder)).toMatch(new RegExp(`^county-stories-png-${process.pid}-`));
    expect(readdirSync(folder).sort()).toEqual(files.map((f) => path.basename(f)).sort());
  });

  it('removes the folders of processes that are gone, not of running ones', () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const left = mkdtempSync(path.join(tmpdir(), `county-stories-png-${gone}-`));
    const running = mkdtempSync(path.join(tmpdir(), `county-stories-png-${process.ppid}-`));
    try {
      sweepSubsetFolders();
      expect(existsSync(left)).toBe(false);
      expect(existsSync(running)).toBe(true);
    } finally {
      rmSync(left, { recursive: true, force: true });
      rmSync(running, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '#/svg/text.ts';
import { LONGEST_COUNTY } from '../charts/fixtures.ts';

describe('textWidth', () => {
  it('counts a Chinese character as one em and Latin narrower', () => {
    expect(textWidth(LONGEST_COUNTY, 10)).toBe(150);
    expect(textWidth('abc', 10)).toBeLessThan(textWidth('中文字', 10));
    expect(textWidth('2100', 10, true)).toBeGreaterThan(textWidth('2100', 10));
  });
  it('measures the bundled PNG font narrower in Latin, with curly quotes full-width', () => {
    expect(textWidth(LONGEST_COUNTY, 10, false, 'png')).toBe(150);
    const title = 'Ping’an: Qinghai embroidery becomes design goods';
    expect(textWidth(title, 64, true, 'png')).toBeLessThan(textWidth(title, 64, true));
    expect(textWidth('’', 10, false, 'png')).toBe(10);
  });
});

describe('wrapText', () => {
  const texts = [
    LONGEST_COUNTY,
    '阿里云“未来果园”、菜鸟智能产地仓、阿里平台多渠道销售等在灵山逐一落地。',
    'The farm-to-market digital project in Lingshan (Alibaba Cloud “Future Orchard”)',
    'Supercalifragilisticexpialidociousnessword',
  ];
  for (const width of [60, 120, 296]) {
    it(`keeps every line within ${width} units and loses no character`, () => {
      for (const text of texts) {
        const lines = wrapText(text, width, 13.5);
        for (const line of lines) expect(textWidth(line, 13.5)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }
    });
  }
  it('breaks a URL too long for a line after a slash, # or hyphen', () => {
    const url = 'https://county-stories.example.org/en/charts/#gongyi-baobei-per-donation';
    const lines = wrapText(url, 300, 11);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(url);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/[/#-]$/);
  });
  it('breaks English between words', () => {
    expect(wrapText('Households the project can reach', 150, 13.5)).toEqual(['Households the', 'project can reach']);
  });
  it('never starts a line with closing punctuation or ends one with an opening mark', () => {
    for (let width = 40; width < 300; width += 7) {
      const lines = wrapText('阿里云“未来果园”、菜鸟智能产地仓（灵山），阿里平台多渠道销售等逐一落地。', width, 13);
      for (const line of lines.slice(1)) expect('，。、）”').not.toContain(line[0]);
      for (const line of lines) expect('（“').not.toContain(line.at(-1));
    }
  });
  it('breaks Chinese anywhere but never starts a line with closing punctuation', () => {
    const text = '一位乡村特派员带来了新的销路，板栗卖出了好价钱。';
    const lines = wrapText(text, 100, 10);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(text);
    for (const l of lines) expect(l).not.toMatch(/^[，。]/);
  });
  it('cuts after maxLines, at a word, and ends the last line with an ellipsis that fits, in either metrics', () => {
    const text = 'Qinglong Manchu Autonomous County in Hebei grows plenty of chestnuts that few people have heard of';
    for (const metrics of ['screen', 'png'] as const) {
      for (const bold of [false, true]) {
        const lines = wrapText(text, 200, 10, bold, { maxLines: 2, metrics });
        expect(lines).toHaveLength(2);
        expect(text.startsWith(`${lines[0]} `)).toBe(true);
        expect(lines[1].endsWith('…')).toBe(true);
        expect(text).toContain(`${lines[0]} ${lines[1].slice(0, -1).trimEnd()}`);
        // Cut between words, never inside one (a social card's summary read "sa…").
        expect(text.slice(`${lines[0]} ${lines[1].slice(0, -1).trimEnd()}`.length), lines[1]).toMatch(/^\s/);
        for (const line of lines) expect(textWidth(line, 10, bold, metrics)).toBeLessThanOrEqual(200);
      }
    }
    // At any width, the cut falls between words.
    for (let width = 120; width <= 320; width += 9) {
      const [first, second] = wrapText(text, width, 10, false, { maxLines: 2, metrics: 'png' });
      if (!second.endsWith('…')) continue;
      const kept = `${first} ${second.slice(0, -1).trimEnd()}`;
      expect(text.slice(kept.length), `${width}: ${second}`).toMatch(/^\s/);
    }
    expect(wrapText(text, 2000, 10, false, { maxLines: 2 })).toEqual([text]);
    const zh = wrapText('阿里云“未来果园”、菜鸟智能产地仓、阿里平台多渠道销售等在灵山逐一落地。', 60, 10, false, { maxLines: 2 });
    expect(zh).toHaveLength(2);
    expect(zh[1].endsWith('…')).toBe(true);
    expect(textWidth(zh[1], 10)).toBeLessThanOrEqual(60);
  });
});

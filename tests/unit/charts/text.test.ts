import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '#/svg/text.ts';
import { LONGEST_COUNTY } from './fixtures.ts';

describe('textWidth', () => {
  it('counts a Chinese character as one em and Latin narrower', () => {
    expect(textWidth(LONGEST_COUNTY, 10)).toBe(150);
    expect(textWidth('abc', 10)).toBeLessThan(textWidth('中文字', 10));
    expect(textWidth('2100', 10, true)).toBeGreaterThan(textWidth('2100', 10));
  });
});

describe('wrapText', () => {
  const texts = [LONGEST_COUNTY, '阿里云“未来果园”、菜鸟智能产地仓、阿里平台多渠道销售等在灵山逐一落地。', 'The farm-to-market digital project in Lingshan (Alibaba Cloud “Future Orchard”)', 'Supercalifragilisticexpialidociousnessword'];
  for (const width of [60, 120, 296]) {
    it(`keeps every line within ${width} units and loses no character`, () => {
      for (const text of texts) {
        const lines = wrapText(text, width, 13.5);
        for (const line of lines) expect(textWidth(line, 13.5)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }
    });
  }
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
});

import { describe, expect, it } from 'vitest';
import { formatFigure, formatNumber, formatDate } from '#/i18n/format.ts';

const unit = (zh: string, en: string) => ({ unit: { zh, en }, format: 'number' as const });

describe('formatFigure in Chinese', () => {
  it('writes 万 and 亿 without rounding', () => {
    expect(formatFigure({ value: 2_300_000, qualifiers: [] }, unit('元', 'yuan'), 'zh')).toBe('230万元');
    expect(formatFigure({ value: 152_000_000, qualifiers: [] }, unit('笔', 'transactions'), 'zh')).toBe('1.52亿笔');
    expect(formatFigure({ value: 8_300_000_000, qualifiers: [] }, unit('笔', 'transactions'), 'zh')).toBe('83亿笔');
    expect(formatFigure({ value: 1744, qualifiers: [] }, unit('份', 'questionnaires'), 'zh')).toBe('1744份');
    expect(formatFigure({ value: 4.5, qualifiers: [] }, unit('分', 'fen'), 'zh')).toBe('4.5分');
  });
  it('keeps qualifiers where the source puts them', () => {
    expect(formatFigure({ value: 200, qualifiers: ['超'] }, unit('个', ''), 'zh')).toBe('超200个');
    expect(formatFigure({ value: 4000, qualifiers: ['余'] }, unit('人', 'people'), 'zh')).toBe('4000余人');
    expect(formatFigure({ value: 400_000, qualifiers: ['余'] }, unit('字', 'characters'), 'zh')).toBe('40余万字');
    expect(formatFigure({ value: 45_000, qualifiers: ['余'] }, unit('户', 'households'), 'zh')).toBe('4.5万余户');
    expect(formatFigure({ value: 30_000_000, qualifiers: ['高达', '以上'] }, unit('元', 'yuan'), 'zh')).toBe('高达3000万元以上');
    expect(formatFigure({ value: 8_000_000, qualifiers: ['多'] }, unit('家', 'merchants'), 'zh')).toBe('800多万家');
    expect(formatFigure({ value: 27, qualifiers: ['共'] }, unit('名', 'envoys'), 'zh')).toBe('共27名');
  });
  it('puts 多 after the unit when the number does not end in zero', () => {
    // 四分多 (a little over 4 fen) is "4分多"; "4多分" is not Chinese.
    expect(formatFigure({ value: 4, qualifiers: ['多'] }, unit('分', 'fen'), 'zh')).toBe('4分多');
    expect(formatFigure({ value: 2_330_000, qualifiers: ['多'] }, unit('家', 'merchants'), 'zh')).toBe('233万多家');
    expect(formatFigure({ value: 7000, qualifiers: ['多'] }, unit('元', 'yuan'), 'zh')).toBe('7000多元');
  });
  it('writes tenths as 成', () => {
    expect(formatFigure({ value: 60, qualifiers: ['超过'] }, { unit: { zh: '', en: '' }, format: 'cheng' }, 'zh')).toBe('超过六成');
    expect(() => formatFigure({ value: 65, qualifiers: [] }, { unit: { zh: '', en: '' }, format: 'cheng' }, 'zh')).toThrow(/tenths/);
  });
  it('can leave qualifiers out for axes', () => {
    expect(formatFigure({ value: 1000, qualifiers: ['近'] }, unit('位', 'designers'), 'zh', { bare: true })).toBe('1000位');
  });
});

describe('formatFigure in English', () => {
  it('writes a rise stated in 倍 as a percentage, never "1 times higher"', () => {
    const rise = { unit: { zh: '倍', en: 'higher' }, format: 'times-higher' as const };
    expect(formatFigure({ value: 1, qualifiers: [] }, rise, 'zh')).toBe('1倍');
    expect(formatFigure({ value: 1, qualifiers: [] }, rise, 'en')).toBe('100% higher');
    expect(formatFigure({ value: 1.5, qualifiers: ['近'] }, rise, 'en')).toBe('nearly 150% higher');
  });
  it('leaves out 高达 ("as much as") when a bound follows the unit, but not otherwise', () => {
    expect(formatFigure({ value: 30_000_000, qualifiers: ['高达', '以上'] }, unit('元', 'yuan'), 'en')).toBe('30 million yuan or more');
    expect(formatFigure({ value: 30_000_000, qualifiers: ['高达'] }, unit('元', 'yuan'), 'en')).toBe('as much as 30 million yuan');
  });
  it('writes million and billion', () => {
    expect(formatFigure({ value: 420_000_000, qualifiers: [] }, unit('流量', 'views'), 'en')).toBe('420 million views');
    expect(formatFigure({ value: 2_330_000, qualifiers: ['平均'] }, unit('家', 'merchants'), 'en')).toBe('an average of 2.33 million merchants');
    expect(formatFigure({ value: 54_000, qualifiers: ['突破'] }, unit('元', 'yuan'), 'en')).toBe('over 54,000 yuan');
    expect(formatFigure({ value: 20, qualifiers: [] }, unit('%', '%'), 'en')).toBe('20%');
    expect(formatFigure({ value: 3000, qualifiers: ['以上'] }, unit('元', 'yuan'), 'en')).toBe('3,000 yuan or more');
    expect(formatFigure({ value: 60, qualifiers: ['超过'] }, { unit: { zh: '', en: '' }, format: 'cheng' }, 'en')).toBe('more than 60%');
    expect(formatFigure({ value: 4000, qualifiers: ['累计', '余'] }, unit('人', 'people'), 'en')).toBe('a total of more than 4,000 people');
  });
});

describe('formatNumber and formatDate', () => {
  it('formats axis numbers', () => {
    expect(formatNumber(110_000, 'zh')).toBe('11万');
    expect(formatNumber(110_000, 'en')).toBe('110,000');
  });
  it('formats dates in each language', () => {
    expect(formatDate('2022-07-25', 'zh')).toBe('2022年7月25日');
    expect(formatDate('2023-02', 'en')).toBe('February 2023');
    expect(formatDate('2022-07-25', 'en')).toBe('25 July 2022');
  });
});

/** Editions, paths and interface words (src/i18n/words.ts). */
import { describe, expect, it } from 'vitest';
import { htmlLang, localePath, otherLang, pageInEdition, t, themeLabel, wordKeys } from '#/i18n/words.ts';
import { themes } from '#/data/schemas.ts';

describe('edition paths', () => {
  it('puts the English edition under /en/ and leaves Chinese URLs as they are', () => {
    expect(localePath('/counties/qinglong/', 'zh')).toBe('/counties/qinglong/');
    expect(localePath('/counties/qinglong/', 'en')).toBe('/en/counties/qinglong/');
  });

  it.each([
    ['/', '/', '/en/'],
    ['/en/', '/', '/en/'],
    ['/counties/qinglong/', '/counties/qinglong/', '/en/counties/qinglong/'],
    ['/en/counties/qinglong/', '/counties/qinglong/', '/en/counties/qinglong/'],
    ['/datasets/qinglong/1.0.0/', '/datasets/qinglong/1.0.0/', '/en/datasets/qinglong/1.0.0/'],
    // A Chinese path that merely starts with "en" is not English.
    ['/energy/', '/energy/', '/en/energy/'],
  ])('%s is %s in Chinese and %s in English', (page, zh, en) => {
    expect(pageInEdition(page, 'zh')).toBe(zh);
    expect(pageInEdition(page, 'en')).toBe(en);
  });

  it('writes <html lang> as zh-CN and en', () => {
    expect(htmlLang('zh')).toBe('zh-CN');
    expect(htmlLang('en')).toBe('en');
    expect(otherLang('zh')).toBe('en');
    expect(otherLang('en')).toBe('zh');
  });
});

describe('interface words', () => {
  it('labels every story theme in both languages, with the field study\'s five kinds of help', () => {
    for (const theme of themes) {
      expect(themeLabel(theme, 'zh')).not.toBe('');
      expect(themeLabel(theme, 'en')).toMatch(/^[A-Z][\x20-\x7e]+$/);
    }
    expect(['farmers', 'women', 'tourism', 'heritage', 'governance'].map((x) => themeLabel(x as (typeof themes)[number], 'zh'))).toEqual(['为农户赋利', '为女性赋权', '为文旅赋智', '为非遗赋能', '为治理赋信']);
    expect(['industry', 'talent', 'technology'].map((x) => themeLabel(x as (typeof themes)[number], 'zh'))).toEqual(['产业', '人才', '科技']);
  });

  it.each(wordKeys)('"%s" is written in both languages, with no Chinese in the English', (key) => {
    expect(t(key, 'zh')).not.toBe('');
    expect(t(key, 'en')).not.toBe('');
    expect(t(key, 'en')).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
  });
});

/** Editions and paths (src/i18n/editions.ts), interface words (src/i18n/words.ts) and punctuation (src/i18n/punctuation.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editionPaths, htmlLang, isTranslation, localePath, ogLocale, otherLang, pageInEdition } from '#/i18n/editions.ts';
import { t, template, themeLabel, wordKeys, wordsAround, type WordKey } from '#/i18n/words.ts';
import { inParens, joinList, joinSentences, punctuation, quotedTitle } from '#/i18n/punctuation.ts';
import { dateParts } from '#/i18n/format.ts';
import { themes } from '#/data/schemas.ts';
import { getCounties } from '#/data/site-data.ts';
import { locatorTitle, renderLocatorSvg } from '#/geo/render.ts';
import { getGraphic } from '#/publishing/graphics.ts';

const SRC = path.resolve(import.meta.dirname, '../../src');
const WORDS_FILE = path.join(SRC, 'i18n/words.ts');

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

  it('writes <html lang> as zh-CN and en, og:locale as zh_CN and en_US', () => {
    expect(htmlLang('zh')).toBe('zh-CN');
    expect(htmlLang('en')).toBe('en');
    expect(ogLocale('zh')).toBe('zh_CN');
    expect(ogLocale('en')).toBe('en_US');
    expect(otherLang('zh')).toBe('en');
    expect(otherLang('en')).toBe('zh');
  });

  it('routes the Chinese edition at the root and the English one under the "en" parameter, as a translation', () => {
    expect(editionPaths()).toEqual([
      { params: { lang: undefined }, props: { lang: 'zh' } },
      { params: { lang: 'en' }, props: { lang: 'en' } },
    ]);
    expect(isTranslation('zh')).toBe(false);
    expect(isTranslation('en')).toBe(true);
  });
});

/** The placeholders a text asks for: "第{from}至{to}张" → ["from", "to"]. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Keys whose two editions may be written the same (none today: a shared text is usually an untranslated one). */
const SAME_IN_BOTH: readonly WordKey[] = [];

/** Every source file under src/ but the table itself. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(file);
    return /\.(ts|astro|mjs)$/.test(e.name) && file !== WORDS_FILE ? [file] : [];
  });
}

/**
 * The keys src/ looks up: those written as t(lang, 'key') or wordsAround(lang, 'key', …),
 * and, in a file that passes t() a computed key (t(lang, word)), every quoted name in it.
 */
function keysUsedInSrc(): Set<string> {
  const used = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:t|wordsAround)\(\s*[\w.]+,\s*'(\w+)'/g)) used.add(m[1]);
    if (/\bt\(\s*[\w.]+,\s*[^'\s]/.test(text)) for (const m of text.matchAll(/'(\w+)'/g)) used.add(m[1]);
  }
  return used;
}

describe('interface words', () => {
  it("labels every story theme in both languages, with the field study's five kinds of help", () => {
    for (const theme of themes) {
      expect(themeLabel(theme, 'zh')).not.toBe('');
      expect(themeLabel(theme, 'en')).toMatch(/^[A-Z][\x20-\x7e]+$/);
    }
    expect(['farmers', 'women', 'tourism', 'heritage', 'governance'].map((x) => themeLabel(x as (typeof themes)[number], 'zh'))).toEqual([
      '为农户赋利',
      '为女性赋权',
      '为文旅赋智',
      '为非遗赋能',
      '为治理赋信',
    ]);
    expect(['industry', 'talent', 'technology'].map((x) => themeLabel(x as (typeof themes)[number], 'zh'))).toEqual(['产业', '人才', '科技']);
  });

  it.each(wordKeys)('"%s" is written in both languages, differently, with the same placeholders and no Chinese in the English', (key) => {
    const zh = template('zh', key);
    const en = template('en', key);
    expect(zh).not.toBe('');
    expect(en).not.toBe('');
    expect(en).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
    expect(placeholders(en)).toEqual(placeholders(zh));
    if (!SAME_IN_BOTH.includes(key)) expect(en).not.toBe(zh);
  });

  it('uses every key somewhere in src/, so the table holds no dead words', () => {
    const used = keysUsedInSrc();
    expect(wordKeys.filter((key) => !used.has(key))).toEqual([]);
  });

  it('fills named placeholders, and finds the words either side of one', () => {
    expect(t('zh', 'galleryRange', { from: '1', to: '24', total: '61' })).toBe('第1至24张，共61张');
    expect(t('en', 'galleryRange', { from: '1', to: '24', total: '61' })).toBe('Charts 1 to 24 of 61');
    expect(t('en', 'locatorTitle', { county: 'Qinglong County', province: 'Hebei' })).toBe('Where Qinglong County is in Hebei');
    expect(wordsAround('zh', 'galleryPage', 'page')).toEqual(['第', '页']);
    expect(wordsAround('en', 'galleryPage', 'page')).toEqual(['Page ', '']);
  });

  it('makes a missing key or a missing placeholder a compile error', () => {
    // @ts-expect-error: no such key
    expect(() => t('zh', 'noSuchKey')).toThrow();
    // @ts-expect-error: "galleryPage" needs { page }
    t('zh', 'galleryPage');
    // @ts-expect-error: "galleryRange" needs { from, to, total }, not only { from }
    t('zh', 'galleryRange', { from: '1' });
    // @ts-expect-error: "home" has no placeholder to fill
    t('zh', 'home', { page: '1' });
  });
});

describe('punctuation', () => {
  it('glues with full-width marks in Chinese and half-width marks and spaces in English', () => {
    expect(`${t('zh', 'unit')}${punctuation('zh').colon}户`).toBe('单位：户');
    expect(`${t('en', 'unit')}${punctuation('en').colon}households`).toBe('Unit: households');
    expect(`板栗销量${inParens('吨', 'zh')}`).toBe('板栗销量（吨）');
    expect(`Chestnuts sold${inParens('tonnes', 'en')}`).toBe('Chestnuts sold (tonnes)');
    expect(joinList(['产业', '人才', '科技'], 'zh')).toBe('产业、人才、科技');
    expect(joinList(['Industry', 'Talent'], 'en')).toBe('Industry, Talent');
    expect(joinSentences(['更正。', '摘要。'], 'zh')).toBe('更正。摘要。');
    expect(joinSentences(['Correction.', 'Summary.'], 'en')).toBe('Correction. Summary.');
  });

  it('marks a cited title as Chinese and English typesetting do, nesting a quoted title in 〈〉', () => {
    const title = '《商业向善：百万商家参与中国式现代化慈善报告》发布';
    expect(quotedTitle(title, 'zh')).toBe('《〈商业向善：百万商家参与中国式现代化慈善报告〉发布》');
    expect(quotedTitle(title, 'en')).toBe(`“${title}”`);
  });

  it("reads a date's parts as each edition writes them inside a date", () => {
    expect(dateParts('2026-11-03', 'zh')).toEqual({ year: '2026', month: '11', day: '3' });
    expect(dateParts('2026-11-03', 'en')).toEqual({ year: '2026', month: 'November', day: '3' });
    expect(t('en', 'citeApaDate', dateParts('2026-11-03', 'en'))).toBe('(2026, November 3)');
    expect(t('zh', 'citeApaDate', dateParts('2026-11-03', 'zh'))).toBe('(2026年11月3日)');
  });
});

describe('the locator map title', () => {
  it("names the county alike on the story page, in the map's SVG and on its embed and downloads (青龙县, not 青龙满族自治县 on one of them)", () => {
    for (const county of getCounties()) {
      const figure = getGraphic('maps', county.slug)!;
      for (const lang of ['zh', 'en'] as const) {
        expect(figure.title[lang]).toBe(locatorTitle(county, lang));
        expect(renderLocatorSvg(county.code, lang)).toContain(`-title">${locatorTitle(county, lang).replace(/'/g, '&#39;')}</title>`);
      }
    }
    const qinglong = getCounties().find((c) => c.slug === 'qinglong')!;
    expect(getGraphic('maps', 'qinglong')!.title.zh).toBe('青龙县在河北省的位置');
    expect(qinglong.officialName).toBe('青龙满族自治县');
  });
});

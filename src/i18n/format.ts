/**
 * How a figure is written for a reader: 万/亿 for Chinese, million/billion for
 * English, the unit, and the source's qualifiers in their place.
 * Numbers are never rounded: 1.52亿 stays 1.52亿, 233万 is "2.33 million".
 */
import type { Field, Figure } from '#/data/schemas.ts';
import { QUALIFIERS, type Qualifier } from '#/data/qualifiers.ts';
import type { Lang } from './editions.ts';
export type { Lang };

/** Divide without floating-point noise and print the shortest exact decimal. */
function scaled(value: number, divisor: number): string {
  return String(Number((value / divisor).toFixed(8)));
}

/** Chinese magnitude: 38 → ["38", ""], 2300000 → ["230", "万"], 152000000 → ["1.52", "亿"]. */
export function zhMagnitude(value: number): [digits: string, magnitude: string] {
  const abs = Math.abs(value);
  if (abs >= 1e8) return [scaled(value, 1e8), '亿'];
  if (abs >= 1e4) return [scaled(value, 1e4), '万'];
  return [String(value), ''];
}

/** Made once: `toLocaleString` with options builds a new formatter on every call (8 s of a cold 100-county build). */
const EN_DIGITS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 8 });

/** English magnitude: 420000000 → "420 million", 54000 → "54,000". */
export function enMagnitude(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${scaled(value, 1e9)} billion`;
  if (abs >= 1e6) return `${scaled(value, 1e6)} million`;
  return EN_DIGITS.format(value);
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 60 → 六成: tenths, as in "超过六成员工为女性". */
function cheng(value: number): string {
  const tenths = value / 10;
  if (!Number.isInteger(tenths) || tenths < 0 || tenths > 10) {
    throw new Error(`a "cheng" figure must be a whole number of tenths (10, 20 … 100), not ${value}`);
  }
  return `${ZH_DIGITS[tenths]}成`;
}

function byPosition(qualifiers: readonly Qualifier[], position: string): Qualifier[] {
  return qualifiers.filter((q) => QUALIFIERS[q].position === position);
}

export interface FormatOptions {
  /** Leave the qualifiers out (e.g. for a chart axis, where the note carries them). */
  bare?: boolean;
}

/** The figure as a reader sees it in running text: "超过200个", "more than 200". */
export function formatFigure(
  figure: Pick<Figure, 'value' | 'qualifiers'>,
  field: Pick<Field, 'unit' | 'format'>,
  lang: Lang,
  options: FormatOptions = {},
): string {
  const qualifiers = options.bare ? [] : (figure.qualifiers ?? []);
  // Not words but two ways of writing a number (万/亿 and the qualifiers' places, or million/billion).
  return lang === 'zh' ? formatZh(figure.value, qualifiers, field) : formatEn(figure.value, qualifiers, field);
}

function formatZh(value: number, qualifiers: readonly Qualifier[], field: Pick<Field, 'unit' | 'format'>): string {
  const before = byPosition(qualifiers, 'before').join('');
  const afterNumber = byPosition(qualifiers, 'after-number').join('');
  const afterUnit = byPosition(qualifiers, 'after-unit').join('');
  if (field.format === 'cheng') return `${before}${cheng(value)}${afterNumber}${afterUnit}`;
  const [digits, magnitude] = zhMagnitude(value);
  const unit = field.unit?.zh ?? '';
  // 余/多 after a round number sit before the magnitude: "40余万", "7000多元".
  // After any other digit they follow the magnitude ("4.5万余"), or the unit
  // when there is no magnitude ("4分多", not "4多分").
  if (/[1-9]$/.test(digits) && !magnitude) return `${before}${digits}${unit}${afterNumber}${afterUnit}`;
  const number = /[1-9]$/.test(digits) ? `${digits}${magnitude}${afterNumber}` : `${digits}${afterNumber}${magnitude}`;
  return `${before}${number}${unit}${afterUnit}`;
}

function formatEn(value: number, qualifiers: readonly Qualifier[], field: Pick<Field, 'unit' | 'format'>): string {
  const after = byPosition(qualifiers, 'after-unit')
    .map((q) => QUALIFIERS[q].en)
    .filter(Boolean);
  // 高达3000万元以上: "as much as … or more" says two things at once; the bound after the unit is the one that counts.
  const before = [
    ...new Set(
      [...byPosition(qualifiers, 'before'), ...byPosition(qualifiers, 'after-number')]
        .filter((q) => !(after.length && 'emphasis' in QUALIFIERS[q]))
        .map((q) => QUALIFIERS[q].en)
        .filter(Boolean),
    ),
  ];
  if (field.format === 'times-higher') {
    // 高出1倍 is one whole more than before: the same rise written as English writes it, 100% higher.
    return [...before, `${enMagnitude(Number((value * 100).toFixed(8)))}% ${field.unit?.en ?? 'higher'}`, ...after].join(' ');
  }
  const unit = field.format === 'cheng' ? '%' : (field.unit?.en ?? '');
  const number = enMagnitude(value);
  const withUnit = unit === '' ? number : unit === '%' ? `${number}%` : `${number} ${unit}`;
  return [...before, withUnit, ...after].join(' ');
}

/** The number alone, for chart axes and data tables: "230万", "2.3 million". */
export function formatNumber(value: number, lang: Lang): string {
  // Not words: which magnitude scale, 万/亿 or million/billion.
  if (lang === 'en') return enMagnitude(value);
  const [digits, magnitude] = zhMagnitude(value);
  return `${digits}${magnitude}`;
}

/** The locale whose calendar words each edition prints: 2022年7月25日 / 25 July 2022 (British order, as the English edition writes). */
const DATE_LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

/** An ISO date ("2022-07-25", "2023-02", "2022") as a UTC date and the parts it gives. */
function calendarDate(iso: string): { date: Date; parts: Intl.DateTimeFormatOptions } {
  const [y, m, d] = iso.split('-').map(Number);
  return { date: new Date(Date.UTC(y, (m || 1) - 1, d || 1)), parts: { year: 'numeric', ...(m && { month: 'long' }), ...(m && d && { day: 'numeric' }) } };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per edition and precision, made once: making one costs far more than formatting (0.5 s a build at 100 counties). */
function dateFormat(lang: Lang, parts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(parts)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(DATE_LOCALES[lang], { ...parts, timeZone: 'UTC' })));
  return format;
}

/** A date as printed in each edition: 2022年7月25日 / 25 July 2022, 2023年2月 / February 2023, 2022年 / 2022. */
export function formatDate(iso: string, lang: Lang): string {
  const { date, parts } = calendarDate(iso);
  return dateFormat(lang, parts).format(date);
}

/** A full date's year, month and day as the edition writes them inside a date: { year: "2026", month: "11" / "November", day: "23" }. */
export function dateParts(iso: string, lang: Lang): { year: string; month: string; day: string } {
  const { date } = calendarDate(iso);
  const parts = dateFormat(lang, { year: 'numeric', month: 'long', day: 'numeric' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return { year: part('year'), month: part('month'), day: part('day') };
}

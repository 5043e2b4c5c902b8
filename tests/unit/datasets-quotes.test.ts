/**
 * Every figure in every released dataset is checked against the saved source
 * page it cites:
 *   - its quote occurs in the source text (all whitespace ignored: the saved
 *     pages break lines mid-sentence);
 *   - the number, as the site writes it in Chinese, occurs in its quote, so a
 *     typo in `value` is caught;
 *   - its qualifiers occur in the quote, in the order given.
 *
 * The source texts live outside the repository: ../shared/sources (where CI has
 * them), or the folder in SOURCES_DIR. Without them the test is skipped with a
 * message, except in CI, where it fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllDatasets } from '../../src/datasets.ts';
import { formatFigure } from '../../src/format.ts';
import { QUALIFIERS } from '../../src/qualifiers.ts';
import { isFigure } from '../../src/references.ts';
import type { Field, Figure } from '../../src/schemas.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCES_DIR = path.resolve(ROOT, process.env.SOURCES_DIR ?? '../shared/sources');
const haveSources = existsSync(SOURCES_DIR);

/**
 * Figures whose number the source writes in Chinese words, so the digits the
 * site prints cannot be found in the quote. Keep this list short: each entry
 * must still be needed (checked below).
 */
const WRITTEN_IN_WORDS: Record<string, string> = {
  'jishishan/bai-xue-later/monthly_pay_yuan': '“月入过万”: over ten thousand, written 万',
  'programme/xjtu-article/charity_week_years': '“发起六年以来”: six years, written 六',
  'programme/xjtu-article/governance_counties': '“十余个县域”: more than ten, written 十',
  'gongyi-baobei/wang-zhenyao/avg_donation_fen': '“每笔四分多钱”: four fen, written 四',
  'field-study-2023/xjtu-2023/duration_months': '“历时两月”: two months, written 两',
};

const squash = (text: string) => text.replace(/\s+/g, '');

/** How the site may write the figure's number: with and without unit and 余/多 (qualifiers before the number are checked separately). */
function writtenForms(figure: Figure, field: Field): string[] {
  const afterNumber = figure.qualifiers.filter((q) => QUALIFIERS[q].position === 'after-number');
  const forms = [[], afterNumber].flatMap((qualifiers) =>
    [field.unit, { zh: '', en: '' }].map((unit) => formatFigure({ value: figure.value, qualifiers }, { ...field, unit }, 'zh')),
  );
  return [...new Set(forms)];
}

/** The form occurs as a whole number: "38" is not found in "138" or "380". */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const occursIn = (quote: string, form: string) => new RegExp(`(?<![\\d.])${escape(form)}(?![\\d.])`).test(quote);

/** True when every qualifier occurs in the quote, each after the previous one. */
function qualifiersInOrder(quote: string, qualifiers: readonly string[]): boolean {
  let from = 0;
  for (const q of qualifiers) {
    const at = quote.indexOf(q, from);
    if (at < 0) return false;
    from = at + q.length;
  }
  return true;
}

const datasets = loadAllDatasets(ROOT).all;
const figures = datasets.flatMap(({ file, data }) =>
  data.rows.flatMap((row) =>
    data.fields
      .filter((field) => isFigure(row[field.key]))
      .map((field) => {
        const figure = row[field.key] as Figure;
        const source = data.sources.find((s) => s.id === figure.source)!;
        return { key: `${data.id}/${row.id}/${field.key}`, file, field, figure, source };
      }),
  ),
);

describe('figure quotes', () => {
  if (!haveSources) {
    const message = `source texts not found in ${SOURCES_DIR}: set SOURCES_DIR to the folder of the saved pages`;
    if (process.env.CI === 'true') {
      it('finds the source texts (required in CI)', () => expect.fail(message));
    } else {
      console.warn(`SKIPPED quote checks: ${message}`);
      it.skip(`quote checks: ${message}`, () => {});
    }
    return;
  }

  const texts = new Map<string, string>();
  const sourceText = (file: string) => {
    if (!texts.has(file)) texts.set(file, squash(readFileSync(path.join(SOURCES_DIR, file), 'utf8')));
    return texts.get(file)!;
  };

  it('checks a real number of figures', () => {
    expect(figures.length).toBeGreaterThan(50);
  });

  it.each(figures)('$key: the quote is in $source.file', ({ file, figure, source }) => {
    expect(existsSync(path.join(SOURCES_DIR, source.file)), `${file}: source file ${source.file} is missing`).toBe(true);
    expect(sourceText(source.file).includes(squash(figure.quote)), `${file}: quote “${figure.quote}” is not in ${source.file}`).toBe(true);
  });

  it.each(figures)('$key: the value, as written, is in its quote', ({ key, file, field, figure }) => {
    const quote = squash(figure.quote);
    const found = writtenForms(figure, field).some((form) => occursIn(quote, form));
    if (WRITTEN_IN_WORDS[key]) {
      expect(found, `${key} is listed in WRITTEN_IN_WORDS but its digits are in the quote: remove it from the list`).toBe(false);
    } else {
      expect(found, `${file}: ${key} = ${figure.value}, written ${writtenForms(figure, field).join(' / ')}, is not in “${figure.quote}”`).toBe(true);
    }
  });

  it.each(figures)('$key: the qualifiers are in the quote, in order', ({ file, key, figure }) => {
    expect(qualifiersInOrder(squash(figure.quote), figure.qualifiers), `${file}: ${key} qualifiers ${figure.qualifiers.join(', ')} are not all in “${figure.quote}” in this order`).toBe(true);
  });

  it('lists only figures that exist as written-in-words exceptions', () => {
    const keys = new Set(figures.map((f) => f.key));
    expect(Object.keys(WRITTEN_IN_WORDS).filter((k) => !keys.has(k))).toEqual([]);
  });
});

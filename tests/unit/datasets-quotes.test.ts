/**
 * The quote check (src/data/quotes.ts) on every real figure of every dataset
 * version, against the saved pages in data/sources/; and the messages for a
 * misquote, a wrong number, swapped qualifiers and a stale written-in-words entry.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAllDatasets } from '#/data/datasets.ts';
import {
  checkFigure,
  checkQuotes,
  closestPassage,
  quotedFigures,
  readWrittenInWords,
  SOURCE_TEXTS_DIR,
  WRITTEN_IN_WORDS_FILE,
  type QuotedFigure,
} from '#/data/quotes.ts';
import { copyFolders, PROJECT as ROOT } from '../helpers/sandbox.ts';

const datasets = loadAllDatasets(ROOT).all;
const figures = quotedFigures(datasets);
const inWords = new Set(readWrittenInWords(ROOT).map((e) => e.figure));
const article = (file: string) => readFileSync(path.join(ROOT, SOURCE_TEXTS_DIR, file), 'utf8').replace(/\s+/g, '');

describe('every real figure', () => {
  it('is a real number of figures', () => {
    expect(figures.length).toBeGreaterThan(50);
  });

  it.each(figures.map((f) => [f.at.key, f.at.file, f] as const))(
    '%s (%s): quote in its article, number in its quote, qualifiers in order',
    (_key, _file, f) => {
      expect(checkFigure(f, article(f.source.file), inWords.has(f.at.key)).map((e) => e.message)).toEqual([]);
    },
  );

  it('passes the whole check, written-in-words entries included (each one still needed)', () => {
    expect(checkQuotes(ROOT, datasets).map((e) => e.message)).toEqual([]);
    expect(inWords.size).toBeGreaterThan(0);
  });
});

/** A real figure with qualifiers before its number, to break one thing at a time. */
const sample = figures.find((f) => f.figure.qualifiers.length >= 2 && !inWords.has(f.at.key))!;
const withFigure = (change: Partial<QuotedFigure['figure']>): QuotedFigure => ({ ...sample, figure: { ...sample.figure, ...change } });
const problems = (f: QuotedFigure) => checkFigure(f, article(f.source.file)).map((e) => e.message);

describe('a broken figure is refused, naming the dataset file, the JSON path and the row', () => {
  it('uses a real figure with two qualifiers', () => {
    expect(sample, 'no real figure has two qualifiers').toBeDefined();
  });

  it('a one-character misquote: shows the closest passage with the first difference marked', () => {
    const quote = sample.figure.quote;
    // Change the last character but one, which is not whitespace: a typo near the end.
    const at = quote.length - 2;
    const typo = quote[at] === '的' ? '地' : '的';
    const [message, ...rest] = problems(withFigure({ quote: quote.slice(0, at) + typo + quote.slice(at + 1) }));
    expect(rest).toEqual([]);
    expect(message).toContain(`${sample.at.file}: field "${sample.at.path}.quote" (row "${sample.at.row}")`);
    expect(message).toContain(`is not in ${SOURCE_TEXTS_DIR}/${sample.source.file}`);
    expect(message).toContain(`differs at character ${at + 1}`);
    expect(message).toContain(`⟦${typo}⟧`);
    expect(message).toContain(`⟦${quote[at]}⟧`);
  });

  it('a wrong number: names the value and how the site writes it', () => {
    const [message, ...rest] = problems(withFigure({ value: sample.figure.value + 1 }));
    expect(rest).toEqual([]);
    expect(message).toContain(`${sample.at.file}: field "${sample.at.path}.value" (row "${sample.at.row}")`);
    expect(message).toContain(`${sample.figure.value + 1}, as the site writes it`);
    expect(message).toContain(WRITTEN_IN_WORDS_FILE);
  });

  it('swapped qualifiers: says which comes first in the quote', () => {
    const [first, second, ...others] = sample.figure.qualifiers;
    const [message, ...rest] = problems(withFigure({ qualifiers: [second, first, ...others] }));
    expect(rest).toEqual([]);
    expect(message).toContain(`${sample.at.file}: field "${sample.at.path}.qualifiers" (row "${sample.at.row}")`);
    expect(message).toContain(`"${first}" comes before "${second}" in the quote`);
  });

  it('a qualifier that is not in the quote', () => {
    const missing = sample.figure.quote.includes('约') ? '近' : '约';
    expect(problems(withFigure({ qualifiers: [...sample.figure.qualifiers, missing] as never })).join()).toContain(`"${missing}" is not in the quote`);
  });
});

describe('closestPassage', () => {
  const text = '一次助农活动就销售板栗38吨,销售额230万元,帮助当地';
  it('aligns on the start when the quote goes wrong late', () => {
    expect(closestPassage(text, '一次助农活动就销售板栗38吨，销售额')).toMatchObject({ quoteAt: 14, passageAt: 14 });
  });
  it('aligns on the end when the quote goes wrong early', () => {
    const found = closestPassage(text, '两次助农活动就销售板栗38吨,销售额');
    expect(found?.quoteAt).toBe(0);
    expect(found?.passage.endsWith('一次助农活动就销售板栗38吨,销售额')).toBe(true);
    expect(found?.passage[found.passageAt]).toBe('一');
  });
  it('finds nothing when nothing matches', () => {
    expect(closestPassage(text, '完全无关')).toBeUndefined();
  });
});

describe(`${WRITTEN_IN_WORDS_FILE}`, () => {
  const copy = copyFolders([SOURCE_TEXTS_DIR]);
  const root = copy.root;
  afterAll(() => copy.dispose());
  const withEntries = (entries: unknown) => {
    writeFileSync(path.join(root, WRITTEN_IN_WORDS_FILE), JSON.stringify(entries));
    return checkQuotes(root, datasets).map((e) => e.message);
  };
  const real = JSON.parse(readFileSync(path.join(ROOT, WRITTEN_IN_WORDS_FILE), 'utf8')) as { figure: string; reason: string }[];

  it('without its entries, each word-written figure is refused', () => {
    const messages = withEntries([]);
    // An entry names a figure in every version of its dataset: each version's copy is refused.
    expect(messages).toHaveLength(figures.filter((f) => inWords.has(f.at.key)).length);
    for (const { figure } of real) expect(messages.join('\n')).toContain(`"figure": "${figure}"`);
  });

  it('refuses an entry that is not needed, and one naming no figure (with the nearest)', () => {
    const digits = figures.find((f) => !inWords.has(f.at.key))!.at.key;
    const typo = `${real[0].figure}s`;
    const messages = withEntries([...real, { figure: digits, reason: 'not really in words' }, { figure: typo, reason: 'a misspelt key' }]);
    expect(messages).toContain(
      `${WRITTEN_IN_WORDS_FILE}: field "[${real.length}].figure": "${digits}" has its digits in the quote (${figures
        .filter((f) => f.at.key === digits)
        .map((f) => f.at.file)
        .join(', ')}), so it is not written in words: remove the entry`,
    );
    expect(messages.join('\n')).toContain(`field "[${real.length + 1}].figure": no dataset has the figure "${typo}" (did you mean "${real[0].figure}"?)`);
  });

  it('refuses an unknown key in an entry', () => {
    expect(withEntries([{ ...real[0], reasn: 'x' }]).join('\n')).toContain('field "[0].reasn": unknown key "reasn" (did you mean "reason"?)');
  });
});

/**
 * The quote check: every figure in every dataset version is checked against
 * the saved page (data/sources/) it cites.
 *   - its quote occurs in the page, whitespace ignored (the saved pages break
 *     lines mid-sentence);
 *   - its number, as the site writes it in Chinese, occurs in its quote, so a
 *     typo in `value` is caught;
 *   - its qualifiers occur in the quote, in the order given.
 * A number the article writes in words (月入过万) is listed, with the reason,
 * in data/written-in-words.json; each entry must still be needed.
 *
 * Run by `npm run check:content`, `npm run release-datasets` and the build
 * (src/authoring/checks.ts), before any page renders.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { figureCells, type LoadedDataset } from './datasets.ts';
import { DataError, describeIssues } from '#/authoring/errors.ts';
import { formatFigure } from '#/i18n/format.ts';
import { readJsonFile } from './json-file.ts';
import { QUALIFIERS } from './qualifiers.ts';
import { strict, type Field, type Figure, type Source } from './schemas.ts';
import { didYouMean } from '#/authoring/suggest.ts';

export const SOURCE_TEXTS_DIR = 'data/sources';
export const WRITTEN_IN_WORDS_FILE = 'data/written-in-words.json';

/** "jishishan/bai-xue-later/monthly_pay_yuan": a figure in every version of its dataset. */
export const figureKey = (dataset: string, row: string, field: string) => `${dataset}/${row}/${field}`;

const writtenInWords = z.array(
  strict({
    figure: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+\/[a-z][a-z0-9_]*$/, 'dataset/row/field, e.g. "jishishan/bai-xue-later/monthly_pay_yuan"'),
    /** The article's words and why its digits cannot be found: “月入过万”: over ten thousand, written 万. */
    reason: z.string().min(5),
  }),
);
export type WrittenInWords = z.infer<typeof writtenInWords>;

/** The exceptions in data/written-in-words.json (none if the file does not exist). */
export function readWrittenInWords(root: string): WrittenInWords {
  if (!existsSync(path.join(root, WRITTEN_IN_WORDS_FILE))) return [];
  const parsed = writtenInWords.safeParse(readJsonFile(root, WRITTEN_IN_WORDS_FILE).value);
  if (!parsed.success) throw new DataError(WRITTEN_IN_WORDS_FILE, describeIssues(parsed.error.issues));
  return parsed.data;
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** How the site may write the figure's number: with and without unit and 余/多 (qualifiers before the number are checked separately). */
export function writtenForms(figure: Figure, field: Field): string[] {
  const afterNumber = figure.qualifiers.filter((q) => QUALIFIERS[q].position === 'after-number');
  const forms = [[], afterNumber].flatMap((qualifiers) =>
    [field.unit, { zh: '', en: '' }].map((unit) => formatFigure({ value: figure.value, qualifiers }, { ...field, unit }, 'zh')),
  );
  return [...new Set(forms)];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** The form occurs as a whole number: "38" is not found in "138" or "380". */
const occursIn = (quote: string, form: string) => new RegExp(`(?<![\\d.])${escapeRegExp(form)}(?![\\d.])`).test(quote);

/** Why the qualifiers are not in the quote in this order, or undefined when they are. */
export function qualifierOrderProblem(quote: string, qualifiers: readonly string[]): string | undefined {
  let from = 0;
  for (const [i, q] of qualifiers.entries()) {
    const at = quote.indexOf(q, from);
    if (at >= 0) {
      from = at + q.length;
      continue;
    }
    if (!quote.includes(q)) return `"${q}" is not in the quote`;
    return `"${q}" comes before "${qualifiers[i - 1]}" in the quote, so list it first`;
  }
  return undefined;
}

/** Longest k such that `has(k)` holds, for a property that holds for every k below a limit. */
function longest(max: number, has: (k: number) => boolean): number {
  let [lo, hi] = [0, max];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (has(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const mark = (text: string, at: number) => `${text.slice(0, at)}⟦${text[at] ?? ''}⟧${text.slice(at + 1)}`;

/**
 * Where the article comes closest to the quote (both without whitespace):
 * aligned on the longest start of the quote found in it, or on the longest
 * end, whichever is longer. Undefined when nothing of the quote is there.
 */
export function closestPassage(article: string, quote: string): { passage: string; quoteAt: number; passageAt: number } | undefined {
  const prefix = longest(quote.length, (k) => article.includes(quote.slice(0, k)));
  const suffix = longest(quote.length, (k) => article.includes(quote.slice(quote.length - k)));
  if (Math.max(prefix, suffix) < 2) return undefined;
  if (prefix >= suffix) {
    const start = article.indexOf(quote.slice(0, prefix));
    return { passage: article.slice(start, start + quote.length + 2), quoteAt: prefix, passageAt: prefix };
  }
  const end = article.indexOf(quote.slice(quote.length - suffix)) + suffix;
  const start = Math.max(0, end - quote.length - 2);
  const passage = article.slice(start, end);
  return { passage, quoteAt: quote.length - suffix - 1, passageAt: passage.length - suffix - 1 };
}

/** Where a figure is, for messages: its dataset file, JSON path and row. */
export interface FigureAt {
  file: string;
  /** rows[3].sales_yuan */
  path: string;
  row: string;
  key: string;
}

export interface QuotedFigure {
  at: FigureAt;
  figure: Figure;
  field: Field;
  source: Source;
}

/** Every figure of the given dataset versions, with where it is and the source it cites. */
export function quotedFigures(datasets: readonly LoadedDataset[]): QuotedFigure[] {
  return datasets.flatMap(({ file, data }) =>
    [...figureCells(data)].map(({ rowIndex, row, field, figure }) => ({
      at: { file, path: `rows[${rowIndex}].${field.key}`, row: row.id, key: figureKey(data.id, row.id, field.key) },
      figure,
      field,
      // The schema has checked that the source is listed.
      source: data.sources.find((s) => s.id === figure.source)!,
    })),
  );
}

/**
 * The problems of one figure against its article's text (whitespace removed).
 * `inWords`: the figure is listed in data/written-in-words.json.
 */
export function checkFigure({ at, figure, field, source }: QuotedFigure, article: string, inWords = false): DataError[] {
  const errors: DataError[] = [];
  const where = (part: string) => `field "${at.path}.${part}" (row "${at.row}")`;
  const quote = squash(figure.quote);
  if (!article.includes(quote)) {
    const close = closestPassage(article, quote);
    const shown = close
      ? `The closest passage differs at character ${close.quoteAt + 1} (marked ⟦ ⟧): quote “${mark(quote, close.quoteAt)}”, article “${mark(close.passage, close.passageAt)}”.`
      : 'Nothing like it is in the article.';
    errors.push(new DataError(at.file, `${where('quote')}: the quote is not in ${SOURCE_TEXTS_DIR}/${source.file} (whitespace ignored). ${shown} Copy the words again, character for character, from the saved page.`));
  }
  const forms = writtenForms(figure, field);
  const found = forms.some((form) => occursIn(quote, form));
  if (!found && !inWords) {
    errors.push(
      new DataError(
        at.file,
        `${where('value')}: ${figure.value}, as the site writes it (${forms.join(' or ')}), is not in its quote “${figure.quote}”. ` +
          `Correct the value (or the unit) to the article's number; if the article writes this number in words, add { "figure": "${at.key}", "reason": "…" } to ${WRITTEN_IN_WORDS_FILE}.`,
      ),
    );
  }
  const order = qualifierOrderProblem(quote, figure.qualifiers);
  if (order) errors.push(new DataError(at.file, `${where('qualifiers')}: ${JSON.stringify(figure.qualifiers)} must be words of the quote “${figure.quote}”, in its order: ${order}.`));
  return errors;
}

/** Whether the figure's digits are in its quote (used to check that a written-in-words entry is needed). */
export const digitsInQuote = ({ figure, field }: QuotedFigure) => writtenForms(figure, field).some((form) => occursIn(squash(figure.quote), form));

/**
 * Check every figure of `datasets` against its saved page under `root`, and
 * every written-in-words entry for being needed. Returns every problem found.
 */
export function checkQuotes(root: string, datasets: readonly LoadedDataset[]): DataError[] {
  const errors: DataError[] = [];
  let exceptions: WrittenInWords = [];
  try {
    exceptions = readWrittenInWords(root);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    errors.push(error);
  }
  const inWords = new Set(exceptions.map((e) => e.figure));
  const saved = existsSync(path.join(root, SOURCE_TEXTS_DIR)) ? readdirSync(path.join(root, SOURCE_TEXTS_DIR)).filter((f) => f.endsWith('.txt')) : [];
  const texts = new Map<string, string>();

  for (const { file, data } of datasets) {
    data.sources.forEach((s, i) => {
      if (!saved.includes(s.file)) errors.push(new DataError(file, `field "sources[${i}].file": ${SOURCE_TEXTS_DIR}/${s.file} does not exist${didYouMean(s.file, saved)}; the saved pages are ${saved.join(', ') || 'none'}`));
    });
  }
  const figures = quotedFigures(datasets);
  for (const quoted of figures) {
    if (!saved.includes(quoted.source.file)) continue;
    if (!texts.has(quoted.source.file)) texts.set(quoted.source.file, squash(readFileSync(path.join(root, SOURCE_TEXTS_DIR, quoted.source.file), 'utf8')));
    errors.push(...checkFigure(quoted, texts.get(quoted.source.file)!, inWords.has(quoted.at.key)));
  }

  const byKey = Map.groupBy(figures, (f) => f.at.key);
  exceptions.forEach(({ figure }, i) => {
    const named = byKey.get(figure);
    if (!named) errors.push(new DataError(WRITTEN_IN_WORDS_FILE, `field "[${i}].figure": no dataset has the figure "${figure}"${didYouMean(figure, byKey.keys())}: remove the entry`));
    else if (named.every(digitsInQuote)) {
      errors.push(new DataError(WRITTEN_IN_WORDS_FILE, `field "[${i}].figure": "${figure}" has its digits in the quote (${named.map((f) => f.at.file).join(', ')}), so it is not written in words: remove the entry`));
    }
  });
  return errors;
}

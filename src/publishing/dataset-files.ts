/**
 * The downloadable files of a dataset version.
 *
 * JSON: the released file itself, byte for byte, so its hash is the one in
 * data/datasets.lock.json.
 *
 * CSV: one line per row, lossless, UTF-8 with a byte-order mark so that
 * spreadsheet software opens the Chinese correctly. Columns are named after
 * field keys:
 *   text field "event"          → event.zh, event.en
 *   figure field "sales_yuan"   → sales_yuan (the number), sales_yuan.qualifiers
 *                                 (space-separated, source order), .status, .source,
 *                                 .quote, and .claimant / .as_of / .note.zh / .note.en when any row has them
 *                                 (.claimant is an id in data/claimants.json: who makes the claim)
 *   date / admin-code fields    → the field key
 * An empty cell is a missing value. `csvToRows` reads the file back.
 *
 * Safe to open in a spreadsheet: a text cell that starts with = + - @, a tab
 * or a carriage return would run there as a formula, so it is written with a
 * leading apostrophe ('=1+1), as is a text cell that itself starts with an
 * apostrophe, so the rule can be undone exactly: a program drops one leading
 * apostrophe from every text cell (csvToRows does). Number columns (a figure's
 * value) are never changed: -3 stays a number. The JSON file is the exact data.
 *
 * Tidy CSV: one line per figure, for people (tidyCsv, below).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { csvFormatRow, csvParse } from 'd3';
import { figureCells, versionKey, type LoadedDataset } from '#/data/datasets.ts';
import type { Claimant, County, Dataset, Field, Figure, Row } from '#/data/schemas.ts';
import { isFigure } from '#/data/lookup.ts';
import { attribution } from '#/data/claimants.ts';
import { QUALIFIERS } from '#/data/qualifiers.ts';
import { formatFigure } from '#/i18n/format.ts';
import { t } from '#/i18n/words.ts';
import type { Lang } from '#/i18n/editions.ts';

export const BOM = '\uFEFF';

/** The released JSON file's exact text. */
export const datasetJsonText = (root: string, dataset: LoadedDataset) => readFileSync(path.join(root, dataset.file), 'utf8');

/** A number column holds a figure's value as written by String(number); every other column is text. */
type Column = { name: string; get: (row: Row) => string; number?: true };

/** Characters that make a spreadsheet read a cell as a formula, and the apostrophe that escapes them (and itself). */
const FORMULA_START = /^[=+\-@\t\r']/;
export const spreadsheetSafe = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
export const fromSpreadsheetSafe = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function figureOf(row: Row, key: string): Figure | undefined {
  const cell = row[key];
  return isFigure(cell) ? cell : undefined;
}

function columnsFor(field: Field, rows: Row[]): Column[] {
  const k = field.key;
  if (field.type === 'text') {
    const text = (row: Row, lang: 'zh' | 'en') => {
      const cell = row[k];
      return cell && typeof cell === 'object' && !isFigure(cell) ? cell[lang] : '';
    };
    return [
      { name: `${k}.zh`, get: (r) => text(r, 'zh') },
      { name: `${k}.en`, get: (r) => text(r, 'en') },
    ];
  }
  if (field.type !== 'figure') return [{ name: k, get: (r) => (typeof r[k] === 'string' ? (r[k] as string) : '') }];
  const figures = rows.map((r) => figureOf(r, k)).filter((f) => f !== undefined);
  const columns: Column[] = [
    { name: k, get: (r) => str(figureOf(r, k)?.value), number: true },
    { name: `${k}.qualifiers`, get: (r) => (figureOf(r, k)?.qualifiers ?? []).join(' ') },
    { name: `${k}.status`, get: (r) => str(figureOf(r, k)?.status) },
    { name: `${k}.source`, get: (r) => str(figureOf(r, k)?.source) },
    { name: `${k}.quote`, get: (r) => str(figureOf(r, k)?.quote) },
  ];
  // Only where a version records claimants: the CSV of an older version stays as it was.
  if (figures.some((f) => f.claimant)) columns.push({ name: `${k}.claimant`, get: (r) => str(figureOf(r, k)?.claimant) });
  if (figures.some((f) => f.asOf)) columns.push({ name: `${k}.as_of`, get: (r) => str(figureOf(r, k)?.asOf) });
  if (figures.some((f) => f.note)) {
    columns.push({ name: `${k}.note.zh`, get: (r) => str(figureOf(r, k)?.note?.zh) });
    columns.push({ name: `${k}.note.en`, get: (r) => str(figureOf(r, k)?.note?.en) });
  }
  return columns;
}

/** The CSV download of a dataset version, BOM included. */
export function datasetCsv(data: Pick<Dataset, 'fields' | 'rows'>): string {
  const columns: Column[] = [{ name: 'id', get: (r) => r.id }, ...data.fields.flatMap((f) => columnsFor(f, data.rows))];
  const lines = [columns.map((c) => c.name), ...data.rows.map((r) => columns.map((c) => (c.number ? c.get(r) : spreadsheetSafe(c.get(r)))))];
  // CRLF between records, as RFC 4180 and spreadsheet software expect; line breaks inside quoted cells stay as they are.
  return BOM + lines.map((line) => csvFormatRow(line) + '\r\n').join('');
}

/**
 * Rows back from a CSV written by datasetCsv (BOM optional). Missing values
 * are left out of the row, so compare with rows whose null cells are dropped.
 */
export function csvToRows(csv: string, fields: Field[]): Row[] {
  const table = csvParse(csv.startsWith(BOM) ? csv.slice(1) : csv);
  const numbers = new Set(fields.filter((f) => f.type === 'figure').map((f) => f.key));
  return table.map((raw) => {
    const line = Object.fromEntries(Object.entries(raw).map(([name, cell]) => [name, cell && !numbers.has(name) ? fromSpreadsheetSafe(cell) : cell]));
    const row: Row = { id: line.id ?? '' };
    for (const f of fields) {
      const k = f.key;
      if (f.type === 'text') {
        if (line[`${k}.zh`] || line[`${k}.en`]) row[k] = { zh: line[`${k}.zh`] ?? '', en: line[`${k}.en`] ?? '' };
      } else if (f.type === 'figure') {
        if (!line[k]) continue;
        const figure: Figure = {
          value: Number(line[k]),
          quote: line[`${k}.quote`] ?? '',
          source: line[`${k}.source`] ?? '',
          qualifiers: (line[`${k}.qualifiers`] ?? '').split(' ').filter(Boolean) as Figure['qualifiers'],
          status: (line[`${k}.status`] || 'reported') as Figure['status'],
        };
        if (line[`${k}.claimant`]) figure.claimant = line[`${k}.claimant`];
        if (line[`${k}.as_of`]) figure.asOf = line[`${k}.as_of`];
        if (line[`${k}.note.zh`] || line[`${k}.note.en`]) figure.note = { zh: line[`${k}.note.zh`] ?? '', en: line[`${k}.note.en`] ?? '' };
        row[k] = figure;
      } else if (line[k]) {
        row[k] = line[k];
      }
    }
    return row;
  });
}

/**
 * The tidy CSV of a dataset version (/data/<id>/<version>.tidy.csv), for
 * people: one line per figure (figureCells, in the same order as the dataset
 * pages), 20 columns, every word in both languages. The lossless CSV above
 * stays the machine file; this one adds what a reader needs and it lacks:
 * labels, units, the figure as the site prints it, who says so, the source's
 * title and date.
 *
 *   dataset           "<id>@<version>", as the site names a version everywhere
 *   row, field        the row id and field key (the JSON's), to join back to it
 *   label_zh/_en      the field's label
 *   value             the number exactly as in the JSON (a number column: never escaped)
 *   unit_zh/_en       what the value counts; a share in tenths (成) is "%" (60 = 60%),
 *                     a rise in 倍 says so (1 = 高出1倍, 100% higher)
 *   as_printed_zh/_en the figure as the site prints it, with its qualifiers (formatFigure)
 *   qualifiers_zh/_en the source's qualifiers (超过 余) and their English ("more than; more than")
 *   status_zh/_en     reported, target or expected
 *   claimant_zh/_en   who makes the claim, as the site attributes it ("阿里巴巴称" / "Alibaba says");
 *                     empty in an older version that recorded no claimants
 *   quote             the article's exact words
 *   source_title      the article's title
 *   source_date       the article's date
 *   as_of             the date the figure describes when it differs from the article's; else empty
 *
 * Dates (source_date, as_of) are ISO 8601 text written after one tab
 * character: Excel turns a bare 2023-06 into 1 June 2023 (a day the source
 * never gave); with the tab it keeps the text, which it shows without the tab.
 * Unlike a leading apostrophe or ="2023-06", a tab is whitespace that any
 * program trims (tidyCsvRecords does). Every other text cell is formula-safe
 * as in the lossless CSV (spreadsheetSafe). UTF-8 with BOM, CRLF.
 */
export const TIDY_COLUMNS = [
  'dataset',
  'row',
  'field',
  'label_zh',
  'label_en',
  'value',
  'unit_zh',
  'unit_en',
  'as_printed_zh',
  'as_printed_en',
  'qualifiers_zh',
  'qualifiers_en',
  'status_zh',
  'status_en',
  'claimant_zh',
  'claimant_en',
  'quote',
  'source_title',
  'source_date',
  'as_of',
] as const;
export type TidyColumn = (typeof TIDY_COLUMNS)[number];
export type TidyRecord = Record<TidyColumn, string>;

/** Columns holding an ISO 8601 date, written after a tab so spreadsheets keep them as text. */
const TIDY_DATE_COLUMNS: ReadonlySet<TidyColumn> = new Set(['source_date', 'as_of']);
const TIDY_NUMBER_COLUMNS: ReadonlySet<TidyColumn> = new Set(['value']);
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The unit of a figure's value, as the tidy CSV states it: the field's unit, except where `format` changes what the number counts. */
function tidyUnit(field: Field, lang: Lang): string {
  if (field.format === 'cheng') return t(lang, 'tidyUnitCheng');
  if (field.format === 'times-higher') return t(lang, 'tidyUnitTimesHigher');
  return field.unit?.[lang] ?? '';
}

const STATUS_WORD = { reported: 'statusReported', target: 'statusTarget', expected: 'statusExpected' } as const;

/** One record per figure of a dataset version, before it is written out. */
export function tidyRecords(data: Dataset, claimants: ReadonlyMap<string, Claimant>): TidyRecord[] {
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  return [...figureCells(data)].map(({ row, field, figure }) => {
    const source = sources.get(figure.source)!;
    const claimant = figure.claimant ? claimants.get(figure.claimant) : undefined;
    if (figure.claimant && !claimant) throw new Error(`${versionKey(data.id, data.version)}: claimant "${figure.claimant}" is not in data/claimants.json`);
    const both = <T>(f: (lang: Lang) => T) => [f('zh'), f('en')] as const;
    const [label_zh, label_en] = both((l) => field.label[l]);
    const [unit_zh, unit_en] = both((l) => tidyUnit(field, l));
    const [as_printed_zh, as_printed_en] = both((l) => formatFigure(figure, field, l));
    const [status_zh, status_en] = both((l) => t(l, STATUS_WORD[figure.status]));
    const [claimant_zh, claimant_en] = both((l) => (claimant ? attribution(claimant, l) : ''));
    return {
      dataset: versionKey(data.id, data.version),
      row: row.id,
      field: field.key,
      label_zh,
      label_en,
      value: String(figure.value),
      unit_zh,
      unit_en,
      as_printed_zh,
      as_printed_en,
      qualifiers_zh: figure.qualifiers.join(' '),
      qualifiers_en: figure.qualifiers
        .map((q) => QUALIFIERS[q].en)
        .filter(Boolean)
        .join('; '),
      status_zh,
      status_en,
      claimant_zh,
      claimant_en,
      quote: figure.quote,
      source_title: source.title,
      source_date: source.date,
      as_of: figure.asOf ?? '',
    };
  });
}

/** A cell as written: numbers as they are, dates after a tab, other text formula-safe. */
function tidyCell(column: TidyColumn, text: string): string {
  if (TIDY_NUMBER_COLUMNS.has(column)) return text;
  if (TIDY_DATE_COLUMNS.has(column)) {
    if (text === '') return '';
    if (!ISO_DATE.test(text)) throw new Error(`tidy CSV: "${text}" in ${column} is not an ISO 8601 date`);
    return `\t${text}`;
  }
  return spreadsheetSafe(text);
}

/** A figure of a dataset version by its row id and field key. */
export interface FigureKey {
  row: string;
  field: string;
}

/**
 * The tidy CSV download of a dataset version, BOM included. With `only`
 * (a chart's figures: /downloads/charts/<id>.csv), just those figures, in
 * that order, each once; the columns and the cells are the same.
 */
export function tidyCsv(data: Dataset, claimants: ReadonlyMap<string, Claimant>, only?: readonly FigureKey[]): string {
  let records = tidyRecords(data, claimants);
  if (only) {
    const byKey = new Map(records.map((r) => [`${r.row}\u0000${r.field}`, r]));
    const keys = [...new Set(only.map((k) => `${k.row}\u0000${k.field}`))];
    records = keys.map((k) => {
      const record = byKey.get(k);
      if (!record) throw new Error(`tidy CSV of ${versionKey(data.id, data.version)}: no figure ${k.replace('\u0000', ' → ')}`);
      return record;
    });
  }
  return csvText([[...TIDY_COLUMNS], ...records.map((r) => TIDY_COLUMNS.map((c) => tidyCell(c, r[c])))]);
}

/** Lines of cells as a CSV file: BOM, CRLF between records (RFC 4180, as spreadsheet software expects). */
export const csvText = (lines: string[][]) => BOM + lines.map((line) => csvFormatRow(line) + '\r\n').join('');

/** A map's own data (/downloads/maps/<id>.csv): the counties it shows, one line each, text cells formula-safe. */
export function countiesCsv(counties: readonly County[], storyUrl: (county: County) => string): string {
  const columns = ['code', 'official_name', 'name_zh', 'name_en', 'province_zh', 'province_en', 'story_url'];
  const rows = counties.map((c) => [c.code, c.officialName, c.name.zh, c.name.en, c.province.zh, c.province.en, storyUrl(c)].map(spreadsheetSafe));
  return csvText([columns, ...rows]);
}

/** Records back from a tidy CSV (BOM optional): dates trimmed, the formula-safety apostrophe dropped. */
export function tidyCsvRecords(csv: string): TidyRecord[] {
  const table = csvParse(csv.startsWith(BOM) ? csv.slice(1) : csv);
  return table.map(
    (raw) =>
      Object.fromEntries(
        TIDY_COLUMNS.map((c) => {
          const cell = raw[c] ?? '';
          return [c, TIDY_NUMBER_COLUMNS.has(c) ? cell : TIDY_DATE_COLUMNS.has(c) ? cell.trim() : fromSpreadsheetSafe(cell)];
        }),
      ) as TidyRecord,
  );
}

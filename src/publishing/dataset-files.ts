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
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { csvFormatRow, csvParse } from 'd3';
import type { LoadedDataset } from '#/data/datasets.ts';
import type { Dataset, Field, Figure, Row } from '#/data/schemas.ts';
import { isFigure } from '#/data/lookup.ts';

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

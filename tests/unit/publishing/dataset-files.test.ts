import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import { BOM, csvToRows, datasetCsv } from '#/publishing/dataset-files.ts';
import { loadAllDatasets } from '#/data/datasets.ts';
import { dataset as datasetSchema, type Row } from '#/data/schemas.ts';

/** A missing value and a null cell are the same thing in a CSV. */
const withoutNulls = (rows: Row[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined)));

const datasets = loadAllDatasets(process.cwd());

describe('CSV download', () => {
  it.each(datasets.all.map((d) => [`${d.data.id}@${d.data.version}`, d] as const))('%s starts with a BOM and round-trips to the same rows', (_, { data }) => {
    const csv = datasetCsv(data);
    expect(csv.startsWith(BOM)).toBe(true);
    const table = csvParse(csv.slice(1));
    expect(table.length).toBe(data.rows.length);
    expect(table.columns[0]).toBe('id');
    expect(table.map((r) => r.id)).toEqual(data.rows.map((r) => r.id));
    expect(csvToRows(csv, data.fields)).toEqual(withoutNulls(data.rows));
  });

  it('keeps commas, quotes, line breaks, notes, dates and qualifiers intact', () => {
    const data = datasetSchema.parse({
      id: 'edge',
      version: '1.0.0',
      released: '2026-01-01',
      license: 'CC-BY-4.0',
      title: { zh: '边界', en: 'Edges' },
      description: { zh: '测试', en: 'Test' },
      sources: [{ id: 'retu-2022', title: '标题', date: '2022-07-25', file: '003_096f2e30b87b1bab.txt' }],
      fields: [
        { key: 'name', label: { zh: '名称', en: 'Name' }, type: 'text' },
        { key: 'code', label: { zh: '代码', en: 'Code' }, type: 'admin-code' },
        { key: 'when', label: { zh: '时间', en: 'When' }, type: 'date' },
        { key: 'people', label: { zh: '人数', en: 'People' }, type: 'figure', unit: { zh: '人', en: 'people' } },
      ],
      rows: [
        {
          id: 'a',
          name: { zh: '逗号，和"引号"', en: 'comma, "quotes"\nand a new line' },
          code: '130321',
          when: '2022-07',
          people: {
            value: 4000,
            quote: '4000余人，"含"',
            source: 'retu-2022',
            qualifiers: ['超过', '余'],
            status: 'target',
            asOf: '2022',
            note: { zh: '注', en: 'note, with comma' },
          },
        },
        { id: 'b', name: { zh: '乙', en: 'B' }, code: null, when: '2023', people: { value: 0.5, quote: '0.5人', source: 'retu-2022' } },
      ],
    });
    const csv = datasetCsv(data);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFid,name.zh,name.en,code,when,people,people.qualifiers,people.status,people.source,people.quote,people.as_of,people.note.zh,people.note.en',
    );
    expect(csvToRows(csv, data.fields)).toEqual(withoutNulls(data.rows));
  });

  it('neutralises formulas in text cells with a leading apostrophe, keeps numbers as numbers, and reads back exactly', () => {
    const hostile = ['=HYPERLINK("http://x.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', "'=already quoted", "'plain apostrophe"];
    const data = datasetSchema.parse({
      id: 'formulas',
      version: '1.0.0',
      released: '2026-01-01',
      license: 'CC-BY-4.0',
      title: { zh: '公式', en: 'Formulas' },
      description: { zh: '测试', en: 'Test' },
      sources: [{ id: 'retu-2022', title: '标题', date: '2022-07-25', file: '003_096f2e30b87b1bab.txt' }],
      fields: [
        { key: 'name', label: { zh: '名称', en: 'Name' }, type: 'text' },
        { key: 'change', label: { zh: '变化', en: 'Change' }, type: 'figure', unit: { zh: '人', en: 'people' } },
      ],
      rows: hostile.map((text, i) => ({
        id: `r${i}`,
        name: { zh: text, en: text },
        change: { value: -3 - i, quote: text, source: 'retu-2022', note: { zh: text, en: text } },
      })),
    });
    const csv = datasetCsv(data);
    const table = csvParse(csv.slice(1));
    for (const [i, line] of table.entries()) {
      // In a spreadsheet no text cell starts a formula: each of these starts with the apostrophe.
      for (const column of ['name.zh', 'name.en', 'change.quote', 'change.note.zh', 'change.note.en'])
        expect(line[column], `${column} of row ${i}`).toBe(`'${hostile[i]}`);
      // The number column is left alone: negative numbers stay numbers.
      expect(line.change).toBe(String(-3 - i));
    }
    expect(csvToRows(csv, data.fields)).toEqual(withoutNulls(data.rows));
  });
});

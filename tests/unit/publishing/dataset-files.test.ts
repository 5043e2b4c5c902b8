import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import { BOM, csvToRows, datasetCsv, TIDY_COLUMNS, tidyCsv, tidyCsvRecords, tidyRecords } from '#/publishing/dataset-files.ts';
import { figureCells, loadAllDatasets } from '#/data/datasets.ts';
import { loadClaimants } from '#/data/claimants.ts';
import { dataset as datasetSchema, type Row } from '#/data/schemas.ts';

/** A missing value and a null cell are the same thing in a CSV. */
const withoutNulls = (rows: Row[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined)));

const datasets = loadAllDatasets(process.cwd());

/** A one-version dataset for these tests, from one saved article (its title given when it matters), with the fields and rows given. */
const testDataset = ({
  id,
  title,
  sourceTitle = '标题',
  fields,
  rows,
}: {
  id: string;
  title: { zh: string; en: string };
  sourceTitle?: string;
  fields: unknown[];
  rows: unknown[];
}) =>
  datasetSchema.parse({
    id,
    version: '1.0.0',
    released: '2026-01-01',
    license: 'CC-BY-4.0',
    title,
    description: { zh: '测试', en: 'Test' },
    sources: [{ id: 'retu-2022', title: sourceTitle, date: '2022-07-25', file: '003_096f2e30b87b1bab.txt' }],
    fields,
    rows,
  });

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
    const data = testDataset({
      id: 'edge',
      title: { zh: '边界', en: 'Edges' },
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
    const data = testDataset({
      id: 'formulas',
      title: { zh: '公式', en: 'Formulas' },
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

describe('tidy CSV download (one line per figure, for people)', () => {
  const claimants = loadClaimants(process.cwd());

  it.each(datasets.all.map((d) => [`${d.data.id}@${d.data.version}`, d] as const))(
    '%s: one line per figure, at most 20 columns, values equal to the JSON',
    (_, { data }) => {
      const csv = tidyCsv(data, claimants);
      expect(csv.startsWith(BOM)).toBe(true);
      // CRLF after every record, and no bare LF between records.
      expect(csv.endsWith('\r\n')).toBe(true);
      const table = csvParse(csv.slice(1));
      expect(table.columns).toEqual([...TIDY_COLUMNS]);
      expect(table.columns.length).toBeLessThanOrEqual(20);
      const cells = [...figureCells(data)];
      expect(table.length).toBe(cells.length);
      const records = tidyCsvRecords(csv);
      expect(records).toEqual(tidyRecords(data, claimants));
      for (const [i, { row, field, figure }] of cells.entries()) {
        const r = records[i];
        expect([r.dataset, r.row, r.field]).toEqual([`${data.id}@${data.version}`, row.id, field.key]);
        expect(Number(r.value)).toBe(figure.value);
        expect(r.quote).toBe(figure.quote);
        expect(r.source_title).toBe(data.sources.find((s) => s.id === figure.source)!.title);
        expect(r.as_of).toBe(figure.asOf ?? '');
        expect(r.qualifiers_zh.split(' ').filter(Boolean)).toEqual(figure.qualifiers);
        for (const c of ['label_zh', 'label_en', 'as_printed_zh', 'as_printed_en', 'status_zh', 'status_en', 'source_date'] as const)
          expect(r[c], c).not.toBe('');
      }
    },
  );

  it.each(datasets.all.filter((d) => datasets.latest(d.data.id) === d).map((d) => [`${d.data.id}@${d.data.version}`, d] as const))(
    '%s (newest): every line says who makes the claim, in both languages, and quotes the article',
    (_, { data }) => {
      for (const r of tidyCsvRecords(tidyCsv(data, claimants))) {
        expect(r.claimant_zh).toMatch(/称$/);
        expect(r.claimant_en).toMatch(/ says$/);
        expect(r.quote.length).toBeGreaterThan(1);
      }
    },
  );

  it('states units, qualifiers in English and the figure as printed (ai-dou women_share = 60 is 超过六成, more than 60%; qinglong price_rise_times = 1 is 100% higher)', () => {
    const record = (id: string, version: string, field: string) =>
      tidyCsvRecords(tidyCsv(datasets.get(id, version)!.data, claimants)).find((r) => r.field === field)!;
    const women = record('ai-dou', '1.1.0', 'women_share');
    expect([women.value, women.unit_en, women.as_printed_zh, women.as_printed_en, women.qualifiers_en]).toEqual([
      '60',
      '%',
      '超过六成',
      'more than 60%',
      'more than',
    ]);
    const price = record('qinglong', '1.1.0', 'price_rise_times');
    expect([price.value, price.as_printed_en]).toEqual(['1', '100% higher']);
    expect(price.unit_en).toContain('100% higher');
  });

  it('writes dates after a tab, so spreadsheets keep 2023-06 as text, and reads them back as ISO 8601', () => {
    const data = datasets.get('ai-dou', '1.1.0')!.data;
    const csv = tidyCsv(data, claimants);
    const raw = csvParse(csv.slice(1));
    const women = raw.find((r) => r.field === 'women_share')!;
    expect(women.as_of).toBe('\t2023-06');
    expect(women.source_date).toMatch(/^\t\d{4}-\d{2}-\d{2}$/);
    expect(tidyCsvRecords(csv).find((r) => r.field === 'women_share')!.as_of).toBe('2023-06');
  });

  it('keeps text cells formula-safe and numbers as numbers', () => {
    const data = testDataset({
      id: 'formulas',
      title: { zh: '公式', en: 'Formulas' },
      sourceTitle: '=HYPERLINK("x")',
      fields: [{ key: 'change', label: { zh: '+变化', en: '@Change' }, type: 'figure', unit: { zh: '人', en: 'people' } }],
      rows: [{ id: 'r', change: { value: -3, quote: '-3人', source: 'retu-2022', claimant: 'alibaba' } }],
    });
    const line = csvParse(tidyCsv(data, claimants).slice(1))[0];
    expect([line.label_zh, line.label_en, line.quote, line.source_title]).toEqual(["'+变化", "'@Change", "'-3人", `'=HYPERLINK("x")`]);
    expect(line.value).toBe('-3');
    expect(tidyCsvRecords(tidyCsv(data, claimants))[0].quote).toBe('-3人');
  });
});

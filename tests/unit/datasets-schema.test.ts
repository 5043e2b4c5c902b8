/**
 * Bad dataset files stop the build with an error that names the file and the
 * field. Each case is a small file in tests/fixtures/datasets/bad/, made from
 * the good fixture by one mistake an author could make.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDatasetFiles, loadDatasetFile } from '#/data/datasets.ts';
import { errorOf } from '../helpers/errors.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/datasets');
const good = path.join(FIXTURES, 'good');
const bad = path.join(FIXTURES, 'bad');

describe('a valid dataset file', () => {
  it('loads, with figure defaults filled in', () => {
    const { data, hash } = loadDatasetFile(good, 'data/datasets/sample/1.0.0.json');
    expect(data.rows.map((r) => r.id)).toEqual(['chestnut-drive', 'no-sales']);
    expect(data.rows[0].tonnes_sold).toMatchObject({ value: 38, qualifiers: [], status: 'reported' });
    expect(hash).toMatch(/^sha256-[0-9a-f]{64}$/);
  });
});

/** file → the field the error must name (or the words it must contain), and what it must say. */
const cases: [file: string, field: string, says: RegExp][] = [
  ['malformed-json/1.0.0.json', 'is not valid JSON', /JSON/],
  ['missing-quote/1.0.0.json', 'field "rows[0].tonnes_sold"', /"quote"/],
  ['unknown-qualifier/1.0.0.json', 'field "rows[0].tonnes_sold"', /"qualifiers\.0".*超过/],
  ['unknown-source/1.0.0.json', 'field "rows[0].sales_yuan.source"', /"nowhere-2022" is not listed/],
  ['duplicate-row/1.0.0.json', 'field "rows[1].id"', /duplicate row id "chestnut-drive"/],
  ['bare-number/1.0.0.json', 'field "rows[0].tonnes_sold"', /bare number/],
  ['text-for-figure/1.0.0.json', 'field "rows[0].tonnes_sold"', /is a figure field/],
  ['missing-unit/1.0.0.json', 'field "fields[3].unit"', /needs a unit/],
  ['unknown-field/1.0.0.json', 'field "rows[0].tonnes"', /not one of the dataset's fields/],
  ['bad-admin-code/1.0.0.json', 'field "rows[0].county"', /six digits/],
  ['bad-status/1.0.0.json', 'field "rows[0].tonnes_sold"', /"status".*reported/],
  ['missing-title-en/1.0.0.json', 'field "title.en"', /expected string/],
  ['wrong-folder/1.0.0.json', 'must be saved as data/datasets/sample/1.0.0.json', /id "sample"/],
  ['wrong-version/1.0.1.json', 'must be saved as data/datasets/wrong-version/1.0.0.json', /version "1.0.0"/],
];

describe('a bad dataset file', () => {
  it('has a test case for every bad fixture', () => {
    expect(
      listDatasetFiles(bad)
        .map((f) => f.replace('data/datasets/', ''))
        .sort(),
    ).toEqual(cases.map(([f]) => f).sort());
  });

  it.each(cases)('%s: the error names the file and %s', (name, field, says) => {
    const file = `data/datasets/${name}`;
    const message = errorOf(() => loadDatasetFile(bad, file));
    expect(message.startsWith(`${file}: `), `error "${message}" should start with the file`).toBe(true);
    expect(message).toContain(field);
    expect(message).toMatch(says);
  });
});

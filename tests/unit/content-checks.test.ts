/**
 * checkContent (src/authoring/checks.ts) on the real content, and on copies of
 * the real data files with one author's mistake each: an unknown key in any
 * data file (with the nearest known key), an impossible date, a version with
 * leading zeros, and files that are not clean JSON. Every message names the
 * file and the JSON path or line:column.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '#/authoring/checks.ts';
import { MAX_DATASET_BYTES } from '#/data/datasets.ts';
import { dataset as datasetSchema, isRealDate } from '#/data/schemas.ts';
import { messageOf } from '../helpers/errors.ts';
import { copyFolders, PROJECT as ROOT } from '../helpers/sandbox.ts';

const DATASET = 'data/datasets/qinglong/1.0.0.json';
const CHART = 'content/charts/qinglong-chestnut-drive.json';

// data/geo too: the geometry is checked with everything else.
const template = copyFolders(['data', 'content/charts']);
afterAll(() => template.dispose());

const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
/** Messages of checkContent on the template with `file` replaced by `content` (restored afterwards). */
function messagesWith(file: string, content: string | Buffer | ((data: any) => void)): string {
  const full = template.path(file);
  const original = readFileSync(full);
  if (typeof content === 'function') {
    const data = json(file);
    content(data);
    writeFileSync(full, `${JSON.stringify(data, null, 2)}\n`);
  } else writeFileSync(full, content);
  try {
    return messageOf(() => checkContent(template.root));
  } finally {
    writeFileSync(full, original);
  }
}

describe('the real content', () => {
  it('passes every check (all released 1.0.0 datasets included)', () => {
    const summary = checkContent(ROOT);
    expect(summary.datasets).toBeGreaterThanOrEqual(10);
    expect(summary.figures).toBeGreaterThan(50);
    expect(summary.charts).toBeGreaterThan(0);
  });

  it('passes on the copy these tests break', () => {
    expect(messagesWith(DATASET, readFileSync(path.join(ROOT, DATASET)))).toBe('');
  });
});

describe('an unknown key in a data file stops the build, naming the file, the path and the nearest known key', () => {
  const cases: [what: string, file: string, edit: (d: any) => void, says: string][] = [
    [
      'a figure: qualifers',
      DATASET,
      (d) => (d.rows[0].tonnes_sold.qualifers = ['超过']),
      'field "rows[0].tonnes_sold.qualifers": unknown key "qualifers" (did you mean "qualifiers"?)',
    ],
    [
      'a figure: stauts',
      DATASET,
      (d) => (d.rows[0].tonnes_sold.stauts = 'target'),
      'field "rows[0].tonnes_sold.stauts": unknown key "stauts" (did you mean "status"?)',
    ],
    ['a figure: asof', DATASET, (d) => (d.rows[0].tonnes_sold.asof = '2022'), 'field "rows[0].tonnes_sold.asof": unknown key "asof" (did you mean "asOf"?)'],
    ['a figure note: fr', DATASET, (d) => (d.rows[0].tonnes_sold.note = { zh: '注', en: 'Note', fr: 'Note' }), 'unknown key "fr" (the keys here are: zh, en)'],
    ['the dataset: relased', DATASET, (d) => (d.relased = d.released), 'field "relased": unknown key "relased" (did you mean "released"?)'],
    ['a field: labels', DATASET, (d) => (d.fields[0].labels = d.fields[0].label), 'field "fields[0].labels": unknown key "labels" (did you mean "label"?)'],
    ['a unit: zhh', DATASET, (d) => (d.fields.find((f: any) => f.unit).unit.zhh = '吨'), 'unknown key "zhh" (did you mean "zh"?)'],
    ['a dataset source: byLine', DATASET, (d) => (d.sources[0].byLine = '皮磊'), 'field "sources[0].byLine": unknown key "byLine" (did you mean "byline"?)'],
    [
      'a row: a misspelt field',
      DATASET,
      (d) => (d.rows[0].tonnes_sol = null),
      'field "rows[0].tonnes_sol": row "chestnut-drive" has "tonnes_sol", which is not one of the dataset\'s fields (did you mean "tonnes_sold"?)',
    ],
    [
      'counties.json',
      'data/counties.json',
      (c) => (c[0].offcialName = c[0].officialName),
      'data/counties.json: field "[0].offcialName": unknown key "offcialName" (did you mean "officialName"?)',
    ],
    ['sources.json', 'data/sources.json', (s) => (s[0].dat = s[0].date), 'data/sources.json: field "[0].dat": unknown key "dat" (did you mean "date"?)'],
    [
      'source-pages.json',
      'data/source-pages.json',
      (p) => (p[1].leftOut[0].reson = p[1].leftOut[0].reason),
      'data/source-pages.json: field "[1].leftOut[0].reson": unknown key "reson" (did you mean "reason"?)',
    ],
    [
      'timeline.json',
      'data/timeline.json',
      (t) => (t.events[0].tittle = t.events[0].title),
      'data/timeline.json: field "events[0].tittle": unknown key "tittle" (did you mean "title"?)',
    ],
    ['a chart spec', CHART, (c) => (c.subtitel = c.subtitle), `${CHART}: field "subtitel": unknown key "subtitel" (did you mean "subtitle"?)`],
  ];
  it.each(cases)('%s', (_, file, edit, says) => {
    const message = messagesWith(file, edit);
    expect(message).toContain(says);
    expect(message).toMatch(new RegExp(`(^|- )${file.replaceAll('.', '\\.')}: `, 'm'));
  });

  it('accepts a figure that names its claimant (interface I4)', () => {
    const data = json(DATASET);
    data.rows[0].tonnes_sold.claimant = 'alibaba';
    expect(datasetSchema.safeParse(data).success).toBe(true);
    data.rows[0].tonnes_sold.claimant = 'Alibaba Group';
    expect(datasetSchema.safeParse(data).success).toBe(false);
  });
});

describe('sources', () => {
  it('a source whose saved page is not in data/sources/ (with the nearest file)', () => {
    expect(messagesWith('data/sources.json', (s) => (s[1].file = s[1].file.replace('.txt', 'x.txt')))).toMatch(
      /data\/sources\.json: field "\[1\]\.file": data\/sources\/\S+x\.txt does not exist \(did you mean "\S+\.txt"\?\)/,
    );
  });

  it('a dataset whose copy of a source differs from data/sources.json', () => {
    expect(messagesWith(DATASET, (d) => (d.sources[0].title += '（转载）'))).toContain(
      `${DATASET}: field "sources[0]": differs from the "${json(DATASET).sources[0].id}" entry in data/sources.json: copy that entry unchanged`,
    );
  });
});

describe('dates and versions', () => {
  it.each(['2024-02-29', '2023-06', '2021'])('%s is a real date', (d) => expect(isRealDate(d)).toBe(true));
  it.each(['2026-02-30', '2023-02-29', '2023-13', '2023-13-01', '2023-00', '2023-04-31', '2023-1-1'])('%s is not', (d) => expect(isRealDate(d)).toBe(false));

  const cases: [what: string, file: string, edit: (d: any) => void, says: string][] = [
    ['a dataset released 2026-02-30', DATASET, (d) => (d.released = '2026-02-30'), `${DATASET}: field "released": this day does not exist`],
    [
      'a figure asOf month 13',
      DATASET,
      (d) => (d.rows[0].tonnes_sold.asOf = '2022-13'),
      `${DATASET}: field "rows[0].tonnes_sold": this figure is not valid: "asOf": this date does not exist`,
    ],
    [
      'a date cell 2021-02-30',
      'data/datasets/programme/1.0.0.json',
      (d) => (d.rows[0].date = '2021-02-30'),
      'data/datasets/programme/1.0.0.json: field "rows[0].date": "2021-02-30" is not a date that exists',
    ],
    ['a source dated month 13', 'data/sources.json', (s) => (s[0].date = '2022-13-25'), 'data/sources.json: field "[0].date": this day does not exist'],
    [
      'a dataset version 1.0.00',
      DATASET,
      (d) => (d.version = '1.0.00'),
      `${DATASET}: field "version": a semantic version such as "1.0.0" (numbers without leading zeros)`,
    ],
    ['a chart pinned to 01.0.0', CHART, (c) => (c.version = '01.0.0'), `${CHART}: field "version": a semantic version`],
    ['a timeline pinned to 1.00.0', 'data/timeline.json', (t) => (t.datasets[Object.keys(t.datasets)[0]] = '1.00.0'), 'data/timeline.json: field "datasets.'],
  ];
  it.each(cases)('%s is refused', (_, file, edit, says) => {
    expect(messagesWith(file, edit)).toContain(says);
  });
});

describe('a data file that is not clean JSON names the file', () => {
  const text = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
  const cases: [what: string, file: string, content: () => string | Buffer, says: RegExp][] = [
    [
      'counties.json with a missing comma',
      'data/counties.json',
      () => text('data/counties.json').replace('},', '}'),
      /data\/counties\.json: is not valid JSON at line \d+, column \d+: a comma is missing/,
    ],
    [
      'sources.json with a trailing comma',
      'data/sources.json',
      () => text('data/sources.json').replace(/\}\s*\]\s*$/, '},]'),
      /data\/sources\.json: is not valid JSON at line \d+, column \d+/,
    ],
    [
      'sources.json with a byte-order mark',
      'data/sources.json',
      () => `\uFEFF${text('data/sources.json')}`,
      /data\/sources\.json: starts with a byte-order mark \(BOM\)/,
    ],
    [
      'counties.json in Latin-1',
      'data/counties.json',
      () => Buffer.concat([Buffer.from('[{"code": "'), Buffer.from([0xe9]), Buffer.from('"}]')]),
      /data\/counties\.json: is not valid UTF-8 \(line 1, byte 11: 0xe9\)/,
    ],
    ['counties.json that is null', 'data/counties.json', () => 'null', /data\/counties\.json: field "\(top level\)": .*expected array/],
    ['redirects.json that is null', 'data/redirects.json', () => 'null', /data\/redirects\.json: field "\(top level\)"/],
    [
      'source-pages.json with a comment',
      'data/source-pages.json',
      () => `// pages\n${text('data/source-pages.json')}`,
      /data\/source-pages\.json: is not valid JSON at line 1, column 1: comments are not allowed/,
    ],
    [
      'timeline.json with a duplicate key',
      'data/timeline.json',
      () => text('data/timeline.json').replace('"events": [', '"datasets": {}, "events": ['),
      /data\/timeline\.json: field "datasets" \(line \d+, column \d+\): the key "datasets" is written twice/,
    ],
    [
      'a chart spec with an unclosed string',
      CHART,
      () => text(CHART).replace(/"id": "([^"]+)"/, '"id": "$1'),
      new RegExp(`${CHART}: is not valid JSON at line \\d+, column \\d+`),
    ],
    [
      'the locator geometry with a missing comma',
      'data/geo/locator.topo.json',
      () => text('data/geo/locator.topo.json').replace('},', '}'),
      /data\/geo\/locator\.topo\.json: is not valid JSON at line \d+, column \d+: a comma is missing/,
    ],
    [
      'the national geometry without a featured county',
      'data/geo/national.topo.json',
      () => text('data/geo/national.topo.json').replaceAll('"130321"', '"130399"'),
      /data\/geo\/national\.topo\.json: object "counties": no feature with id 130321/,
    ],
    ['the lock that is null', 'data/datasets.lock.json', () => 'null', /data\/datasets\.lock\.json: field "\(top level\)"/],
    ['an empty dataset file', DATASET, () => '', new RegExp(`${DATASET}: is not valid JSON at line 1, column 1: a value is expected`)],
  ];
  it.each(cases)('%s', (_, file, content, says) => {
    expect(messagesWith(file, content())).toMatch(says);
  });

  it(`a dataset file over ${MAX_DATASET_BYTES.bytes / 1e6} MB is refused, with the reason`, () => {
    const data = json(DATASET);
    data.description.en += ' padding'.repeat(MAX_DATASET_BYTES.bytes / 8);
    expect(messagesWith(DATASET, `${JSON.stringify(data)}\n`)).toContain(
      `${DATASET}: is 1.0 MB, over the limit of 1.0 MB: a dataset holds figures copied by hand`,
    );
  });
});

/** What changed between dataset versions, computed from the real released files. */
import { describe, expect, it } from 'vitest';
import { loadAllDatasets } from '#/data/datasets.ts';
import { diffDatasets, isEmptyDiff } from '#/data/dataset-diff.ts';
import { figureCells } from '#/data/datasets.ts';

const datasets = loadAllDatasets(process.cwd());
const pair = (id: string) => [datasets.get(id, '1.0.0')!.data, datasets.get(id, '1.1.0')!.data] as const;

describe('the diff of the real 1.0.0 → 1.1.0 files', () => {
  it('qinglong: a claimant for every figure, the 倍 field’s new English, the rewritten note; no row added or removed', () => {
    const [before, after] = pair('qinglong');
    const diff = diffDatasets(before, after);
    expect(diff).toMatchObject({ from: '1.0.0', to: '1.1.0', rowsAdded: [], rowsRemoved: [], fieldsAdded: [], fieldsRemoved: [] });
    // The description no longer credits envoy Liu Lin with the e-commerce training.
    expect(diff.meta.map((m) => m.aspect)).toEqual(['description.zh', 'description.en']);
    expect(diff.meta[1].after).toContain('trained by Alibaba');
    expect(diff.fieldChanges).toEqual([
      { field: 'price_rise_times', aspect: 'unit.en', before: 'times higher', after: 'higher' },
      { field: 'price_rise_times', aspect: 'format', before: 'number', after: 'times-higher' },
    ]);
    const claimantChanges = diff.cells.flatMap((c) => c.parts.filter((p) => p.aspect === 'claimant').map((p) => ({ cell: `${c.row}/${c.field}`, ...p })));
    expect(claimantChanges).toHaveLength([...figureCells(after)].length);
    for (const change of claimantChanges) expect(change).toMatchObject({ before: '', after: 'reporter' });
    const price = diff.cells.find((c) => c.row === 'chestnut-price' && c.field === 'price_rise_times')!;
    expect(price.kind).toBe('changed');
    expect(price.parts.map((p) => p.aspect)).toEqual(['claimant', 'note.zh', 'note.en']);
    // Values and quotes did not change.
    expect(diff.cells.flatMap((c) => c.parts).filter((p) => p.aspect === 'value' || p.aspect === 'quote')).toEqual([]);
  });

  it('jishishan: the corrected event text, old → new', () => {
    const diff = diffDatasets(...pair('jishishan'));
    const event = diff.cells.find((c) => c.row === 'bai-xue-later' && c.field === 'event')!;
    const zh = event.parts.find((p) => p.aspect === 'zh')!;
    expect(zh.before).toContain('产假');
    expect(zh.after).toContain('因生育暂时离职');
    expect(zh.after).not.toContain('产假');
  });

  it('envoy-coverage: the new field shows as a field added and as cells added in each row', () => {
    const diff = diffDatasets(...pair('envoy-coverage'));
    expect(diff.fieldsAdded).toEqual(['counted_as']);
    const added = diff.cells.filter((c) => c.field === 'counted_as');
    expect(added.map((c) => [c.row, c.kind])).toEqual([
      ['2022-07', 'added'],
      ['2023-02', 'added'],
    ]);
    expect(diff.fieldChanges.map((c) => `${c.field} ${c.aspect}`)).toContain('counties label.en');
  });

  it('rows added and removed, and a changed value, are reported as such', () => {
    const [before] = pair('pingan');
    const after = structuredClone(before);
    after.version = '9.9.9';
    const [sale] = after.rows;
    after.rows = [{ ...sale, id: 'another-sale', orders: { ...(sale.orders as object), value: 2881 } as typeof sale.orders }];
    const removed = diffDatasets(before, after);
    expect(removed.rowsRemoved).toEqual(['qingxiu-sale']);
    expect(removed.rowsAdded).toEqual(['another-sale']);
    expect(removed.cells).toEqual([]);

    const edited = structuredClone(before);
    (edited.rows[0].orders as { value: number }).value = 2881;
    const diff = diffDatasets(before, edited);
    expect(diff.cells).toEqual([{ row: 'qingxiu-sale', field: 'orders', kind: 'changed', parts: [{ aspect: 'value', before: '2880', after: '2881' }] }]);
    expect(isEmptyDiff(diffDatasets(before, structuredClone(before)))).toBe(true);
  });
});

/**
 * Who says so: the registry in data/claimants.json, the wording readers see,
 * and the build check that the newest version of every dataset gives every
 * figure a claimant — on the real datasets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribution, checkClaimants, loadClaimants, suppliedByLine } from '#/data/claimants.ts';
import { figureCells } from '#/data/datasets.ts';
import { indexDatasets, loadAllDatasets, type LoadedDataset } from '#/data/datasets.ts';
import { loadCharts } from '#/charts/registry.ts';
import { resolveChart } from '#/charts/resolve.ts';
import { renderChart } from '#/charts/render.ts';
import { tableRows } from '#/charts/words.ts';
import { chartSpec } from '#/data/schemas.ts';

const root = process.cwd();
const datasets = loadAllDatasets(root);
const claimants = loadClaimants(root);
const newest = [...new Set(datasets.all.map((d) => d.data.id))].map((id) => datasets.latest(id)!);
const claimant = (id: string) => claimants.get(id)!;

/** The real datasets with one newest version replaced by an edited copy. */
function withEdited(id: string, edit: (d: LoadedDataset['data']) => void) {
  const target = datasets.latest(id)!;
  const copy = { ...target, data: structuredClone(target.data) };
  edit(copy.data);
  return indexDatasets(datasets.all.map((d) => (d === target ? copy : d)));
}

describe('the claimant registry', () => {
  it('has unique ids, and exactly one claimant whose figures are the programme’s own (Alibaba)', () => {
    expect(claimants.size).toBe(JSON.parse(readFileSync(path.join(root, 'data/claimants.json'), 'utf8')).length);
    expect([...claimants.values()].filter((c) => c.suppliedByProgramme).map((c) => c.id)).toEqual(['alibaba']);
  });

  it('words every attribution from one rule, in both languages', () => {
    expect(attribution(claimant('alibaba'), 'zh')).toBe('阿里巴巴称');
    expect(attribution(claimant('alibaba'), 'en')).toBe('Alibaba says');
    expect(attribution(claimant('tsinghua-report'), 'zh')).toBe('清华大学报告称');
    expect(attribution(claimant('tsinghua-report'), 'en')).toBe('the Tsinghua University report says');
    expect(attribution(claimant('tsinghua-report'), 'en', { start: true })).toBe('The Tsinghua University report says');
    expect(attribution(claimant('reporter'), 'zh')).toBe('记者称');
    expect(attribution(claimant('reporter'), 'en', { start: true })).toBe('The reporter says');
    expect(suppliedByLine(claimant('alibaba'), 'zh')).toBe('数据由阿里巴巴提供');
    expect(suppliedByLine(claimant('alibaba'), 'en')).toBe('Figures supplied by Alibaba');
  });
});

describe('the claimant check on the real datasets', () => {
  it('passes: the newest version of every dataset gives every figure a known claimant', () => {
    expect(checkClaimants(datasets, claimants)).toEqual([]);
    for (const d of newest) for (const { figure } of figureCells(d.data)) expect(claimants.has(figure.claimant!)).toBe(true);
  });

  it('fails when a figure of a newest version has no claimant, naming the file, row and field', () => {
    const edited = withEdited('qinglong', (d) => delete (d.rows[0].tonnes_sold as { claimant?: string }).claimant);
    const [error, ...rest] = checkClaimants(edited, claimants);
    expect(rest).toEqual([]);
    expect(error.file).toBe(datasets.latest('qinglong')!.file);
    expect(error.message).toContain('field "rows[0].tonnes_sold.claimant" (row "chestnut-drive")');
    expect(error.message).toContain('say who makes this claim');
  });

  it('fails on an unknown claimant with the nearest known id', () => {
    const edited = withEdited('pingan', (d) => Object.assign(d.rows[0].orders as object, { claimant: 'xjtu-reserch-team' }));
    const [error] = checkClaimants(edited, claimants);
    expect(error.message).toContain('"xjtu-reserch-team" is not in data/claimants.json (did you mean "xjtu-research-team"?)');
  });

  it('does not ask released older versions (immutable) for claimants', () => {
    const older = datasets.all.filter((d) => datasets.latest(d.data.id) !== d);
    expect(older.length).toBeGreaterThan(0);
    expect(older.some((d) => [...figureCells(d.data)].some((c) => !c.figure.claimant))).toBe(true);
  });
});

describe('who says so in the 1.1.0 data (issue 12)', () => {
  const cells = newest.flatMap((d) => [...figureCells(d.data)].map((c) => ({ ...c, dataset: d })));

  it('credits no figure of the 2023-02-22 article to the Tsinghua report: they are the reporter’s (据了解)', () => {
    const read = cells.filter((c) => c.figure.source === 'tsinghua-2023');
    expect(read.length).toBeGreaterThan(0);
    for (const c of read) expect(c.figure.claimant).toBe('reporter');
  });

  it('credits Wang Zhenyao’s remark to him, and the report’s figures to the report', () => {
    const gongyi = cells.filter((c) => c.dataset.data.id === 'gongyi-baobei');
    for (const c of gongyi) expect(c.figure.claimant).toBe(c.row.id === 'wang-zhenyao' ? 'wang-zhenyao' : 'bnu-philanthropy-report');
  });

  it('no longer says maternity leave, Taobao merchants, or that Wang Shangnian brought in the forsythia project', () => {
    const text = (id: string) => readFileSync(path.join(root, datasets.latest(id)!.file), 'utf8');
    const newestOnly = (s: string) => s.replace(/"changes": \{.*?\},\n/s, '');
    expect(newestOnly(text('jishishan'))).not.toMatch(/产假|maternity/i);
    expect(newestOnly(text('gongyi-baobei'))).not.toMatch(/淘宝|Taobao/);
    expect(newestOnly(text('yijun'))).not.toContain('王尚念');
    expect(text('envoy-coverage')).not.toContain('time series, not an error');
  });
});

describe('charts of figures the programme supplied', () => {
  const specOf = (id: string, version: string) =>
    chartSpec.parse({ ...JSON.parse(readFileSync(path.join(root, `content/charts/${id}.json`), 'utf8')), version });

  it('say so in the drawn source line, in both editions', () => {
    const chart = resolveChart(specOf('programme-2022-targets', '1.1.0'), 'content/charts/programme-2022-targets.json', datasets, claimants);
    expect(chart.suppliedBy.map((c) => c.id)).toEqual(['alibaba']);
    expect(renderChart(chart, 'zh', { idPrefix: 'c' })).toContain('数据由阿里巴巴提供');
    expect(renderChart(chart, 'en', { idPrefix: 'c' })).toContain('Figures supplied by Alibaba');
    expect(tableRows(chart, 'en')[0].claimant).toBe('Alibaba says');
  });

  it('do not, when the figures are someone else’s or the version records no claimant', () => {
    const reporters = resolveChart(specOf('qinglong-chestnut-drive', '1.1.0'), 'content/charts/qinglong-chestnut-drive.json', datasets, claimants);
    expect(renderChart(reporters, 'zh', { idPrefix: 'c' })).not.toContain('数据由');
    const unattributed = resolveChart(specOf('programme-2022-targets', '1.0.0'), 'content/charts/programme-2022-targets.json', datasets, claimants);
    expect(renderChart(unattributed, 'en', { idPrefix: 'c' })).not.toContain('Figures supplied by');
  });

  it('the site’s own charts resolve their claimants from the registry', () => {
    const charts = loadCharts(root, datasets, claimants);
    for (const chart of charts.values()) for (const v of chart.values) expect(v.claimant?.id).toBe(v.figure.claimant);
  });
});

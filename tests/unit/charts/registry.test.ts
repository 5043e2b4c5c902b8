import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCharts, parseChartSpec } from '#/charts/registry.ts';
import { resolveChart } from '#/charts/resolve.ts';
import type { ChartSpec } from '#/data/schemas.ts';
import { fixtureDatasets, specs } from './fixtures.ts';
import { errorOf } from '../../helpers/errors.ts';

const datasets = fixtureDatasets();
const file = (id: string) => `content/charts/${id}.json`;
/** The message a spec fails with, from parsing through resolving. */
const problem = (spec: unknown, name = (spec as { id?: string }).id ?? 'x'): string =>
  errorOf(() => resolveChart(parseChartSpec(JSON.stringify(spec), file(name)), file(name), datasets));

describe('chart spec errors name the file and the field', () => {
  const bar = specs.bar as ChartSpec & { type: 'bar' };
  it('unknown chart type', () => {
    expect(problem({ ...bar, type: 'pie' })).toBe(
      'content/charts/bars.json: field "type": "pie" is not a chart type (bar, comparison, slope, part-of-whole, number-card)',
    );
  });
  it('missing or malformed fields', () => {
    expect(problem({ ...bar, title: { zh: '只有中文' } })).toMatch(/^content\/charts\/bars\.json: field "title\.en"/);
    expect(problem({ ...bar, items: [] })).toMatch(/^content\/charts\/bars\.json: field "items"/);
    expect(problem({ ...bar, colour: 'red' })).toMatch(/^content\/charts\/bars\.json: .*colour/);
  });
  it('a file named differently from its id', () => {
    expect(problem(bar, 'other')).toBe('content/charts/other.json: field "id": the chart "bars" must be saved as content/charts/bars.json');
  });
  it('invalid JSON', () => {
    expect(() => parseChartSpec('{ "id": ', file('broken'))).toThrow(/^content\/charts\/broken\.json: is not valid JSON/);
  });
  it('unknown dataset, or a version that was never released', () => {
    expect(problem({ ...bar, dataset: 'nowhere' })).toMatch(
      /^content\/charts\/bars\.json: field "dataset": there is no dataset "nowhere" in data\/datasets\/ \(datasets: programme\)/,
    );
    expect(problem({ ...bar, version: '9.9.9' })).toBe('content/charts/bars.json: field "version": programme has no version 9.9.9 (versions: 1.0.0)');
  });
  it('unknown row or field', () => {
    expect(problem({ ...bar, items: [{ row: 'nope', field: 'tonnes' }] })).toMatch(
      /^content\/charts\/bars\.json: field "items\[0\]\.row": data\/datasets\/programme\/1\.0\.0\.json has no row "nope" \(rows: merchants-2012,/,
    );
    expect(problem({ ...bar, items: [bar.items[0], { row: 'short-name', field: 'weight' }] })).toMatch(
      /field "items\[1\]\.field": data\/datasets\/programme\/1\.0\.0\.json has no field "weight"/,
    );
  });
  it('a cell that is not a figure', () => {
    expect(problem({ ...bar, items: [{ row: 'short-name', field: 'period' }] })).toBe(
      'content/charts/bars.json: field "items[0].field": "period" is a text field of data/datasets/programme/1.0.0.json, not a figure: only figures can be cited or drawn',
    );
    expect(problem({ ...bar, items: [{ row: 'short-name', field: 'merchants' }] })).toBe(
      'content/charts/bars.json: field "items[0].field": row "short-name" of data/datasets/programme/1.0.0.json has no figure in "merchants"',
    );
  });
  it('mixed units on one scale', () => {
    expect(problem({ ...bar, items: [bar.items[0], { row: 'merchants-2012', field: 'merchants', label: { zh: '商家', en: 'Merchants' } }] })).toBe(
      'content/charts/bars.json: field "items[1].field": the bars share one scale, so they need one unit: "merchants" is in "家" / "merchants" but "tonnes" is in "吨" / "tonnes"',
    );
  });
  it('two bars with one label', () => {
    expect(problem({ ...bar, labelField: undefined })).toMatch(/field "items\[1\]\.label": two bars would both be labelled "板栗销量"/);
  });
  it('a label field that is not text', () => {
    expect(problem({ ...bar, labelField: 'tonnes' })).toBe(
      'content/charts/bars.json: field "labelField": "tonnes" is a figure field; labels come from a text or date field',
    );
  });
  it('a part-of-whole chart of something that is not a share', () => {
    expect(problem({ ...specs.part, part: { row: 'ai-dou', field: 'people' } })).toMatch(
      /field "part\.field": "people" is in "人" \/ "people"; a part-of-whole chart needs a share/,
    );
  });
  it('a label that repeats the qualifier its value prints (累计帮助就近就业：累计4000余人)', () => {
    const whole = { row: 'ai-dou', field: 'people' };
    expect(problem({ ...specs.part, whole: { ...whole, label: { zh: '累计帮助就近就业', en: 'People helped into work' } } })).toBe(
      'content/charts/ai-dou-women.json: field "whole.label.zh": "累计帮助就近就业" repeats "累计", which the value already prints next to its number: drop it from the label',
    );
    expect(problem({ ...specs.part, whole: { ...whole, label: { zh: '帮助就近就业', en: 'A total of people helped' } } })).toMatch(
      /field "whole\.label\.en": "A total of people helped" repeats "a total of"/,
    );
    // A one-character word starting a label is ordinary Chinese (近五年 is "the last five years"), not a repeat.
    expect(() =>
      resolveChart(
        { ...specs.comparison, after: { row: 'merchants-recent', field: 'growth', label: { zh: '近五年平均', en: 'Last five years' } } } as ChartSpec,
        file('merchants'),
        datasets,
      ),
    ).not.toThrow(/repeats/);
  });
  it('a rise with no "before" figure must be stated in 倍', () => {
    const rise = { ...specs.comparison, before: { label: { zh: '之前', en: 'Before' } }, change: undefined };
    expect(problem(rise)).toMatch(/field "before": has no figure, so "after" must state a rise in 倍/);
    const ok = resolveChart({ ...rise, after: { row: 'merchants-recent', field: 'growth' } } as ChartSpec, file('merchants'), datasets);
    expect(ok.type).toBe('rise');
    expect(ok.values.map((v) => v.ref.field)).toEqual(['growth']);
  });
  it('two points of a slope on the same date', () => {
    const slope = specs.slope as ChartSpec & { type: 'slope' };
    expect(problem({ ...slope, series: [{ points: [slope.series[0].points[0], slope.series[0].points[0]] }] })).toMatch(
      /field "series\[0\]\.points\[1\]": has the same date \(2022-07-25\) as series\[0\]\.points\[0\]/,
    );
  });
});

describe('loadCharts', () => {
  it('reports every broken spec in the folder at once', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'charts-'));
    mkdirSync(path.join(root, 'content/charts'), { recursive: true });
    writeFileSync(path.join(root, 'content/charts/bars.json'), JSON.stringify(specs.bar));
    writeFileSync(path.join(root, 'content/charts/a.json'), JSON.stringify({ ...specs.bar, id: 'a', type: 'donut' }));
    writeFileSync(path.join(root, 'content/charts/b.json'), JSON.stringify({ ...specs.bar, id: 'b', version: '2.0.0' }));
    expect(() => loadCharts(root, datasets)).toThrow(/2 problems[\s\S]*content\/charts\/a\.json: field "type"[\s\S]*content\/charts\/b\.json: field "version"/);
  });
  it('resolves good specs by id', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'charts-'));
    mkdirSync(path.join(root, 'content/charts'), { recursive: true });
    writeFileSync(path.join(root, 'content/charts/bars.json'), JSON.stringify(specs.bar));
    const charts = loadCharts(root, datasets);
    expect([...charts.keys()]).toEqual(['bars']);
    expect(charts.get('bars')!.values.map((v) => v.figure.value)).toEqual([38, 2100]);
  });
});

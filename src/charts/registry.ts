/**
 * The chart specs in content/charts/<id>.json, read, validated and resolved
 * against the datasets once per build (like src/site.ts). Any problem stops
 * the build with the spec's file and field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DatasetIndex } from '../datasets.ts';
import { DataError, describeIssues } from '../errors.ts';
import { parseJsonBytes } from '../json-file.ts';
import { chartSpec, chartTypes, type ChartSpec, type Claimant } from '../schemas.ts';
import { getClaimants, getDatasets, ROOT } from '../site.ts';
import { resolveChart, type ResolvedChart } from './resolve.ts';

export const CHARTS_DIR = 'content/charts';

/** Parse one spec file's text (or its bytes, so bad UTF-8 is caught too). `file` is its project-relative path. */
export function parseChartSpec(text: string | Buffer, file: string): ChartSpec {
  const raw = parseJsonBytes(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, file);
  // Zod's message for an unknown discriminator is vague; say which types exist.
  const type = (raw as { type?: unknown } | null)?.type;
  if (!chartTypes.includes(type as never)) {
    throw new DataError(file, `field "type": ${JSON.stringify(type)} is not a chart type (${chartTypes.join(', ')})`);
  }
  const parsed = chartSpec.safeParse(raw);
  if (!parsed.success) throw new DataError(file, describeIssues(parsed.error.issues));
  const expected = `${CHARTS_DIR}/${parsed.data.id}.json`;
  if (path.basename(file) !== path.basename(expected)) throw new DataError(file, `field "id": the chart "${parsed.data.id}" must be saved as ${expected}`);
  return parsed.data;
}

/** Every spec under `root`, resolved; all problems are collected and reported together. */
export function loadCharts(root: string, datasets: DatasetIndex, claimants: ReadonlyMap<string, Claimant> = new Map()): Map<string, ResolvedChart> {
  const dir = path.join(root, CHARTS_DIR);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  const charts = new Map<string, ResolvedChart>();
  const errors: DataError[] = [];
  for (const name of files) {
    const file = `${CHARTS_DIR}/${name}`;
    try {
      const spec = parseChartSpec(readFileSync(path.join(root, file)), file);
      charts.set(spec.id, resolveChart(spec, file, datasets, claimants));
    } catch (error) {
      if (error instanceof DataError) errors.push(error);
      else throw error;
    }
  }
  if (errors.length) throw DataError.combine(errors);
  return charts;
}

let charts: Map<string, ResolvedChart> | undefined;
/** All charts of the site, in file-name order. Read and checked on first use, then cached. */
export function getCharts(): Map<string, ResolvedChart> {
  charts ??= loadCharts(ROOT, getDatasets(), getClaimants());
  return charts;
}

/** One chart by id, or an error naming `file` (the page or story that asked for it). */
export function getChart(id: string, file: string): ResolvedChart {
  const chart = getCharts().get(id);
  if (!chart) {
    const known = [...getCharts().keys()];
    throw new DataError(file, `<Chart id="${id}" />: there is no ${CHARTS_DIR}/${id}.json (charts: ${known.join(', ') || 'none yet'})`);
  }
  return chart;
}

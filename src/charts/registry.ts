/**
 * The chart specs in content/charts/<id>.json, read, validated and resolved
 * against the datasets once per build (like src/data/site-data.ts). Any problem stops
 * the build with the spec's file and field. The dev server re-reads them when
 * data/ or content/charts/ changes, and a broken spec breaks only the pages
 * that show it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compareVersions, type DatasetIndex } from '#/data/datasets.ts';
import { DataError, describeIssues } from '#/authoring/errors.ts';
import { parseJsonBytes } from '#/data/json-file.ts';
import { chartSpec, chartTypes, type ChartSpec, type Claimant } from '#/data/schemas.ts';
import { getClaimants, getDatasets, ROOT } from '#/data/site-data.ts';
import { cachedUntilDataChanges, draftPreview } from '#/authoring/live.ts';
import { didYouMeanOrList } from '#/authoring/suggest.ts';
import { resolveChart, type ResolvedChart } from './resolve.ts';

export const CHARTS_DIR = 'content/charts';

/** Parse one spec file's text (or its bytes, so bad UTF-8 is caught too). `file` is its project-relative path. */
export function parseChartSpec(text: string | Buffer, file: string): ChartSpec {
  const raw = parseJsonBytes(text, file);
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

/** Every spec under `root`, resolved, and the problem of each spec that is not (by chart id: its file name). */
export function readCharts(
  root: string,
  datasets: DatasetIndex,
  claimants: ReadonlyMap<string, Claimant> = new Map(),
): { charts: Map<string, ResolvedChart>; broken: Map<string, DataError> } {
  const dir = path.join(root, CHARTS_DIR);
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  const charts = new Map<string, ResolvedChart>();
  const broken = new Map<string, DataError>();
  for (const name of files) {
    const file = `${CHARTS_DIR}/${name}`;
    try {
      const spec = parseChartSpec(readFileSync(path.join(root, file)), file);
      charts.set(spec.id, resolveChart(spec, file, datasets, claimants));
    } catch (error) {
      if (error instanceof DataError) broken.set(path.basename(name, '.json'), error);
      else throw error;
    }
  }
  return { charts, broken };
}

/** Every spec under `root`, resolved; all problems are collected and reported together. */
export function loadCharts(root: string, datasets: DatasetIndex, claimants: ReadonlyMap<string, Claimant> = new Map()): Map<string, ResolvedChart> {
  const { charts, broken } = readCharts(root, datasets, claimants);
  if (broken.size) throw DataError.combine([...broken.values()]);
  return charts;
}

const siteCharts = cachedUntilDataChanges(() => readCharts(ROOT, getDatasets(), getClaimants()));

/**
 * All charts of the site, in file-name order. Read and checked on first use,
 * then cached. Any broken spec stops the build; in dev, the working charts
 * are listed and a broken one fails only where it is shown (getChart).
 */
export function getCharts(): Map<string, ResolvedChart> {
  const { charts, broken } = siteCharts();
  if (broken.size && !draftPreview()) throw DataError.combine([...broken.values()]);
  return charts;
}

/** One chart by id, or an error naming `file` (the page or story that asked for it). */
export function getChart(id: string, file: string): ResolvedChart {
  const { charts, broken } = siteCharts();
  return findChart(charts, broken, id, file);
}

/** Chart `id` among `charts`; else its own problem (`broken`, dev), else an error naming `file` with the nearest id. */
export function findChart(charts: ReadonlyMap<string, ResolvedChart>, broken: ReadonlyMap<string, DataError>, id: string, file: string): ResolvedChart {
  const problem = broken.get(id);
  if (problem) throw problem;
  const chart = charts.get(id);
  if (!chart) {
    const known = [...charts.keys(), ...broken.keys()];
    throw new DataError(
      file,
      `<Chart id="${id}" />: there is no ${CHARTS_DIR}/${id}.json${didYouMeanOrList(id, known, 'charts')}: use the id of a spec in ${CHARTS_DIR}/, or add the spec`,
    );
  }
  return chart;
}

/**
 * The chart drawn from each version of its dataset where its rows and fields
 * resolve, oldest first: the versions a pinned embed exists for
 * (/embed/charts/<id>/<version>/). The chart as published draws
 * `spec.version`, which is among them; a version the spec does not fit (a
 * row or field it names is missing there) is left out.
 */
export const chartVersions = (chart: ResolvedChart): ResolvedChart[] => chartVersionsOf().get(chart.id) ?? [chart];

const chartVersionsOf = cachedUntilDataChanges(() => {
  const datasets = getDatasets();
  const claimants = getClaimants();
  return new Map(
    [...getCharts().values()].map((chart) => [
      chart.id,
      datasets
        .versions(chart.spec.dataset)
        .toSorted((a, b) => compareVersions(a.data.version, b.data.version))
        .flatMap((d) => {
          if (d.data.version === chart.spec.version) return [chart];
          try {
            return [resolveChart({ ...chart.spec, version: d.data.version }, chart.file, datasets, claimants)];
          } catch {
            return [];
          }
        }),
    ]),
  );
});

/**
 * Every check that needs no page render, in one place: the datasets (strict
 * JSON, schema, file names, versions, the lock), the quotes against the saved
 * pages, counties, the map geometry, sources (their saved pages, the copies in
 * datasets), source pages, the timeline, redirects, the chart specs, and the
 * stories (their prose, and every <Fig> and <Chart> bound to the pinned
 * dataset versions). Every problem is collected and thrown as one DataError,
 * so an author sees them all at once, and no page is the first to find one.
 *
 * Called by the build (src/integration.ts, astro:config:setup, before any page
 * renders) and by `npm run check:content` (scripts/check-content.ts: no Astro,
 * no browser). `npm run release-datasets` runs the dataset part with the lock
 * it is about to write (checkDatasets).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { findChart, loadCharts } from '#/charts/registry.ts';
import type { ResolvedChart } from '#/charts/resolve.ts';
import { checkClaimants, loadClaimants } from '#/data/claimants.ts';
import { checkCounties } from '#/data/counties.ts';
import { checkGeometry } from '#/geo/load.ts';
import {
  canonicalJson,
  collectDatasets,
  indexDatasets,
  listDatasetFiles,
  readLockOrError,
  type DatasetIndex,
  type LoadedDataset,
  type Lock,
} from '#/data/datasets.ts';
import { collect, DataError } from './errors.ts';
import { readRedirects } from '#/publishing/published-urls.ts';
import { checkStoryProse, listStoryFiles } from '#/stories/prose.ts';
import { checkStories } from '#/stories/story-checks.ts';
import { checkQuotes, quotedFigures, SOURCE_TEXTS_DIR } from '#/data/quotes.ts';
import { readCounties, readSources, SOURCES_FILE } from '#/data/site-data.ts';
import { loadSourcePages } from '#/data/source-pages.ts';
import { didYouMean } from './suggest.ts';
import { loadTimeline } from '#/data/timeline.ts';
import type { Claimant, Source } from '#/data/schemas.ts';

export interface ContentSummary {
  datasets: number;
  figures: number;
  counties: number;
  sources: number;
  charts: number;
  stories: number;
  /** Milliseconds: all checks, the quote check alone, and the story check alone. */
  ms: { total: number; quotes: number; stories: number };
}

/**
 * The dataset checks: every file, the lock (the one on disk, or the one
 * release-datasets is about to write), the quotes and who says so.
 */
export function checkDatasets(
  root: string,
  lock: Lock | DataError = readLockOrError(root),
  { drafts = false } = {},
): { index: DatasetIndex; claimants: ReadonlyMap<string, Claimant>; complete: boolean; errors: DataError[]; quotesMs: number } {
  const { loaded, errors } = collectDatasets(root, lock, { allowUnreleased: drafts });
  const started = performance.now();
  errors.push(...checkQuotes(root, loaded));
  const quotesMs = performance.now() - started;
  const index = indexDatasets(loaded);
  const claimants = collect(errors, () => loadClaimants(root));
  if (claimants) errors.push(...checkClaimants(index, claimants));
  // A file that did not load would make every reference to it look wrong: checks that resolve references wait for it.
  return { index, claimants: claimants ?? new Map(), complete: loaded.length === listDatasetFiles(root).length, errors, quotesMs };
}

/** Every source in data/sources.json is on a saved page in data/sources/. */
function checkSourceFiles(root: string, sources: Source[]): DataError[] {
  const dir = path.join(root, SOURCE_TEXTS_DIR);
  const saved = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')) : [];
  return sources.flatMap((s, i) =>
    saved.includes(s.file)
      ? []
      : [
          new DataError(
            SOURCES_FILE,
            `field "[${i}].file": ${SOURCE_TEXTS_DIR}/${s.file} does not exist${didYouMean(s.file, saved)}: save the page there (see ${SOURCE_TEXTS_DIR}/README.md)`,
          ),
        ],
  );
}

/** A dataset's `sources` are copies of data/sources.json entries, unchanged: one article, one description. */
function checkSourceCopies(datasets: readonly LoadedDataset[], sources: Source[]): DataError[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return datasets.flatMap(({ file, data }) =>
    data.sources.flatMap((copy, i) => {
      const entry = byId.get(copy.id);
      if (!entry)
        return [
          new DataError(
            file,
            `field "sources[${i}].id": "${copy.id}" is not in ${SOURCES_FILE}${didYouMean(copy.id, byId.keys())}: add the article there first`,
          ),
        ];
      return canonicalJson(copy) === canonicalJson(entry)
        ? []
        : [new DataError(file, `field "sources[${i}]": differs from the "${copy.id}" entry in ${SOURCES_FILE}: copy that entry unchanged`)];
    }),
  );
}

/**
 * All the content checks; throws one DataError listing every problem.
 * `drafts` (the dev server): unreleased dataset versions are not an error.
 */
export function checkContent(root: string, { drafts = false } = {}): ContentSummary {
  const started = performance.now();
  const { index, claimants, complete, errors, quotesMs } = checkDatasets(root, readLockOrError(root), { drafts });
  const counties = collect(errors, () => readCounties(root)) ?? [];
  collect(errors, () => checkCounties(counties));
  errors.push(...checkGeometry(root, counties));
  const sources = collect(errors, () => readSources(root));
  if (sources) {
    errors.push(...checkSourceFiles(root, sources), ...checkSourceCopies(index.all, sources));
    collect(errors, () => loadSourcePages(root, sources));
  }
  collect(errors, () => readRedirects(root));
  let charts: Map<string, ResolvedChart> | undefined;
  if (complete) {
    if (sources) collect(errors, () => loadTimeline(root, index, sources));
    charts = collect(errors, () => loadCharts(root, index, claimants));
  }
  // Stories are read as text, never compiled: code in a story must be refused before MDX evaluates it.
  // Their <Fig> and <Chart> tags are bound here too, so no page is the first to find a bad citation.
  const storiesStarted = performance.now();
  const chartLookup = charts && ((id: string, file: string) => findChart(charts, new Map(), id, file));
  if (complete) errors.push(...checkStoryProse(root, index, chartLookup));
  errors.push(...checkStories(root, counties, { drafts }));
  const storiesMs = performance.now() - storiesStarted;
  if (errors.length) throw DataError.combine(errors);
  return {
    datasets: index.all.length,
    figures: quotedFigures(index.all).length,
    counties: counties.length,
    sources: sources?.length ?? 0,
    charts: charts?.size ?? 0,
    stories: complete ? listStoryFiles(root).length : 0,
    ms: { total: performance.now() - started, quotes: quotesMs, stories: storiesMs },
  };
}

/** One line for the build log and `npm run check:content`. */
export const describeSummary = (s: ContentSummary) =>
  `${s.datasets} dataset versions (${s.figures} figures, quotes checked in ${s.ms.quotes.toFixed(0)} ms), ${s.counties} counties, ${s.sources} sources, ${s.charts} charts and ${s.stories} story files (prose checked in ${s.ms.stories.toFixed(0)} ms) checked in ${s.ms.total.toFixed(0)} ms`;

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`,
 * astro.config.mjs): a page whose key is the same as in the last build, and
 * whose code is too (Astro hashes each route's module graph itself), is copied
 * from that build instead of rendered again. So a key is a digest of every
 * input file the page reads; a page that reads more than its key says would be
 * left stale. tests/build/incremental.test.ts edits a story, a dataset version,
 * a chart and the shared files, and checks the incremental build is byte for
 * byte the cold one.
 *
 * Inputs come in two kinds:
 * - one file per thing, keyed one by one: a story and its translation, a
 *   dataset version, a chart spec. A page's key names the ones it reads;
 * - everything else under data/ and content/ (counties, sources, claimants,
 *   geometry, timeline …), with the build date (citations print it) and the
 *   map tile settings: `shared`, part of every key. Editing one of these
 *   renders every page again.
 *
 * Pages that list every story (home, topics, timeline, feeds, 404) have no
 * key and are rendered on every build. In the dev server there are no keys.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getCollection } from 'astro:content';
import { getDatasets, ROOT } from '#/data/site-data.ts';
import { DATASETS_DIR, LOCK_FILE } from '#/data/datasets.ts';
import { CHARTS_DIR, getCharts } from '#/charts/registry.ts';
import { storiesByChart } from '#/stories/usage.ts';
import { LANGS } from '#/i18n/editions.ts';
import { oncePerBuild, storyFile, type Story } from '#/stories/collection.ts';
import { translationFile } from '#/stories/translations.ts';
import { tileLayerConfig } from '#/geo/config.ts';
import { buildDate } from './build-time.ts';
import type { Graphic } from './graphics.ts';

const INPUT_DIRS = ['data', 'content'];
/** The files keyed one by one: each is in the keys of the pages that read it, not in `shared`. */
const hasOwnKey = (file: string) =>
  /^content\/(en\/)?(counties|themes)\/[^/]+\.mdx$/.test(file) ||
  file.startsWith(`${CHARTS_DIR}/`) ||
  file.startsWith(`${DATASETS_DIR}/`) ||
  // Fingerprints of the dataset files, which are keyed themselves; a lock that does not match them stops the build.
  file === LOCK_FILE;

const sha = (...parts: (string | Buffer)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
};

const fileDigests = new Map<string, string>();
/** A file's digest by its path from the project root; "absent" for no file. */
function fileDigest(file: string): string {
  let digest = fileDigests.get(file);
  if (digest === undefined) {
    try {
      digest = sha(file, readFileSync(path.join(ROOT, file)));
    } catch {
      digest = sha(file, 'absent');
    }
    fileDigests.set(file, digest);
  }
  return digest;
}

function inputFiles(): string[] {
  return INPUT_DIRS.flatMap((dir) => readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

let sharedDigest: string | undefined;
/** Every input file not keyed on its own, the build date and the map tile settings. */
function shared(): string {
  sharedDigest ??= sha(
    ...inputFiles()
      .filter((file) => !hasOwnKey(file))
      .map(fileDigest),
    buildDate(),
    JSON.stringify(tileLayerConfig()),
  );
  return sharedDigest;
}

/** A story's file and its translation's (which may not exist: then its digest says so). */
const storyFiles = (entry: Story) => [storyFile(entry), translationFile(storyFile(entry))];

/** Which charts each story shows and which stories show each chart, in either edition (from usage.ts's index, which pages use too). */
const chartUse = oncePerBuild(async () => {
  const chartsOf = new Map<string, Set<string>>();
  const storiesOf = new Map<string, Set<Story>>();
  for (const lang of LANGS)
    for (const [chart, stories] of await storiesByChart(lang))
      for (const { entry } of stories) {
        chartsOf.set(entry.id, (chartsOf.get(entry.id) ?? new Set()).add(chart));
        storiesOf.set(chart, (storiesOf.get(chart) ?? new Set()).add(entry));
      }
  return { chartsOf, storiesOf };
});

/** The charts drawn from each dataset and the stories pinning any of its versions, by dataset id: looked up once, not per page. */
const datasetUse = oncePerBuild(async () => {
  const chartsOf = Map.groupBy([...getCharts().values()], (c) => c.dataset.data.id);
  const storiesOf = new Map<string, Story[]>();
  for (const entry of await getCollection('stories'))
    for (const id of Object.keys(entry.data.datasets)) storiesOf.set(id, [...(storiesOf.get(id) ?? []), entry]);
  return { chartsOf: new Map([...chartsOf].map(([id, charts]) => [id, charts.map((c) => c.id)])), storiesOf };
});

/** Every version of a dataset: a dataset's pages list its versions, a chart's draw from any of them. */
const datasetFiles = (id: string) =>
  getDatasets()
    .versions(id)
    .map((d) => d.file);

/** A chart's spec and every version of its dataset. */
function chartFiles(id: string): string[] {
  const chart = getCharts().get(id);
  return chart ? [chart.file, ...datasetFiles(chart.dataset.data.id)] : [`${CHARTS_DIR}/${id}.json`];
}

const key = (kind: string, files: string[], ...extra: string[]) =>
  import.meta.env.DEV ? undefined : sha(kind, shared(), ...[...new Set(files)].sort().map(fileDigest), ...extra);

export const pageKeys = {
  /** A story's pages and social cards: its text in both editions, the dataset versions it pins, the charts it shows. */
  async story(entry: Story) {
    const charts = (await chartUse()).chartsOf.get(entry.id) ?? [];
    const pinned = Object.entries(entry.data.datasets).map(([id, version]) => getDatasets().get(id, version)?.file ?? `${DATASETS_DIR}/${id}/${version}.json`);
    return key('story', [...storyFiles(entry), ...pinned, ...[...charts].flatMap(chartFiles)]);
  },

  /** A chart's own files (embeds, downloads, oEmbed): its spec and its dataset. */
  chartFiles: (id: string) => key('chart-files', chartFiles(id)),

  /** A chart's page: its files and the stories that show it (listed on the page); `extra`, what else the page is given. */
  async chartPage(id: string, ...extra: string[]) {
    const stories = [...((await chartUse()).storiesOf.get(id) ?? [])];
    return key('chart-page', [...chartFiles(id), ...stories.flatMap(storyFiles)], ...extra);
  },

  /** A page of the chart gallery: the charts on it and the stories that show them (listed); `extra`, what else the page is given. */
  async galleryPage(ids: string[], ...extra: string[]) {
    const { storiesOf } = await chartUse();
    const stories = ids.flatMap((id) => [...(storiesOf.get(id) ?? [])]);
    return key('gallery', [...ids.flatMap(chartFiles), ...stories.flatMap(storyFiles)], ...ids, ...extra);
  },

  /** A dataset's files (JSON, CSV, zip): every version of it. */
  datasetFiles: (id: string) => key('dataset-files', datasetFiles(id)),

  /** A dataset version's page: every version, the charts drawn from the dataset, and the stories that pin any version (listed). */
  async datasetPage(id: string) {
    const { chartsOf, storiesOf } = await datasetUse();
    const charts = chartsOf.get(id) ?? [];
    return key('dataset-page', [...datasetFiles(id), ...charts.flatMap(chartFiles), ...(storiesOf.get(id) ?? []).flatMap(storyFiles)], ...charts);
  },

  /** A graphic's embed, downloads and oEmbed: a chart's files; a map reads only shared files. */
  graphic: (graphic: Graphic) => (graphic.kind === 'charts' ? pageKeys.chartFiles(graphic.id) : key('map', [], graphic.id)),

  /** A page that reads only shared files. */
  shared: (...extra: string[]) => key('shared', [], ...extra),
};

/** getStaticPaths entries for a graphic's embeds, downloads and oEmbed answers, each given its graphic's key. */
export const withGraphicKeys = <P extends { props: { graphic: Graphic } }>(paths: P[]) =>
  paths.map((p) => ({ ...p, cacheKey: pageKeys.graphic(p.props.graphic) }));

/** getStaticPaths for a dataset version's files (/data/<id>/<version>.json, .csv, .tidy.csv, .zip), each given its dataset's key. */
export const datasetFilePaths = () =>
  getDatasets().all.map((dataset) => ({
    params: { id: dataset.data.id, version: dataset.data.version },
    props: { dataset },
    cacheKey: pageKeys.datasetFiles(dataset.data.id),
  }));

/**
 * Loading the versioned datasets in data/datasets/<id>/<version>.json and
 * enforcing the rules that make them citable:
 *   - each file matches the dataset schema (errors name the file and the field);
 *   - the file's place matches its id and version;
 *   - every released version's content hash is in data/datasets.lock.json,
 *     and a released version is never edited or deleted.
 *
 * Runs before the Astro build (see src/integration.ts) and in plain Node
 * (scripts/release-datasets.ts), so it reads the files itself.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dataset as datasetSchema, type Dataset } from './schemas.ts';
import { describeIssues, DataError } from './errors.ts';
import { didYouMean, didYouMeanOrList } from './suggest.ts';

export const DATASETS_DIR = 'data/datasets';
export const LOCK_FILE = 'data/datasets.lock.json';

export interface LoadedDataset {
  /** Path relative to the project root, for error messages. */
  file: string;
  data: Dataset;
  /** Hash of the canonical JSON, as recorded in the lock file. */
  hash: string;
}

export type Lock = Record<string, string>;

/** "qinglong@1.0.0": how a dataset version is named everywhere. */
export const versionKey = (id: string, version: string) => `${id}@${version}`;

/** data/datasets/qinglong/1.0.0.json → "qinglong@1.0.0": the version a file's place says it holds. */
const fileVersionKey = (file: string) => path.relative(DATASETS_DIR, file).replace(/\.json$/, '').replace('/', '@');

/** JSON with sorted keys and no whitespace: reformatting a file does not change its hash, editing it does. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const contentHash = (raw: unknown) => `sha256-${createHash('sha256').update(canonicalJson(raw)).digest('hex')}`;

/** Every dataset file under `root`, sorted, as project-relative paths. */
export function listDatasetFiles(root: string): string[] {
  const dir = path.join(root, DATASETS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(dir, d.name))
        .filter((f) => f.endsWith('.json'))
        .map((f) => `${DATASETS_DIR}/${d.name}/${f}`),
    )
    .sort();
}

/** Parse and validate one dataset file. Throws a DataError naming the file and field. */
export function loadDatasetFile(root: string, file: string): LoadedDataset {
  const text = readFileSync(path.join(root, file), 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DataError(file, `is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) throw new DataError(file, describeIssues(parsed.error.issues));
  const data = parsed.data;
  const expected = `${DATASETS_DIR}/${data.id}/${data.version}.json`;
  if (file !== expected) {
    throw new DataError(file, `says id "${data.id}" and version "${data.version}", so it must be saved as ${expected}`);
  }
  return { file, data, hash: contentHash(raw) };
}

export function readLock(root: string): Lock {
  const file = path.join(root, LOCK_FILE);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Lock;
  } catch (error) {
    throw new DataError(LOCK_FILE, `is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Errors for versions edited after release, released versions deleted, and
 * (unless `allowUnreleased`, for the dev server's drafts) versions never released.
 * `files` lists every dataset file on disk, so a released file that exists but
 * does not parse is not also reported as missing.
 */
export function checkLock(datasets: LoadedDataset[], lock: Lock, { files = [] as string[], allowUnreleased = false } = {}): DataError[] {
  const errors: DataError[] = [];
  const present = new Set<string>(files.map(fileVersionKey));
  for (const { file, data, hash } of datasets) {
    const key = versionKey(data.id, data.version);
    present.add(key);
    const locked = lock[key];
    if (!locked) {
      if (!allowUnreleased) errors.push(new DataError(file, `${key} is not released yet: run "npm run release-datasets" to record its hash in ${LOCK_FILE}`));
    } else if (locked !== hash) {
      errors.push(
        new DataError(
          file,
          `${key} was released and must not change (its content hash no longer matches ${LOCK_FILE}). ` +
            `Undo the edit and publish the correction as a new version, e.g. data/datasets/${data.id}/<next version>.json with a "changes" note.`,
        ),
      );
    }
  }
  for (const key of Object.keys(lock)) {
    if (!present.has(key)) {
      const [id, version] = key.split('@');
      errors.push(new DataError(`${DATASETS_DIR}/${id}/${version}.json`, `${key} was released and is listed in ${LOCK_FILE}, but the file is missing. A released version stays published for ever.`));
    }
  }
  return errors;
}

/** Rules across versions of one dataset: a later version says what changed. */
export function checkVersions(datasets: LoadedDataset[]): DataError[] {
  const errors: DataError[] = [];
  const byId = Map.groupBy(datasets, (d) => d.data.id);
  for (const versions of byId.values()) {
    const sorted = versions.toSorted((a, b) => compareVersions(a.data.version, b.data.version));
    sorted.slice(1).forEach((d) => {
      if (!d.data.changes) errors.push(new DataError(d.file, `field "changes": version ${d.data.version} follows ${sorted[0].data.version}, so it must say what changed ({ "zh": …, "en": … })`));
    });
  }
  return errors;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

export interface DatasetIndex {
  all: LoadedDataset[];
  /** Versions not in the lock file: only the dev server loads them, to preview as drafts. */
  unreleased: LoadedDataset[];
  /** Dev server only: the problems of each version left out ("qinglong@1.0.1" → its errors). */
  broken: Map<string, DataError>;
  get(id: string, version: string): LoadedDataset | undefined;
  versions(id: string): LoadedDataset[];
  latest(id: string): LoadedDataset | undefined;
}

export function indexDatasets(all: LoadedDataset[], unreleased: LoadedDataset[] = [], broken = new Map<string, DataError>()): DatasetIndex {
  const byKey = new Map(all.map((d) => [versionKey(d.data.id, d.data.version), d]));
  // Grouped once: pages ask for a dataset's versions on every render.
  const byId = new Map([...Map.groupBy(all, (d) => d.data.id)].map(([id, list]) => [id, list.toSorted((a, b) => compareVersions(a.data.version, b.data.version))]));
  const versions = (id: string) => [...(byId.get(id) ?? [])];
  return {
    all,
    unreleased,
    broken,
    get: (id, version) => byKey.get(versionKey(id, version)),
    versions,
    latest: (id) => versions(id).at(-1),
  };
}

/** Why `id@version` is not in the index, for a message: the versions there are (released or not) and the nearest name. */
export function missingVersion(index: DatasetIndex, id: string, version: string): string {
  const versions = index.versions(id);
  if (!versions.length) {
    const ids = [...new Set(index.all.map((d) => d.data.id))];
    return `there is no dataset "${id}" in ${DATASETS_DIR}/${didYouMeanOrList(id, ids, 'datasets')}`;
  }
  const listed = versions.map((d) => (index.unreleased.includes(d) ? `${d.data.version} (not released yet)` : d.data.version));
  return `${id} has no version ${version} (versions: ${listed.join(', ')})${didYouMean(version, versions.map((d) => d.data.version))}`;
}

/** The error for a story or chart (`file`, `field`) naming a version not in the index: the version's own problem if it has one (dev), else what exists. */
export function missingVersionError(index: DatasetIndex, id: string, version: string, file: string, field: string): DataError {
  return index.broken.get(versionKey(id, version)) ?? new DataError(file, `field "${field}": ${missingVersion(index, id, version)}`);
}

/**
 * Load, validate and lock-check every dataset. Collects every error before
 * throwing, so an author sees all problems at once.
 *
 * `preview` (the dev server) throws nothing: versions not yet in the lock file
 * load as drafts (listed in `unreleased`), and a file with a problem is left
 * out, its errors kept in `broken` for the pages that pin it (missingVersionError).
 */
export function loadAllDatasets(root: string, { checkLockFile = true, preview = false } = {}): DatasetIndex {
  const errors: DataError[] = [];
  const loaded: LoadedDataset[] = [];
  const files = listDatasetFiles(root);
  for (const file of files) {
    try {
      loaded.push(loadDatasetFile(root, file));
    } catch (error) {
      if (error instanceof DataError) errors.push(error);
      else throw error;
    }
  }
  errors.push(...checkVersions(loaded));
  const lock = checkLockFile ? readLock(root) : undefined;
  if (lock) errors.push(...checkLock(loaded, lock, { files, allowUnreleased: preview }));
  if (errors.length && !preview) throw DataError.combine(errors);
  const byFile = Map.groupBy(errors, (e) => e.file);
  const usable = loaded.filter((d) => !byFile.has(d.file));
  const broken = new Map([...byFile].map(([file, list]) => [fileVersionKey(file), DataError.combine(list)]));
  return indexDatasets(usable, lock ? usable.filter((d) => !lock[versionKey(d.data.id, d.data.version)]) : [], broken);
}

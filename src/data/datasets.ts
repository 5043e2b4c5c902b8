/**
 * Loading the versioned datasets in data/datasets/<id>/<version>.json and
 * enforcing the rules that make them citable:
 *   - each file is strict JSON and matches the dataset schema (errors name the
 *     file and the field);
 *   - the file's place matches its id and version;
 *   - every released version is fingerprinted in data/datasets.lock.json, and
 *     a released version is never edited (not even a byte) or deleted.
 *
 * The lock is a flat object. For each version it holds two keys:
 *   "<id>@<version>"       → hash of the canonical JSON (sorted keys, no whitespace);
 *   "<id>@<version>#bytes" → hash of the file's bytes exactly as released.
 * The first key is the original scheme and is kept so existing entries stay
 * valid; the second catches what the first cannot see: CRLF line endings, a
 * byte-order mark, a re-indent, a duplicate key. An entry's value never changes.
 *
 * Runs before the Astro build (see src/integration.ts) and in plain Node
 * (scripts/release-datasets.ts), so it reads the files itself.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { dataset as datasetSchema, type Dataset, type Field, type Figure, type Row } from './schemas.ts';
import { describeIssues, DataError } from '#/authoring/errors.ts';
import { parseJsonBytes, readJsonFile } from './json-file.ts';
import { didYouMean, didYouMeanOrList } from '#/authoring/suggest.ts';

export const DATASETS_DIR = 'data/datasets';
export const LOCK_FILE = 'data/datasets.lock.json';

/**
 * A dataset is hand-copied figures with their quotes: the largest real one is
 * 9 KB. Every version becomes pages in both editions plus JSON, CSV and PNG
 * downloads, about 2.4 times its size per page (a 25 MB file made 59 MB pages),
 * so a file over 1 MB is a mistake (a pasted export, a generated file), not a dataset.
 */
export const MAX_DATASET_BYTES = {
  bytes: 1_000_000,
  why: 'a dataset holds figures copied by hand with their quotes, and each version is printed whole on its pages in both editions; split it, or ask a developer if it really must be this large',
};

export interface LoadedDataset {
  /** Path relative to the project root, for error messages. */
  file: string;
  data: Dataset;
  /** Hash of the canonical JSON, as recorded in the lock file under versionKey. */
  hash: string;
  /** Hash of the file's bytes, as recorded in the lock file under bytesKey. */
  bytesHash: string;
}

export type Lock = Record<string, string>;

/** "qinglong@1.0.0": how a dataset version is named everywhere. */
export const versionKey = (id: string, version: string) => `${id}@${version}`;
/** "qinglong@1.0.0#bytes": the lock key of a version's byte fingerprint. */
export const bytesKey = (id: string, version: string) => `${versionKey(id, version)}#bytes`;
const BYTES_SUFFIX = '#bytes';

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
export const bytesHash = (bytes: Uint8Array) => `sha256-${createHash('sha256').update(bytes).digest('hex')}`;

/** The two lock entries that release a dataset file with these bytes (what `npm run release-datasets` records). */
export function releaseEntries(bytes: Buffer, file = 'a dataset file'): Lock {
  const raw = parseJsonBytes(bytes, file) as { id: string; version: string };
  return { [versionKey(raw.id, raw.version)]: contentHash(raw), [bytesKey(raw.id, raw.version)]: bytesHash(bytes) };
}

/** Every figure cell of a dataset version, row by row, in the order of its fields, with where it is. */
export function* figureCells(data: Dataset): Generator<{ rowIndex: number; row: Row; field: Field; figure: Figure }> {
  const figureFields = data.fields.filter((f) => f.type === 'figure');
  for (const [rowIndex, row] of data.rows.entries()) {
    for (const field of figureFields) {
      const cell = row[field.key];
      if (cell && typeof cell === 'object' && 'value' in cell) yield { rowIndex, row, field, figure: cell };
    }
  }
}

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
  const { bytes, value: raw } = readJsonFile(root, file, { maxBytes: MAX_DATASET_BYTES });
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) throw new DataError(file, describeIssues(parsed.error.issues));
  const data = parsed.data;
  const expected = `${DATASETS_DIR}/${data.id}/${data.version}.json`;
  if (file !== expected) {
    throw new DataError(file, `says id "${data.id}" and version "${data.version}", so it must be saved as ${expected}`);
  }
  return { file, data, hash: contentHash(raw), bytesHash: bytesHash(bytes) };
}

const lockSchema = z.record(
  z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*@\d+\.\d+\.\d+(#bytes)?$/, 'a key "<id>@<version>" or "<id>@<version>#bytes"'),
  z.string().regex(/^sha256-[0-9a-f]{64}$/, 'a fingerprint "sha256-" followed by 64 hexadecimal digits'),
);

/** The lock file, checked: a flat object of version keys to fingerprints. Missing: nothing is released yet. */
export function readLock(root: string): Lock {
  if (!existsSync(path.join(root, LOCK_FILE))) return {};
  return parseLock(readJsonFile(root, LOCK_FILE).value, LOCK_FILE);
}

export function parseLock(raw: unknown, file = LOCK_FILE): Lock {
  const parsed = lockSchema.safeParse(raw);
  if (!parsed.success) throw new DataError(file, `${describeIssues(parsed.error.issues)}. The lock is written by "npm run release-datasets": restore it from git (git checkout -- ${LOCK_FILE})`);
  return parsed.data;
}

/**
 * Errors for versions edited after release (data or bytes), released versions
 * deleted, and (unless `allowUnreleased`, for the dev server's drafts) versions
 * never released. `files` lists every dataset file on disk, so a released file
 * that exists but does not parse is not also reported as missing.
 */
export function checkLock(datasets: LoadedDataset[], lock: Lock, { files = [] as readonly string[], allowUnreleased = false } = {}): DataError[] {
  const errors: DataError[] = [];
  const present = new Set<string>(files.map(fileVersionKey));
  const newVersion = (id: string) => `publish the correction as a new version, e.g. data/datasets/${id}/<next version>.json with a "changes" note`;
  for (const { file, data, hash, bytesHash: bytes } of datasets) {
    const key = versionKey(data.id, data.version);
    present.add(key);
    const locked = lock[key];
    const lockedBytes = lock[bytesKey(data.id, data.version)];
    if (!locked) {
      if (!allowUnreleased) errors.push(new DataError(file, `${key} is not released yet: run "npm run release-datasets" to record its fingerprints in ${LOCK_FILE}`));
    } else if (locked !== hash) {
      errors.push(new DataError(file, `${key} was released and must not change (its content hash no longer matches ${LOCK_FILE}). Undo the edit (git checkout -- ${file}) and ${newVersion(data.id)}.`));
    } else if (!lockedBytes) {
      errors.push(new DataError(file, `${key} has no byte fingerprint "${bytesKey(data.id, data.version)}" in ${LOCK_FILE} (it was released before they were recorded): run "npm run release-datasets" to add it`));
    } else if (lockedBytes !== bytes) {
      errors.push(
        new DataError(
          file,
          `${key} was released and its bytes have changed, though its data has not (line endings, a byte-order mark, indentation, spacing or key order): ` +
            `the download must stay byte for byte what was released. Restore the file exactly (git checkout -- ${file}).`,
        ),
      );
    }
  }
  for (const key of Object.keys(lock)) {
    if (key.endsWith(BYTES_SUFFIX)) continue;
    const [id, version] = key.split('@');
    // A released file that is there but failed to load has its own error already.
    if (!present.has(key)) {
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
    sorted.slice(1).forEach((d, i) => {
      const previous = sorted[i];
      if (!d.data.changes) {
        errors.push(new DataError(d.file, `field "changes": version ${d.data.version} follows ${previous.data.version}, so it must say what changed ({ "zh": …, "en": … })`));
      } else if (previous.data.changes && canonicalJson(d.data.changes) === canonicalJson(previous.data.changes)) {
        // A new version is usually made by copying the previous file: its note must not be copied with it.
        errors.push(new DataError(d.file, `field "changes": says word for word what version ${previous.data.version} says; write what changed in ${d.data.version}`));
      }
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
  const lock = checkLockFile ? readLockOrError(root) : undefined;
  const { loaded, errors } = collectDatasets(root, lock, { allowUnreleased: preview });
  if (!preview) {
    if (errors.length) throw DataError.combine(errors);
    return indexDatasets(loaded);
  }
  if (lock instanceof DataError) throw lock;
  const byFile = Map.groupBy(errors, (e) => e.file);
  const usable = loaded.filter((d) => !byFile.has(d.file));
  const broken = new Map([...byFile].map(([file, list]) => [fileVersionKey(file), DataError.combine(list)]));
  return indexDatasets(usable, lock ? usable.filter((d) => !lock[versionKey(d.data.id, d.data.version)]) : [], broken);
}

/** The lock, or the DataError that says why it cannot be read. */
export function readLockOrError(root: string): Lock | DataError {
  try {
    return readLock(root);
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
}

/**
 * Every dataset file that loads, and every error found: schema and file name
 * per file, "changes" across versions, and (given a lock) the lock rules.
 * Nothing is thrown, so callers can go on checking what did load.
 */
export function collectDatasets(root: string, lock?: Lock | DataError, { allowUnreleased = false } = {}): { loaded: LoadedDataset[]; errors: DataError[] } {
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
  if (lock instanceof DataError) errors.push(lock);
  else if (lock) errors.push(...checkLock(loaded, lock, { files, allowUnreleased }));
  return { loaded, errors };
}

/**
 * The site's data, loaded once per build process and used by every page:
 * datasets (validated and lock-checked), counties and sources.
 */
import { z } from 'astro/zod';
import { loadAllDatasets, type DatasetIndex } from './datasets.ts';
import { county, source, type Claimant, type County, type Source } from './schemas.ts';
import { loadClaimants } from './claimants.ts';
import { DataError, describeIssues } from './errors.ts';
import { readJsonFile } from './json-file.ts';

export const COUNTIES_FILE = 'data/counties.json';
export const SOURCES_FILE = 'data/sources.json';

export const ROOT = process.cwd();

let datasets: DatasetIndex | undefined;
/** All dataset versions. Read and checked on first use, then cached for the whole build. */
export function getDatasets(): DatasetIndex {
  datasets ??= loadAllDatasets(ROOT);
  return datasets;
}

/** A data file holding a list (not null, not an object), each item checked; errors name the file and the item. */
function readJsonList<T>(root: string, file: string, schema: z.ZodType<T>): T[] {
  const parsed = z.array(schema).safeParse(readJsonFile(root, file).value);
  if (!parsed.success) throw new DataError(file, describeIssues(parsed.error.issues));
  return parsed.data;
}

export const readCounties = (root: string) => readJsonList(root, COUNTIES_FILE, county);
export const readSources = (root: string) => readJsonList(root, SOURCES_FILE, source);

let counties: County[] | undefined;
export function getCounties(): County[] {
  counties ??= readCounties(ROOT);
  return counties;
}

let sources: Source[] | undefined;
export function getSources(): Source[] {
  sources ??= readSources(ROOT);
  return sources;
}

let byCode: Map<string, County> | undefined;
/** Asked on every page: a lookup, not a scan of all counties. */
export const countyByCode = (code: string) => (byCode ??= new Map(getCounties().map((c) => [c.code, c]))).get(code);

let claimants: Map<string, Claimant> | undefined;
/** data/claimants.json, by id: who makes each figure's claim. */
export function getClaimants(): Map<string, Claimant> {
  claimants ??= loadClaimants(ROOT);
  return claimants;
}

/**
 * The site's data, loaded once per build process and shared by every page:
 * datasets (validated and lock-checked), counties and sources.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { loadAllDatasets, type DatasetIndex } from './datasets.ts';
import { county, source, type Claimant, type County, type Source } from './schemas.ts';
import { loadClaimants } from './claimants.ts';
import { DataError, describeIssues } from './errors.ts';

export const ROOT = process.cwd();

let datasets: DatasetIndex | undefined;
/** All dataset versions. Read and checked on first use, then cached for the whole build. */
export function getDatasets(): DatasetIndex {
  datasets ??= loadAllDatasets(ROOT);
  return datasets;
}

function readJsonList<T>(file: string, schema: z.ZodType<T>): T[] {
  const raw = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
  const parsed = z.array(schema).safeParse(raw);
  if (!parsed.success) throw new DataError(file, describeIssues(parsed.error.issues));
  return parsed.data;
}

let counties: County[] | undefined;
export function getCounties(): County[] {
  counties ??= readJsonList('data/counties.json', county);
  return counties;
}

let sources: Source[] | undefined;
export function getSources(): Source[] {
  sources ??= readJsonList('data/sources.json', source);
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

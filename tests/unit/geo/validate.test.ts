/**
 * Geometry validation (src/geo/validate.ts, src/geo/load.ts): a broken
 * geometry is rejected with a message that names the file and the feature.
 * The broken features are real ones (青龙满族自治县 from data/geo/) with one
 * fault put in.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import type { Position } from 'geojson';
import { getNationalGeometry, parseGeometry, type GeoFeature } from '#/geo/load.ts';
import { BORDER_TOLERANCE_KM, countiesOutsideProvinces, featureProblems, validateFeatures } from '#/geo/validate.ts';
import { getLocatorGeometry } from '#/geo/load.ts';
import { errorOf } from '../../helpers/errors.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const national = getNationalGeometry(ROOT);
const qinglong = national.layers.counties.features.find((f) => f.id === '130321')!;

/** A copy of 青龙 whose outer ring has been changed by `edit`. */
function broken(edit: (ring: Position[]) => Position[]): GeoFeature {
  const copy = structuredClone(qinglong);
  const polygons = copy.geometry.type === 'MultiPolygon' ? copy.geometry.coordinates : [(copy.geometry as GeoJSON.Polygon).coordinates];
  polygons[0][0] = edit(polygons[0][0]);
  return copy;
}

const FILE = 'data/geo/national.topo.json';
const rejection = (feature: GeoFeature) => errorOf(() => validateFeatures([feature], FILE, 'counties'));

describe('validateFeatures', () => {
  it('accepts every feature of the committed files', () => {
    for (const collection of Object.values(national.layers)) expect(collection.features.flatMap(featureProblems)).toEqual([]);
  });

  it('rejects an unclosed ring, naming the feature and the file', () => {
    const message = rejection(broken((ring) => ring.slice(0, -1)));
    expect(message).toContain(FILE);
    expect(message).toContain('130321 青龙满族自治县');
    expect(message).toMatch(/ring/i);
  });

  it('rejects a clockwise exterior ring (RFC 7946 wants counter-clockwise)', () => {
    const message = rejection(broken((ring) => [...ring].reverse()));
    expect(message).toContain('130321 青龙满族自治县');
    expect(message).toContain('clockwise');
  });

  it('rejects latitude and longitude written the wrong way round', () => {
    const message = rejection(broken((ring) => ring.map(([lng, lat]) => [lat, lng])));
    expect(message).toContain('130321 青龙满族自治县');
    expect(message).toContain('[latitude, longitude]');
  });

  it('rejects a position outside China’s bounding box', () => {
    const message = rejection(broken((ring) => ring.map(([lng, lat], i) => (i === 3 ? [lng + 30, lat] : [lng, lat]))));
    expect(message).toContain('130321 青龙满族自治县');
    expect(message).toContain('outside China');
  });

  it('a broken TopoJSON file stops the load, naming the file, the object and the feature', () => {
    const bad = topology({ counties: { type: 'FeatureCollection', features: [broken((ring) => [...ring].reverse())] } } as never, 1e5);
    expect(() => parseGeometry(JSON.stringify(bad), 'data/geo/broken.topo.json', ['counties'])).toThrow(
      /data\/geo\/broken\.topo\.json: feature 130321 青龙满族自治县 \(object "counties"\): exterior ring of polygon 1 is clockwise/,
    );
  });

  it('a file without a required object is refused', () => {
    const only = topology({ counties: { type: 'FeatureCollection', features: [qinglong] } } as never, 1e5);
    expect(() => parseGeometry(JSON.stringify(only), FILE, ['provinces', 'counties'])).toThrow(/missing "provinces"/);
  });
});

describe('each county lies inside its province', () => {
  /** A copy of 青龙 (河北) with every position moved by [dLng, dLat] degrees. */
  const shifted = (dLng: number, dLat: number) => shiftAll(dLng, dLat);
  function shiftAll(dLng: number, dLat: number): GeoFeature {
    const copy = structuredClone(qinglong);
    const polygons = copy.geometry.type === 'MultiPolygon' ? copy.geometry.coordinates : [(copy.geometry as GeoJSON.Polygon).coordinates];
    for (const polygon of polygons) for (const ring of polygon) for (const p of ring) [p[0], p[1]] = [p[0] + dLng, p[1] + dLat];
    return copy;
  }
  const provinces = national.layers.provinces.features;

  it('accepts every county of both committed files, whose simplified borders stray less than the tolerance', () => {
    for (const geo of [national, getLocatorGeometry(ROOT)])
      expect(countiesOutsideProvinces(geo.layers.counties.features, geo.layers.provinces.features, geo.file)).toEqual([]);
    expect(BORDER_TOLERANCE_KM).toBeLessThan(20);
  });

  it('stops on a county moved into the sea (Bohai), naming the file, the county code and the province', () => {
    const [error] = countiesOutsideProvinces([shifted(1.2, -1.8)], provinces, FILE);
    expect(error.message).toMatch(
      /^data\/geo\/national\.topo\.json: feature 130321 青龙满族自治县 \(object "counties"\): \d+ of its \d+ positions lie outside its province 130000 河北省, up to \d+ km away/,
    );
  });

  it('stops on a county moved into the wrong province (into 辽宁, one degree east)', () => {
    expect(countiesOutsideProvinces([shifted(1, 0)], provinces, FILE).map((e) => e.message)).toEqual([
      expect.stringContaining('feature 130321 青龙满族自治县'),
    ]);
  });

  it("stops on a county filed under another province's code", () => {
    const relabelled = { ...structuredClone(qinglong), id: '210321' };
    expect(countiesOutsideProvinces([relabelled], provinces, FILE)[0].message).toContain('lie outside its province 210000 辽宁省');
  });

  it('stops the build through parseGeometry, with the real provinces and the shifted county', () => {
    const collection = (features: GeoFeature[]) => ({ type: 'FeatureCollection', features });
    const bad = topology({ provinces: collection(provinces), counties: collection([shiftAll(1.2, -1.8)]) } as never, 1e5);
    expect(() => parseGeometry(JSON.stringify(bad), FILE, ['provinces', 'counties'])).toThrow(
      /feature 130321 青龙满族自治县 \(object "counties"\): \d+ of its \d+ positions lie outside its province 130000 河北省/,
    );
  });
});

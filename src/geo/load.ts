/**
 * Reads the committed geometry (data/geo/, made by scripts/geo/regenerate.ts),
 * decodes it to GeoJSON and validates it. A bad file stops the build with a
 * message naming the file, the object and the feature.
 */
import path from 'node:path';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import { topology as topologySchema, type County, type GeoProperties } from '#/data/schemas.ts';
import { collect, DataError, describeIssues } from '#/authoring/errors.ts';
import { countiesOutsideProvinces, validateFeatures } from './validate.ts';
import { cachedUntilDataChanges } from '#/authoring/live.ts';
import { parseJsonBytes, readJsonFile } from '#/data/json-file.ts';

export const GEO_FILES = {
  /** Provinces, the South China Sea line and the featured counties: the home map. */
  national: 'data/geo/national.topo.json',
  /** Finer provinces of the featured counties: the story locator maps (build only). */
  locator: 'data/geo/locator.topo.json',
} as const;

export type GeoFeature = Feature<Geometry, GeoProperties> & { id: string };
export interface GeoCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

/** Every object of a topology as a GeoJSON FeatureCollection. */
export function decodeTopology(topo: Topology): Record<string, GeoCollection> {
  return Object.fromEntries(Object.keys(topo.objects).map((name) => [name, feature(topo, topo.objects[name]) as unknown as GeoCollection]));
}

export interface GeometryFile {
  file: string;
  /** The file as read, for the endpoint that serves it. */
  topology: Topology;
  layers: Record<string, GeoCollection>;
}

/** Parses, decodes and validates one TopoJSON file (its bytes or text); `required` names the objects it must have. */
export const parseGeometry = (text: string | Buffer, file: string, required: readonly string[]): GeometryFile =>
  checkTopology(parseJsonBytes(text, file), file, required);

/** Validates and decodes a parsed TopoJSON file. */
function checkTopology(raw: unknown, file: string, required: readonly string[]): GeometryFile {
  const parsed = topologySchema.safeParse(raw);
  if (!parsed.success) throw new DataError(file, describeIssues(parsed.error.issues));
  const missing = required.filter((name) => !(name in parsed.data.objects));
  if (missing.length) throw new DataError(file, `field "objects": missing ${missing.map((m) => `"${m}"`).join(', ')}`);
  const topology = raw as Topology;
  const layers = decodeTopology(topology);
  for (const [name, collection] of Object.entries(layers)) validateFeatures(collection.features, file, name);
  if (layers.counties && layers.provinces) {
    const outside = countiesOutsideProvinces(layers.counties.features, layers.provinces.features, file);
    if (outside.length) throw DataError.combine(outside);
  }
  return { file, topology, layers };
}

/** Every county of data/counties.json must be in the geometry under its code, with its official name. */
export function checkCountiesPresent(counties: GeoCollection, registry: County[], file: string): void {
  const errors = registry.flatMap((c) => {
    const f = counties.features.find((x) => x.id === c.code);
    if (!f)
      return [new DataError(file, `object "counties": no feature with id ${c.code} (${c.officialName} in data/counties.json); run npm run geo:regenerate`)];
    if (f.properties.name !== c.officialName)
      return [new DataError(file, `object "counties": feature ${c.code} is named ${f.properties.name}, data/counties.json says ${c.officialName}`)];
    return [];
  });
  if (errors.length) throw DataError.combine(errors);
}

/** The objects each geometry file must have. */
const REQUIRED: Record<keyof typeof GEO_FILES, readonly string[]> = { national: ['provinces', 'boundaries', 'counties'], locator: ['provinces', 'counties'] };

/** Read, decode and validate one geometry file under `root`. */
const readGeometry = (root: string, name: keyof typeof GEO_FILES) => checkTopology(readJsonFile(root, GEO_FILES[name]).value, GEO_FILES[name], REQUIRED[name]);

const geometryCache = cachedUntilDataChanges(() => new Map<string, GeometryFile>());
function read(name: keyof typeof GEO_FILES, root: string): GeometryFile {
  const key = path.join(root, GEO_FILES[name]);
  const cache = geometryCache();
  if (!cache.has(key)) cache.set(key, readGeometry(root, name));
  return cache.get(key)!;
}

/** The home map's geometry, read and checked once per build. */
export const getNationalGeometry = (root = process.cwd()) => read('national', root);
/** The locator maps' geometry, read and checked once per build. */
export const getLocatorGeometry = (root = process.cwd()) => read('locator', root);

/**
 * The geometry checks, run before any page renders (src/authoring/checks.ts):
 * both files parse and validate, and every county of data/counties.json is in
 * each. Read afresh, like every check: the pages' copy is cached.
 */
export function checkGeometry(root: string, counties: County[]): DataError[] {
  const errors: DataError[] = [];
  for (const name of ['national', 'locator'] as const) {
    const geometry = collect(errors, () => readGeometry(root, name));
    if (geometry) collect(errors, () => checkCountiesPresent(geometry.layers.counties, counties, geometry.file));
  }
  return errors;
}

/**
 * Geometry for synthetic counties.
 *
 * The map draws counties from the TopoJSON files in data/geo/ (each has a
 * `counties` object keyed by GB/T 2260 code, and a `provinces` object), and
 * the build checks that every county of data/counties.json is there. The real
 * outlines come from a source package the benchmark does not fetch, so each
 * synthetic county gets a made-up polygon instead: as many vertices and about
 * as large as its template county's (smaller where its province is too narrow), centred on a point inside its province.
 * The files are decoded and re-encoded with the real ones' quantization, so
 * validating, decoding and drawing them costs what real outlines would.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { polygonContains } from 'd3';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface GeometryPlan {
  template: { code: string; officialName: string };
  county: { code: string; officialName: string };
  area: { code: string; name: string; provinceCode: string };
}

const GEO_DIR = 'data/geo';
/** A synthetic county is at least this many quantization steps across its radius: a smaller one can collapse to no area. */
const MIN_STEPS = 8;

type Layers = Record<string, FeatureCollection>;

function decode(topo: Topology): Layers {
  return Object.fromEntries(Object.keys(topo.objects).map((name) => [name, feature(topo, topo.objects[name] as GeometryCollection) as FeatureCollection]));
}

/** The quantization a topology was written with (steps across its extent), read back from its transform. */
function quantizationOf(topo: Topology): number | undefined {
  if (!topo.transform || !topo.bbox) return undefined;
  return Math.round((topo.bbox[2] - topo.bbox[0]) / topo.transform.scale[0]) + 1;
}

const ringsOf = (g: Geometry): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : []);

function bounds(rings: Position[][]): [number, number, number, number] {
  const all = rings.flat();
  return [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))];
}

/** A small deterministic generator, so a corpus is the same every run. */
function random(seed: string): () => number {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h ^= h >>> 16) >>> 0) / 2 ** 32;
  };
}

/** The province's largest outer ring: where synthetic counties are placed. */
function mainRing(province: Feature): [number, number][] {
  const polygons =
    province.geometry.type === 'Polygon' ? [province.geometry.coordinates] : province.geometry.type === 'MultiPolygon' ? province.geometry.coordinates : [];
  return polygons.map((p) => p[0]).sort((a, b) => b.length - a.length)[0] as [number, number][];
}

/** A point inside the ring (planar test: the rings are RFC 7946, which d3's spherical tests read inside out). */
function pointInside(ring: [number, number][], rand: () => number): Position {
  const [w, s, e, n] = bounds([ring]);
  for (let i = 0; i < 500; i++) {
    const p: [number, number] = [w + rand() * (e - w), s + rand() * (n - s)];
    if (polygonContains(ring, p)) return p;
  }
  return [(w + e) / 2, (s + n) / 2];
}

/** An irregular counter-clockwise ring (RFC 7946 exterior) of `vertices` positions around `centre`. */
function blob(centre: Position, radius: number, vertices: number, rand: () => number): Position[] {
  const n = Math.max(4, vertices);
  const ring: Position[] = Array.from({ length: n }, (_, k) => {
    const angle = (2 * Math.PI * k) / n;
    const r = radius * (0.7 + 0.3 * rand());
    return [+(centre[0] + r * Math.cos(angle)).toFixed(5), +(centre[1] + r * Math.sin(angle)).toFixed(5)];
  });
  return [...ring, ring[0]];
}

/**
 * Add a polygon for every planned county to every data/geo/*.topo.json of
 * `dir` that has a `counties` object, and the county's province to its
 * `provinces` object when the file lacks it (the locator file keeps only the
 * provinces of featured counties).
 */
export function cloneGeometry(root: string, dir: string, plans: GeometryPlan[]): void {
  const geoDir = path.join(root, GEO_DIR);
  if (!plans.length || !existsSync(geoDir)) return;
  const files = readdirSync(geoDir).filter((f) => f.endsWith('.topo.json'));
  const topologies = new Map(files.map((f) => [f, JSON.parse(readFileSync(path.join(geoDir, f), 'utf8')) as Topology]));
  const decoded = new Map([...topologies].map(([f, topo]) => [f, decode(topo)]));
  // Every province outline any file has, the fullest file first.
  const provinces = new Map<string, Feature>();
  for (const layers of [...decoded.values()].sort((a, b) => (b.provinces?.features.length ?? 0) - (a.provinces?.features.length ?? 0))) {
    for (const f of layers.provinces?.features ?? []) if (!provinces.has(String(f.id))) provinces.set(String(f.id), f);
  }

  // The smallest radius a synthetic county may have: MIN_STEPS of the coarsest grid any file is quantized to.
  const minRadius = MIN_STEPS * Math.max(...[...topologies.values()].map((t) => t.transform?.scale[0] ?? 0));

  // One shape per county, shared by every file, as in the real data.
  const shapes = new Map<string, Feature>();
  for (const plan of plans) {
    const template = [...decoded.values()].flatMap((l) => l.counties?.features ?? []).find((f) => String(f.id) === plan.template.code);
    const province = provinces.get(`${plan.area.provinceCode}0000`);
    if (!template || !province) continue;
    const rings = ringsOf(template.geometry);
    const [w, s, e, n] = bounds(rings);
    const rand = random(plan.county.code);
    const area = mainRing(province);
    const inside = (ring: Position[]) => ring.every((p) => polygonContains(area, p as [number, number]));
    // As large as the template, shrunk until it lies inside its province (the build refuses a county outside
    // it), but never below MIN_STEPS of the coarsest file's grid, where quantization would leave it no area
    // (the build refuses that too): then another centre is tried.
    const largest = Math.max(e - w, n - s) / 2;
    let ring: Position[] | undefined;
    for (let attempt = 0; attempt < 200 && !ring; attempt++) {
      const centre = pointInside(area, rand);
      for (let radius = largest; radius >= minRadius && !ring; radius /= 2) {
        const candidate = blob(centre, radius, rings.flat().length, rand);
        if (inside(candidate)) ring = candidate;
      }
    }
    if (!ring) throw new Error(`bench geometry: no room in province ${plan.area.provinceCode} for a county ${minRadius}° across (${plan.county.code})`);
    shapes.set(plan.county.code, {
      type: 'Feature',
      id: plan.county.code,
      properties: { ...template.properties, name: plan.county.officialName },
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  }

  for (const [file, layers] of decoded) {
    if (!layers.counties) continue;
    layers.counties.features.push(...shapes.values());
    if (layers.provinces) {
      const present = new Set(layers.provinces.features.map((f) => String(f.id)));
      for (const plan of plans) {
        const id = `${plan.area.provinceCode}0000`;
        if (!present.has(id) && provinces.has(id)) {
          layers.provinces.features.push(provinces.get(id)!);
          present.add(id);
        }
      }
    }
    const topo = topologies.get(file)!;
    const out = topology(layers as Record<string, FeatureCollection>, quantizationOf(topo));
    writeFileSync(path.join(dir, GEO_DIR, file), `${JSON.stringify(out)}\n`);
  }
}

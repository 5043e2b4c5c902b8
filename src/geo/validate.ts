/**
 * Checks a geometry before anything is drawn from it. Generic GeoJSON
 * structure (types, positions, closed rings) is checked by
 * @placemarkio/check-geojson; the rules it leaves out are ours:
 * RFC 7946 winding (exterior rings counter-clockwise, holes clockwise),
 * and positions that lie inside China's bounding box, which also catches
 * [latitude, longitude] written the wrong way round.
 *
 * Between features: each county's outline must lie inside its province's
 * outline (the province is the first two digits of the code), so a county
 * moved into the sea or into another province stops the build.
 *
 * Every problem names the feature (code and name) and the file; the build
 * stops on the first file with a problem.
 */
import { getIssues } from '@placemarkio/check-geojson';
import { polygonContains } from 'd3';
import type { Feature, Geometry, Position } from 'geojson';
import { DataError } from '#/authoring/errors.ts';

/**
 * [west, south, east, north] in degrees. China's extremes are about
 * 73.5°E (Pamirs), 135.1°E (Heilong/Wusuli confluence), 53.6°N (Mohe) and
 * 3.4°N (the southern end of the South China Sea line); the box adds a margin.
 */
export const CHINA_BBOX = [73, 3, 136, 54] as const;

const inBox = ([lng, lat]: Position) => lng >= CHINA_BBOX[0] && lng <= CHINA_BBOX[2] && lat >= CHINA_BBOX[1] && lat <= CHINA_BBOX[3];

/** "630203 平安区": how a message names a feature. */
export function featureLabel(feature: Feature): string {
  const name = feature.properties?.name;
  return [feature.id, typeof name === 'string' ? name : undefined].filter((x) => x !== undefined && x !== '').join(' ') || '(feature without id or name)';
}

/**
 * Twice the signed area of a ring in the plane of longitude (x) and latitude
 * (y, pointing north): positive when the ring runs counter-clockwise.
 * Rings here are far smaller than a hemisphere and never cross the
 * antimeridian, so the planar sign is the spherical one.
 */
export function ringOrientation(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

const samePosition = (a: Position, b: Position) => a.length === b.length && a.every((v, i) => v === b[i]);

function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf);
  }
}

/** Problems with one feature, as sentences; empty when it is fine. */
export function featureProblems(feature: Feature): string[] {
  const generic = getIssues(JSON.stringify(feature)).map((issue) => issue.message);
  if (generic.length || !feature.geometry) return generic;
  const problems: string[] = [];

  polygonsOf(feature.geometry).forEach((polygon, p) => {
    polygon.forEach((ring, r) => {
      const where = `${r === 0 ? 'exterior ring' : `hole ${r}`} of polygon ${p + 1}`;
      if (ring.length < 4) problems.push(`${where} has ${ring.length} positions; a ring needs at least 4`);
      else if (!samePosition(ring[0], ring.at(-1)!)) problems.push(`${where} is not closed: it starts at [${ring[0]}] and ends at [${ring.at(-1)}]`);
      else {
        const orientation = ringOrientation(ring);
        if (orientation === 0) problems.push(`${where} has no area`);
        else if (r === 0 && orientation < 0) problems.push(`${where} is clockwise; RFC 7946 wants exterior rings counter-clockwise`);
        else if (r > 0 && orientation > 0) problems.push(`${where} is counter-clockwise; RFC 7946 wants holes clockwise`);
      }
    });
  });

  const outside = positionsOf(feature.geometry).filter((pos) => !inBox(pos));
  if (outside.length) {
    const first = outside[0];
    const swapped = inBox([first[1], first[0]]);
    problems.push(
      swapped
        ? `position [${first}] looks like [latitude, longitude]; GeoJSON positions are [longitude, latitude]${outside.length > 1 ? ` (${outside.length} positions)` : ''}`
        : `position [${first}] is outside China's bounding box [${CHINA_BBOX}]${outside.length > 1 ? ` (${outside.length} positions)` : ''}`,
    );
  }
  return problems;
}

/**
 * Throws a DataError listing every bad feature of `features`, read from
 * `file` (and from its object `layer`, for TopoJSON).
 */
export function validateFeatures(features: Feature[], file: string, layer?: string): void {
  const errors = features.flatMap((feature) =>
    featureProblems(feature).map((problem) => new DataError(file, `feature ${featureLabel(feature)}${layer ? ` (object "${layer}")` : ''}: ${problem}`)),
  );
  if (errors.length) throw DataError.combine(errors);
}

/**
 * How far, in km, a county's outline may stray outside its province's. Both
 * are simplified separately, so a shared border zigzags: the committed files
 * stray up to 6.4 km (青龙 in national.topo.json). About twice that; a
 * county shifted by more than that, or into the sea, is caught.
 */
export const BORDER_TOLERANCE_KM = 12;

const KM_PER_DEGREE = 111.32;

/** Planar point in polygon (degrees; holes excluded). Counties and provinces are small enough for the plane. */
const inPolygons = (position: Position, polygons: Position[][][]) =>
  polygons.some(
    ([outer, ...holes]) =>
      polygonContains(outer as [number, number][], position as [number, number]) &&
      !holes.some((h) => polygonContains(h as [number, number][], position as [number, number])),
  );

/** Distance in km from a position to the nearest edge of the polygons (longitude scaled by the cosine of the latitude). */
function kmToEdge(position: Position, polygons: Position[][][]): number {
  const k = Math.cos((position[1] * Math.PI) / 180);
  const [px, py] = [position[0] * k, position[1]];
  let best = Infinity;
  for (const ring of polygons.flat()) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [ax, ay, bx, by] = [ring[i][0] * k, ring[i][1], ring[i + 1][0] * k, ring[i + 1][1]];
      const [dx, dy] = [bx - ax, by - ay];
      const length = dx * dx + dy * dy;
      const t = length ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length)) : 0;
      best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
    }
  }
  return best * KM_PER_DEGREE;
}

/** One error per county whose outline leaves its province's by more than BORDER_TOLERANCE_KM (or whose province is missing). */
export function countiesOutsideProvinces(counties: Feature[], provinces: Feature[], file: string): DataError[] {
  const errors: DataError[] = [];
  for (const county of counties) {
    if (!county.geometry) continue;
    const provinceCode = `${String(county.id).slice(0, 2)}0000`;
    const province = provinces.find((p) => String(p.id) === provinceCode);
    if (!province?.geometry) {
      errors.push(
        new DataError(
          file,
          `feature ${featureLabel(county)} (object "counties"): its province ${provinceCode} is not in object "provinces"; run npm run geo:regenerate`,
        ),
      );
      continue;
    }
    const area = polygonsOf(province.geometry);
    const positions = polygonsOf(county.geometry).flat(2);
    const strays = positions.map((p) => ({ p, km: inPolygons(p, area) ? 0 : kmToEdge(p, area) })).filter((x) => x.km > BORDER_TOLERANCE_KM);
    if (strays.length) {
      const worst = strays.reduce((a, b) => (b.km > a.km ? b : a));
      errors.push(
        new DataError(
          file,
          `feature ${featureLabel(county)} (object "counties"): ${strays.length} of its ${positions.length} positions lie outside its province ${featureLabel(province)}, up to ${Math.round(worst.km)} km away (at [${worst.p}]); the county is in the wrong place or under the wrong code: run npm run geo:regenerate`,
        ),
      );
    }
  }
  return errors;
}

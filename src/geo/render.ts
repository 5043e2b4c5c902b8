/**
 * Static SVG maps, drawn at build time with d3-geo: the national map of the
 * featured counties (the home page's no-JavaScript map, and the one for
 * embeds and image downloads) and a story's locator map (its county within
 * its province). Pure functions: geometry and counties in, an SVG string out.
 *
 * The national map uses an Albers-style equal-area conic projection fitted to
 * the mainland, Hainan and Taiwan, with the South China Sea islands and the
 * South China Sea line in an inset at the bottom right, as Chinese maps do.
 */
import { geoAzimuthalEqualArea, geoCentroid, geoConicEqualArea, geoPath, type GeoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3';
import rewind from '@mapbox/geojson-rewind';
import { merge, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection } from 'topojson-specification';
import type { County } from '#/data/schemas.ts';
import type { Lang } from '#/i18n/editions.ts';
import { t } from '#/i18n/words.ts';
import { getCounties } from '#/data/site-data.ts';
import { getLocatorGeometry, getNationalGeometry, type GeoFeature, type GeometryFile } from './load.ts';
import { FONT } from '#/svg/font.ts';
import { esc } from '#/svg/markup.ts';
// Colours as presentation attributes, so the SVG stands alone (embeds, PNG); pages restyle by class for dark.
import { MAP_LIGHT } from '#/svg/palette.ts';
import { textWidth, wrapText } from '#/svg/text.ts';
import { variantsMarkup, WIDTHS, type Variant } from '#/svg/widths.ts';
import { labelBox, placeLabels, type Box, type LabelSide } from './labels.ts';

const LABEL_SIZE = 14;
/** The South China Sea inset's caption: its size, line height and the margin around it. */
const INSET_LABEL_SIZE = 11;
const INSET_LABEL_LEAD = 13;
const INSET_LABEL_PAD = 4;
/** Locator maps are drawn for the width they are shown at (src/svg/widths.ts): the national map's label size. */
const LOCATOR_LABEL_SIZE = LABEL_SIZE;

/**
 * d3-geo wants exterior rings clockwise, the opposite of RFC 7946: rewind a copy.
 * The copy is kept per object, so a province drawn on every locator map is
 * cloned and rewound once per build, not once per map.
 */
const rewound = new WeakMap<object, unknown>();
const forD3 = <T extends GeoPermissibleObjects>(geo: T): T => {
  if (!rewound.has(geo)) rewound.set(geo, rewind(structuredClone(geo) as never, true));
  return rewound.get(geo) as T;
};

const path = (projection: GeoProjection) => geoPath(projection).digits(1);

/** Where a county's marker stands: the centroid of its polygon. */
export const countyAnchor = (county: GeoFeature): [number, number] => geoCentroid(forD3(county)) as [number, number];

/** A province's polygons without the parts south of `lat` (the South China Sea islands for 17.9°N). */
function northOf(feature: GeoFeature, lat: number): Feature {
  const polygons: Position[][][] =
    feature.geometry.type === 'MultiPolygon' ? (feature.geometry as MultiPolygon).coordinates : [(feature.geometry as Polygon).coordinates];
  const kept = polygons.filter((polygon) => Math.max(...polygon[0].map((p) => p[1])) >= lat);
  return { ...feature, geometry: { type: 'MultiPolygon', coordinates: kept } };
}

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

const conic = () => geoConicEqualArea().rotate([-105, 0]).parallels([25, 47]);

/** Fits `object` to `width` and returns the height it takes, with `pad` all round. */
function fitToWidth(projection: GeoProjection, object: GeoPermissibleObjects, width: number, pad: number): number {
  projection.fitWidth(width - 2 * pad, object);
  const [[x0, y0], [, y1]] = geoPath(projection).bounds(object);
  const [tx, ty] = projection.translate();
  projection.translate([tx + pad - x0, ty + pad - y0]);
  return Math.ceil(y1 - y0 + 2 * pad);
}

interface Marker {
  county: County;
  href?: string;
  label: string;
  x: number;
  y: number;
  side: LabelSide;
  d: string;
  /** 'dot' on the national map; 'ring' round the county shape on a locator map. */
  style?: 'dot' | 'ring';
  radius?: number;
  fontSize?: number;
}

function markerSvg({ county, href, label, x, y, side, d, style = 'dot', radius = 5, fontSize = LABEL_SIZE }: Marker): string {
  const box = labelBox({ x, y, width: textWidth(label, fontSize), height: fontSize, radius }, side);
  const anchor = side.endsWith('right') ? 'start' : side.endsWith('left') ? 'end' : 'middle';
  const tx = anchor === 'start' ? box.x0 : anchor === 'end' ? box.x1 : x;
  const ty = box.y1 - fontSize * 0.18;
  const body = [
    `<path class="county-shape" d="${d}" fill="${MAP_LIGHT.county}"/>`,
    style === 'dot'
      ? `<circle class="county-marker" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${radius}" fill="${MAP_LIGHT.county}" stroke="${MAP_LIGHT.halo}" stroke-width="1.5"/>`
      : `<circle class="county-marker" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${radius.toFixed(1)}" fill="none" stroke="${MAP_LIGHT.county}" stroke-width="1.5"/>`,
    `<text class="county-label" x="${tx.toFixed(1)}" y="${ty.toFixed(1)}" text-anchor="${anchor}" font-size="${fontSize}" fill="${href ? MAP_LIGHT.county : MAP_LIGHT.label}" stroke="${MAP_LIGHT.halo}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${esc(label)}</text>`,
  ].join('');
  return href ? `<a class="county" href="${esc(href)}" data-code="${county.code}">${body}</a>` : `<g class="county" data-code="${county.code}">${body}</g>`;
}

export interface NationalMapOptions {
  /** Counties to mark; all of data/counties.json by default. */
  counties?: County[];
  /** The link of a county's story, or undefined for no link. */
  hrefFor?: (county: County) => string | undefined;
  /** Prefix for ids inside the SVG, unique on the page. */
  idPrefix?: string;
  width?: number;
  geometry?: GeometryFile;
}

export interface NationalMapMarker {
  code: string;
  label: string;
  href?: string;
  /** [longitude, latitude] of the marker. */
  lngLat: [number, number];
  side: LabelSide;
}

/** The layout the SVG uses, also handed to the Leaflet map so both place labels alike. */
export function nationalMapLayout(lang: Lang, options: NationalMapOptions = {}) {
  const { width = 800, geometry = getNationalGeometry(), hrefFor } = options;
  const counties = options.counties ?? getCounties();
  const { provinces, boundaries } = geometry.layers;
  const pad = 12;

  const mainland = forD3(collection(provinces.features.map((f) => northOf(f, 17.9))));
  const projection = conic();
  const height = fitToWidth(projection, mainland, width, pad);
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);

  const insetWidth = Math.round(width * 0.17);
  const inset = conic();
  const insetHeight = fitToWidth(inset, forD3(boundaries), insetWidth, 6);
  // The caption has a band of its own under the islands, so no line of the inset crosses it (the English
  // one is about as wide as the inset): wrapped to the inset's width, and the drawing clipped above it.
  const insetLabel = wrapText(t(lang, 'southChinaSeaIslands'), insetWidth - 2 * INSET_LABEL_PAD, INSET_LABEL_SIZE);
  const labelBand = insetLabel.length * INSET_LABEL_LEAD + INSET_LABEL_PAD;
  const insetBox: Box = { x0: width - insetWidth - 1, y0: height - insetHeight - labelBand - 1, x1: width - 1, y1: height - 1 };
  inset.translate([inset.translate()[0] + insetBox.x0, inset.translate()[1] + insetBox.y0]).clipExtent([
    [insetBox.x0, insetBox.y0],
    [insetBox.x1, insetBox.y1 - labelBand],
  ]);

  const shapes = counties.map((county) => {
    const shape = geometry.layers.counties.features.find((f) => f.id === county.code);
    if (!shape) throw new Error(`${geometry.file}: no county ${county.code} (${county.officialName}); run npm run geo:regenerate`);
    const lngLat = countyAnchor(shape);
    const [x, y] = projection(lngLat)!;
    return { county, shape, lngLat, x, y, label: county.name[lang], href: hrefFor?.(county) };
  });
  const sides = placeLabels(
    shapes.map(({ x, y, label }) => ({ x, y, width: textWidth(label, LABEL_SIZE), height: LABEL_SIZE })),
    { x0: 0, y0: 0, x1: width, y1: height },
    [insetBox],
  );
  const markers: (Marker & Pick<NationalMapMarker, 'lngLat'>)[] = shapes.map((s, i) => ({
    ...s,
    side: sides[i].side,
    d: path(projection)(forD3(s.shape)) ?? '',
  }));
  return { width, height, projection, inset, insetBox, insetLabel, markers, geometry };
}

/** Land, province borders and the South China Sea line, drawn through `projection`. */
function drawLand(geometry: GeometryFile, projection: GeoProjection): string {
  const topo = geometry.topology;
  const provinces = topo.objects.provinces as GeometryCollection;
  const p = path(projection);
  const land = forD3(merge(topo, provinces.geometries as never));
  const borders = mesh(topo, provinces, (a, b) => a !== b);
  return [
    `<path class="land" d="${p(land) ?? ''}" fill="${MAP_LIGHT.land}" stroke="${MAP_LIGHT.coast}" stroke-width="0.6" stroke-linejoin="round"/>`,
    `<path class="province-borders" d="${p(borders) ?? ''}" fill="none" stroke="${MAP_LIGHT.border}" stroke-width="0.8" stroke-linejoin="round"/>`,
    `<path class="sea-line" d="${p(geometry.layers.boundaries) ?? ''}" fill="none" stroke="${MAP_LIGHT.seaLine}" stroke-width="1.2" stroke-linecap="round"/>`,
  ].join('');
}

/** The inset's frame, content and caption (its lines, bottom right, under the drawing), inside `box`. */
function insetSvg(lang: Lang, geometry: GeometryFile, projection: GeoProjection, box: Box, caption: string[]): string {
  const label = t(lang, 'southChinaSeaIslands');
  const x = box.x1 - INSET_LABEL_PAD;
  const baseline = (i: number) => box.y1 - 5 - (caption.length - 1 - i) * INSET_LABEL_LEAD;
  const text =
    caption.length === 1
      ? `<text class="inset-label" x="${x}" y="${baseline(0)}" text-anchor="end" font-size="${INSET_LABEL_SIZE}" fill="${MAP_LIGHT.label}">${esc(label)}</text>`
      : `<text class="inset-label" text-anchor="end" font-size="${INSET_LABEL_SIZE}" fill="${MAP_LIGHT.label}">${caption.map((line, i) => `<tspan x="${x}" y="${baseline(i)}">${esc(line)}</tspan>`).join('')}</text>`;
  return [
    `<g class="inset" aria-label="${esc(label)}">`,
    `<rect class="inset-frame" x="${box.x0}" y="${box.y0}" width="${box.x1 - box.x0}" height="${box.y1 - box.y0}" fill="${MAP_LIGHT.halo}" stroke="${MAP_LIGHT.coast}" stroke-width="0.8"/>`,
    drawLand(geometry, projection),
    text,
    `</g>`,
  ].join('');
}

/** The national map as an SVG string. */
export function renderNationalMapSvg(lang: Lang, options: NationalMapOptions = {}): string {
  const { idPrefix = 'national-map' } = options;
  const { width, height, projection, inset, insetBox, insetLabel, markers, geometry } = nationalMapLayout(lang, options);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="geo-map national-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${esc(FONT)}" role="group" aria-labelledby="${idPrefix}-title">`,
    `<title id="${idPrefix}-title">${esc(t(lang, 'mapTitle'))}</title>`,
    `<g class="main">${drawLand(geometry, projection)}</g>`,
    insetSvg(lang, geometry, inset, insetBox, insetLabel),
    `<g class="counties">${markers.map(markerSvg).join('')}</g>`,
    `</svg>`,
  ].join('');
}

export interface LocatorOptions {
  counties?: County[];
  idPrefix?: string;
  width?: number;
  geometry?: { locator: GeometryFile; national: GeometryFile };
}

/** "青龙县在河北省的位置" / "Where Qinglong County is in Hebei": the one title of a locator map, on the page, in its SVG and on its downloads. */
export const locatorTitle = (county: County, lang: Lang) => t(lang, 'locatorTitle', { county: county.name[lang], province: county.province[lang] });

/** A story's locator map: its county within its province, neighbours in grey; `width` units wide (320 by default). */
export function renderLocatorSvg(code: string, lang: Lang, options: LocatorOptions = {}): string {
  const { width = WIDTHS[0], idPrefix = `locator-${code}` } = options;
  const { locator, national } = options.geometry ?? { locator: getLocatorGeometry(), national: getNationalGeometry() };
  const county = (options.counties ?? getCounties()).find((c) => c.code === code);
  if (!county) throw new Error(`renderLocatorSvg: ${code} is not in data/counties.json`);
  const provinceCode = `${code.slice(0, 2)}0000`;
  const shape = locator.layers.counties.features.find((f) => f.id === code);
  const province = locator.layers.provinces.features.find((f) => f.id === provinceCode);
  if (!shape || !province)
    throw new Error(
      `${locator.file}: no ${shape ? `province ${provinceCode}` : `county ${code}`} for the locator map of ${county.officialName}; run npm run geo:regenerate`,
    );

  const { height, x, y, radius, context, provinceD, shapeD } = locatorDrawing(shape, province, national, width);
  const label = county.name[lang];
  const fontSize = LOCATOR_LABEL_SIZE;
  const [{ side }] = placeLabels([{ x, y, width: textWidth(label, fontSize), height: fontSize, radius }], { x0: 0, y0: 0, x1: width, y1: height });
  const title = locatorTitle(county, lang);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="geo-map locator-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${esc(FONT)}" role="img" aria-labelledby="${idPrefix}-title">`,
    `<title id="${idPrefix}-title">${esc(title)}</title>`,
    `<path class="context" d="${context}" fill="${MAP_LIGHT.context}" stroke="${MAP_LIGHT.contextBorder}" stroke-width="0.8" stroke-linejoin="round"/>`,
    `<path class="province" d="${provinceD}" fill="${MAP_LIGHT.province}" stroke="${MAP_LIGHT.provinceBorder}" stroke-width="1" stroke-linejoin="round"/>`,
    markerSvg({ county, label, x, y, side, d: shapeD, style: 'ring', radius, fontSize }),
    `</svg>`,
  ].join('');
}

type LocatorWidthsOptions = Omit<LocatorOptions, 'width'> & { widths?: readonly number[] };

/** The locator map at each of `widths` (all of WIDTHS by default), each SVG with ids of its own: `<idPrefix>-w<width>`. */
export function locatorVariants(code: string, lang: Lang, options: LocatorWidthsOptions = {}): Variant[] {
  const { widths = WIDTHS, idPrefix = `locator-${code}`, ...rest } = options;
  return widths.map((width) => ({ width, svg: renderLocatorSvg(code, lang, { ...rest, width, idPrefix: `${idPrefix}-w${width}` }) }));
}

/** The locator map's variants as markup a page shows one of by CSS (src/svg/widths.ts). */
export const renderLocatorWidths = (code: string, lang: Lang, options: LocatorWidthsOptions = {}) => variantsMarkup(locatorVariants(code, lang, options));

interface LocatorDrawing {
  height: number;
  x: number;
  y: number;
  radius: number;
  context: string;
  provinceD: string;
  shapeD: string;
}

/**
 * The projected paths of a locator map. The same map is drawn for the story
 * page, the embed and the downloads, in both editions; its paths depend on
 * none of these, so they are computed once per county and width.
 */
const drawings = new WeakMap<GeometryFile, WeakMap<GeoFeature, Map<string, LocatorDrawing>>>();
function locatorDrawing(shape: GeoFeature, province: GeoFeature, national: GeometryFile, width: number): LocatorDrawing {
  if (!drawings.has(national)) drawings.set(national, new WeakMap());
  const byShape = drawings.get(national)!;
  if (!byShape.has(shape)) byShape.set(shape, new Map());
  const byKey = byShape.get(shape)!;
  const key = `${width}/${province.id}`;
  const cached = byKey.get(key);
  if (cached) return cached;

  const { height, projection, path: p, context, provinceD } = provinceView(province, national, width);
  const shapeD3 = forD3(shape);
  const [x, y] = projection(countyAnchor(shape))!;
  // The ring encloses the county's shape, with room to spare: small counties still catch the eye.
  const [[x0, y0], [x1, y1]] = p.bounds(shapeD3);
  const radius = Math.max(9, Math.hypot(Math.max(x - x0, x1 - x), Math.max(y - y0, y1 - y)) + 3);
  const drawing = { height, x, y, radius, context, provinceD, shapeD: p(shapeD3) ?? '' };
  byKey.set(key, drawing);
  return drawing;
}

interface ProvinceView {
  height: number;
  projection: GeoProjection;
  path: GeoPath;
  /** The other provinces, clipped to the frame. */
  context: string;
  provinceD: string;
}

/**
 * What every locator map of one province shares at one width: the
 * projection (centred on and fitted to the province) and the paths of the
 * province and of its neighbours, which are most of a locator's projecting.
 * Computed once per province, not once per county (at 2,800 counties, about
 * ninety times fewer).
 */
const provinceViews = new WeakMap<GeometryFile, WeakMap<GeoFeature, Map<number, ProvinceView>>>();
function provinceView(province: GeoFeature, national: GeometryFile, width: number): ProvinceView {
  if (!provinceViews.has(national)) provinceViews.set(national, new WeakMap());
  const byProvince = provinceViews.get(national)!;
  if (!byProvince.has(province)) byProvince.set(province, new Map());
  const byWidth = byProvince.get(province)!;
  const cached = byWidth.get(width);
  if (cached) return cached;

  const pad = 10;
  const maxHeight = Math.round(width * 0.75);
  const provinceD3 = forD3(province);
  const [cx, cy] = geoCentroid(provinceD3);
  const projection = geoAzimuthalEqualArea().rotate([-cx, -cy]);
  let height = fitToWidth(projection, provinceD3, width, pad);
  if (height > maxHeight) {
    height = maxHeight;
    projection.fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      provinceD3,
    );
  }
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const p = path(projection);
  const neighbours = collection(national.layers.provinces.features.filter((f) => f.id !== province.id).map((f) => forD3(f)));
  const view = { height, projection, path: p, context: p(neighbours) ?? '', provinceD: p(provinceD3) ?? '' };
  byWidth.set(width, view);
  return view;
}

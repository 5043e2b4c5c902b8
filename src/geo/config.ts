/**
 * Map settings chosen at build time.
 *
 * The base layer is the site's own geometry, so maps work offline and in
 * mainland China and make no third-party request. A raster tile layer can be
 * added under it by building with MAP_TILE_URL set (a Leaflet URL template,
 * e.g. "/tiles/{z}/{x}/{y}.png" served by the site itself). Off by default.
 * Tiles must be WGS-84 Web Mercator: GCJ-02 tiles (AMap, Tencent) would sit
 * hundreds of metres off the boundaries (see data/geo/PROVENANCE.md).
 */
export interface TileLayerConfig {
  url: string;
  attribution: string;
}

export function tileLayerConfig(env: Record<string, string | undefined> = process.env): TileLayerConfig | null {
  const url = env.MAP_TILE_URL?.trim();
  return url ? { url, attribution: env.MAP_TILE_ATTRIBUTION ?? '' } : null;
}

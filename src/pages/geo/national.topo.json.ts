/**
 * /geo/national.topo.json — the geometry the home page's Leaflet map loads:
 * provinces, the South China Sea line and the featured counties, as TopoJSON
 * (data/geo/national.topo.json, validated here: a bad feature stops the build).
 */
import { getNationalGeometry, checkCountiesPresent } from '#/geo/load.ts';
import { getCounties } from '#/data/site-data.ts';

export function GET() {
  const geometry = getNationalGeometry();
  checkCountiesPresent(geometry.layers.counties, getCounties(), geometry.file);
  return new Response(JSON.stringify(geometry.topology), { headers: { 'Content-Type': 'application/json' } });
}

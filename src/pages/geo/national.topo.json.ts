/**
 * /geo/national.topo.json — the geometry the home page's Leaflet map loads:
 * provinces, the South China Sea line and the featured counties, as TopoJSON
 * (data/geo/national.topo.json, validated before any page renders by
 * checkGeometry in src/geo/load.ts: a bad feature stops the build).
 */
import { getNationalGeometry } from '#/geo/load.ts';

export function GET() {
  return new Response(JSON.stringify(getNationalGeometry().topology), { headers: { 'Content-Type': 'application/json' } });
}

/**
 * /downloads/<kind>/<id>.csv: a graphic's own data, one file for both editions.
 * A chart: its figures only, with the columns and cells of its dataset
 * version's tidy CSV (tidyCsv in src/publishing/dataset-files.ts: BOM, CRLF,
 * dates as text). A map: the counties it shows.
 */
import type { APIRoute } from 'astro';
import { withGraphicKeys } from '#/publishing/page-keys.ts';
import { getGraphics, type Graphic } from '#/publishing/graphics.ts';
import { graphicCsvPath } from '#/publishing/urls.ts';

export const getStaticPaths = () =>
  withGraphicKeys(
    getGraphics().map((graphic) => ({
      params: {
        kind: graphic.kind,
        name: graphicCsvPath(graphic.kind, graphic.id)
          .split('/')
          .at(-1)!
          .replace(/\.csv$/, ''),
      },
      props: { graphic },
    })),
  );

export const GET: APIRoute = ({ props, site }) =>
  new Response((props as { graphic: Graphic }).graphic.csv(site), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

/** /downloads/charts/<id>/<version>.csv: a chart's figures as drawn from one dataset version (its pinned embed's data), one file for both editions; columns and cells as the tidy CSV's. */
import type { APIRoute } from 'astro';
import { pageKeys } from '#/publishing/page-keys.ts';
import { getGraphics, type PinnedVersion } from '#/publishing/graphics.ts';

export const getStaticPaths = () =>
  getGraphics('charts').flatMap((graphic) =>
    (graphic.pinned ?? []).map((pinned) => ({
      params: { kind: graphic.kind, id: graphic.id, version: pinned.version },
      props: { pinned },
      cacheKey: pageKeys.graphic(graphic),
    })),
  );

export const GET: APIRoute = ({ props }) =>
  new Response((props as { pinned: PinnedVersion }).pinned.csv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

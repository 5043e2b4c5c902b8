/** /data/<id>/<version>.tidy.csv — the dataset version for people: one line per figure, UTF-8 with a BOM (see tidyCsv in src/publishing/dataset-files.ts for the columns). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetFilePaths } from '#/publishing/page-keys.ts';
import { getClaimants } from '#/data/site-data.ts';
import { tidyCsv } from '#/publishing/dataset-files.ts';
import type { LoadedDataset } from '#/data/datasets.ts';

export const getStaticPaths = datasetFilePaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(tidyCsv((props as { dataset: LoadedDataset }).dataset.data, getClaimants()), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });

/** /data/<id>/<version>.csv — the dataset version as CSV, UTF-8 with a BOM (see src/publishing/dataset-files.ts for the columns). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetFilePaths } from '#/publishing/page-keys.ts';
import { datasetCsv } from '#/publishing/dataset-files.ts';
import type { LoadedDataset } from '#/data/datasets.ts';

export const getStaticPaths = datasetFilePaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(datasetCsv((props as { dataset: LoadedDataset }).dataset.data), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });

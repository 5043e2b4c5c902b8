/** /data/<id>/<version>.json — the released dataset file, byte for byte (its hash is in data/datasets.lock.json). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetFilePaths } from '#/publishing/page-keys.ts';
import { ROOT } from '#/data/site-data.ts';
import { datasetJsonText } from '#/publishing/dataset-files.ts';
import type { LoadedDataset } from '#/data/datasets.ts';

export const getStaticPaths = datasetFilePaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(datasetJsonText(ROOT, (props as { dataset: LoadedDataset }).dataset), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

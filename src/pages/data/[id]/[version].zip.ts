/** /data/<id>/<version>.zip — the dataset version's bundle: JSON, CSV, tidy CSV, README and CITATION.cff (src/publishing/dataset-bundle.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetFilePaths } from '#/publishing/page-keys.ts';
import { getClaimants, ROOT } from '#/data/site-data.ts';
import { datasetBundle } from '#/publishing/dataset-bundle.ts';
import type { LoadedDataset } from '#/data/datasets.ts';

export const getStaticPaths = datasetFilePaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  new Response(datasetBundle(ROOT, (props as { dataset: LoadedDataset }).dataset, getClaimants(), site), {
    headers: { 'Content-Type': 'application/zip' },
  });

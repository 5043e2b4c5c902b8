/**
 * Checks that must pass before Astro renders a single page: the datasets
 * (schema, file names, lock, who says so), the county and sources registries, and the
 * chart specs (resolved against their pinned dataset versions).
 * A failure stops the build with a message naming the file and the field.
 */
import type { AstroIntegration } from 'astro';
import { getClaimants, getCounties, getDatasets, getSources } from './site.ts';
import { checkClaimants } from './claimants.ts';
import { DataError } from './errors.ts';
import { checkCounties } from './counties.ts';
import { getCharts } from './charts/registry.ts';

export default function dataChecks(): AstroIntegration {
  return {
    name: 'county-stories:data-checks',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const datasets = getDatasets();
        const sources = getSources();
        const claimantErrors = checkClaimants(datasets, getClaimants());
        if (claimantErrors.length) throw DataError.combine(claimantErrors);
        checkCounties(getCounties());
        const charts = getCharts();
        logger.info(`${datasets.all.length} dataset versions, ${getCounties().length} counties, ${sources.length} sources and ${charts.size} charts checked`);
      },
    },
  };
}

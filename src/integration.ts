/**
 * Checks that must pass before Astro renders a single page: the datasets
 * (schema, file names, lock), the county and sources registries, and the
 * chart specs (resolved against their pinned dataset versions).
 * A failure stops the build with a message naming the file and the field.
 */
import type { AstroIntegration } from 'astro';
import { getCounties, getDatasets, getSources } from './site.ts';
import { checkCounties } from './counties.ts';
import { getCharts } from './charts/registry.ts';
import { checkAppendOnly, FIRST_RELEASE, LOCK_FILE } from './append-only.ts';
import { DataError } from './errors.ts';
import { PUBLISHED_FILE } from './published-urls.ts';
import { fileURLToPath } from 'node:url';

export default function dataChecks(): AstroIntegration {
  return {
    name: 'county-stories:data-checks',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        // The append-only files against git history (src/append-only.ts).
        const appendOnly = checkAppendOnly(fileURLToPath(config.root), FIRST_RELEASE);
        if (appendOnly.unavailable) logger.warn(`${PUBLISHED_FILE} and ${LOCK_FILE} NOT checked against git history: ${appendOnly.unavailable}. CI checks them (tests/unit/append-only.test.ts).`);
        if (appendOnly.errors.length) throw DataError.combine(appendOnly.errors);
        const datasets = getDatasets();
        const sources = getSources();
        checkCounties(getCounties());
        const charts = getCharts();
        logger.info(`${datasets.all.length} dataset versions, ${getCounties().length} counties, ${sources.length} sources and ${charts.size} charts checked`);
      },
    },
  };
}

/**
 * Checks that must pass before Astro renders a single page: the datasets
 * (schema, file names, lock), the county registry and the sources registry.
 * A failure stops the build with a message naming the file and the field.
 */
import type { AstroIntegration } from 'astro';
import { getCounties, getDatasets, getSources } from './site.ts';
import { checkCounties } from './counties.ts';

export default function dataChecks(): AstroIntegration {
  return {
    name: 'county-stories:data-checks',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const datasets = getDatasets();
        const sources = getSources();
        checkCounties(getCounties());
        logger.info(`${datasets.all.length} dataset versions, ${getCounties().length} counties and ${sources.length} sources checked`);
      },
    },
  };
}

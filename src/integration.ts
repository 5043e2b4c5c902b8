/**
 * Checks that must pass before Astro renders a single page: the datasets
 * (schema, file names, lock), the county and sources registries, the
 * chart specs (resolved against their pinned dataset versions), and the
 * stories' MDX and prose (src/story-prose.ts), read before any MDX is compiled.
 * A failure stops the build with a message naming the file and the field.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { DataError } from './errors.ts';
import { checkStoryProse } from './story-prose.ts';
import { getCounties, getDatasets, getSources } from './site.ts';
import { checkCounties } from './counties.ts';
import { getCharts } from './charts/registry.ts';

export default function dataChecks(): AstroIntegration {
  return {
    name: 'county-stories:data-checks',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const datasets = getDatasets();
        const sources = getSources();
        checkCounties(getCounties());
        const charts = getCharts();
        const started = performance.now();
        const storyErrors = checkStoryProse(fileURLToPath(config.root), datasets);
        if (storyErrors.length) throw DataError.combine(storyErrors);
        logger.info(`${datasets.all.length} dataset versions, ${getCounties().length} counties, ${sources.length} sources, ${charts.size} charts and the stories' prose checked (prose: ${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}

/**
 * Checks that must pass before Astro renders a single page: everything in
 * src/content-checks.ts (datasets, lock, quotes, counties, sources, timeline,
 * redirects, chart specs, the stories' MDX and prose). A failure stops the build with every problem,
 * each naming the file and the field.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent, describeSummary } from './content-checks.ts';

export default function dataChecks(): AstroIntegration {
  return {
    name: 'county-stories:data-checks',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        logger.info(describeSummary(checkContent(fileURLToPath(config.root))));
      },
    },
  };
}

/**
 * Checks that must pass before Astro renders a single page: everything in
 * src/authoring/checks.ts (datasets, lock, quotes, who says so, counties,
 * sources, timeline, redirects, chart specs, the stories' MDX and prose).
 * A failure stops the build with every problem, each naming the file and the field.
 *
 * In `npm run dev` the same checks run on every edit under data/, content/charts/
 * and the stories instead (src/authoring/dev-loop.ts): the server keeps running, shows
 * each problem in the browser, and previews unreleased work as drafts.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent, describeSummary } from '#/authoring/checks.ts';
import { enableDraftPreview } from '#/authoring/live.ts';
import { watchLiveData } from '#/authoring/dev-loop.ts';
import { mdxProseCheck } from '#/stories/less-than.ts';
import { checkAppendOnly, FIRST_RELEASE, LOCK_FILE } from '#/data/append-only.ts';
import { DataError } from '#/authoring/errors.ts';
import { PUBLISHED_FILE } from '#/publishing/published-urls.ts';

export default function dataChecks(): AstroIntegration {
  return {
    name: 'county-stories:data-checks',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [mdxProseCheck(process.cwd())],
            // The atomic build's staging folders (scripts/build.ts): a build while dev runs is not an edit.
            server: { watch: { ignored: ['**/.dist-*/**'] } },
            build: {
              rolldownOptions: {
                onwarn(warning: { code?: string; message: string }, warn: (w: typeof warning) => void) {
                  // Astro marks every MDX entry's propagated-assets module with this directive and reads
                  // the marker itself before bundling; the bundler's warning is about Astro's own
                  // generated code, once per story, and there is nothing to fix in it (withastro/astro#18087).
                  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
                  warn(warning);
                },
              },
            },
          },
        });
        if (command === 'dev') {
          enableDraftPreview();
          return;
        }
        // The append-only files against git history (src/data/append-only.ts): what was published stays listed.
        const appendOnly = checkAppendOnly(fileURLToPath(config.root), FIRST_RELEASE);
        if (appendOnly.unavailable)
          logger.warn(
            `${PUBLISHED_FILE} and ${LOCK_FILE} NOT checked against git history: ${appendOnly.unavailable}. CI checks them (tests/unit/append-only.test.ts).`,
          );
        if (appendOnly.errors.length) throw DataError.combine(appendOnly.errors);
        logger.info(describeSummary(checkContent(fileURLToPath(config.root))));
      },
      'astro:server:setup': ({ server, logger }) => watchLiveData(server, logger),
    },
  };
}

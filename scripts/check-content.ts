/**
 * The fast content check: every rule the build enforces before rendering a
 * page (datasets, lock, quotes, counties, sources, timeline, redirects, chart
 * specs), without Astro or a browser. Run it after every edit to data/ or
 * content/charts/.
 *
 *   npm run check:content
 */
import { checkContent, describeSummary } from '#/authoring/checks.ts';
import { DataError } from '#/authoring/errors.ts';

try {
  console.log(`Content OK: ${describeSummary(checkContent(process.cwd()))}`);
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  console.error(error.message);
  process.exit(1);
}

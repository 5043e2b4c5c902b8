/**
 * Site search: after Astro has written the pages, Pagefind indexes them into
 * <outDir>/pagefind/ (index, default UI and its CSS: served from our own files).
 *
 * Pagefind makes one index per <html lang> (zh-cn, en), so each edition's
 * search page only finds that edition's pages. Only elements marked
 * data-pagefind-body are indexed (the story article, in src/layouts/Story.astro);
 * data-pagefind-filter marks the province and theme filters there.
 *
 * The version is pinned (package.json: "pagefind": "1.6.0"): Chinese is
 * segmented at index time and again, differently, in the browser, and recall
 * has changed between releases; tests/browser/search.test.ts measures it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export const SEARCH_BUNDLE = 'pagefind';

/** Index the built site in `outDir`; returns the number of pages indexed per language. */
export async function buildSearchIndex(outDir: string): Promise<{ pages: number }> {
  const fail = (step: string, errors: string[]) => new Error(`search index (Pagefind ${step}) failed for ${outDir}: ${errors.join('; ')}`);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length) throw fail('createIndex', errors);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw fail('addDirectory', added.errors);
    if (added.page_count === 0) throw fail('addDirectory', ['no page has data-pagefind-body']);
    const written = await index.writeFiles({ outputPath: path.join(outDir, SEARCH_BUNDLE) });
    if (written.errors.length) throw fail('writeFiles', written.errors);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

export default function search(): AstroIntegration {
  return {
    name: 'county-stories:search',
    hooks: {
      // `dir` is where this build writes (a staging dir when the build is atomic), never a fixed dist/.
      'astro:build:done': async ({ dir, logger }) => {
        const { pages } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`Pagefind indexed ${pages} pages`);
      },
    },
  };
}

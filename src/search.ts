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
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export const SEARCH_BUNDLE = 'pagefind';

/**
 * Without any data-pagefind-body, Pagefind would index every page whole
 * (menus, footers, dataset tables): refuse rather than degrade silently.
 */
function assertBodiesMarked(outDir: string): void {
  const html = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
  if (!html.some((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8').includes('data-pagefind-body'))) {
    throw new Error(`search index: no page in ${outDir} has data-pagefind-body (src/layouts/Story.astro marks each story's article with it)`);
  }
}

/** Index the built site in `outDir`; returns the number of pages indexed per language ("zh-cn", "en"). */
export async function buildSearchIndex(outDir: string): Promise<Record<string, number>> {
  const fail = (step: string, errors: string[]) => new Error(`search index (Pagefind ${step}) failed for ${outDir}: ${errors.join('; ')}`);
  assertBodiesMarked(outDir);
  const bundle = path.join(outDir, SEARCH_BUNDLE);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length) throw fail('createIndex', errors);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw fail('addDirectory', added.errors);
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw fail('writeFiles', written.errors);
  } finally {
    await pagefind.close();
  }
  const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
}

export default function search(): AstroIntegration {
  return {
    name: 'county-stories:search',
    hooks: {
      // `dir` is where this build writes (a staging dir when the build is atomic), never a fixed dist/.
      'astro:build:done': async ({ dir, logger }) => {
        const pages = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`Pagefind indexed ${Object.entries(pages).map(([lang, n]) => `${n} pages (${lang})`).join(', ')}`);
      },
    },
  };
}

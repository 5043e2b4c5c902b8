/**
 * Site search: after Astro has written the pages, Pagefind indexes them into
 * <outDir>/pagefind/ (index, default UI and its CSS: served from our own files).
 * The build script runs it once Astro's process has exited (scripts/build.ts),
 * not from an Astro hook: Pagefind's memory would otherwise come on top of
 * Astro's (together 8 GB at 2,800 counties; apart, Astro peaks near 4 GB and
 * Pagefind at 2.5 GB).
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
import * as pagefind from 'pagefind';

export const SEARCH_BUNDLE = 'pagefind';

/**
 * The built pages that have something to index: those with a
 * data-pagefind-body (the stories). Pagefind would skip the others anyway,
 * but only after reading and parsing every one of them: at 1,000 counties
 * that is 18,000 pages, and the indexer's memory was the build's peak.
 * Without any such page Pagefind would index every page whole (menus,
 * footers, dataset tables): refuse rather than degrade silently.
 */
function* pagesToIndex(outDir: string): Generator<{ sourcePath: string; content: string }> {
  const html = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'))
    .sort(); // a stable order, so the same site gives the same index files
  let found = false;
  for (const sourcePath of html) {
    const content = readFileSync(path.join(outDir, sourcePath), 'utf8');
    if (!content.includes('data-pagefind-body')) continue;
    found = true;
    yield { sourcePath, content };
  }
  if (!found) throw new Error(`search index: no page in ${outDir} has data-pagefind-body (src/layouts/Story.astro marks each story's article with it)`);
}

/** Index the built site in `outDir`; returns the number of pages indexed per language ("zh-cn", "en"). */
export async function buildSearchIndex(outDir: string): Promise<Record<string, number>> {
  const fail = (step: string, errors: string[]) => new Error(`search index (Pagefind ${step}) failed for ${outDir}: ${errors.join('; ')}`);
  const bundle = path.join(outDir, SEARCH_BUNDLE);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length) throw fail('createIndex', errors);
    for (const page of pagesToIndex(outDir)) {
      const added = await index.addHTMLFile(page);
      if (added.errors.length) throw fail(`addHTMLFile ${page.sourcePath}`, added.errors);
    }
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw fail('writeFiles', written.errors);
  } finally {
    await pagefind.close();
  }
  const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
}

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
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { LANGS } from '#/i18n/editions.ts';
import { siteRoute, storyPagePath } from './urls.ts';

export const SEARCH_BUNDLE = 'pagefind';

/** The folders story pages are written to ("counties", "en/themes"), from storyPagePath, so the two cannot drift. */
const STORY_FOLDERS = LANGS.flatMap((lang) =>
  (['county', 'theme'] as const).map((kind) => siteRoute(storyPagePath(kind, 'slug', lang)).replace(/^\/|\/slug\/$/g, '')),
);

/** Every <svg>…</svg> taken out, nested ones with their outermost: Pagefind indexes no text of an SVG, but parses it all. */
export function withoutSvg(html: string): string {
  let kept = '';
  let depth = 0;
  let from = 0;
  for (const tag of html.matchAll(/<svg\b|<\/svg>/g)) {
    if (tag[0] !== '</svg>') {
      if (depth++ === 0) kept += html.slice(from, tag.index);
    } else if (--depth === 0) from = tag.index + tag[0].length;
  }
  return kept + html.slice(from);
}

/**
 * The built pages that have something to index: the story pages, which carry
 * data-pagefind-body (src/layouts/Story.astro). Only their folders are read:
 * reading every page to look for the marker cost 2 s at 100 counties (4,500
 * pages) and would cost a minute at 2,800, on every build. Their charts' SVG
 * is left out (withoutSvg): the index is byte for byte the same, built from
 * half the bytes (tests/build/search-index.test.ts). Without any such page
 * Pagefind would index every page whole (menus, footers, dataset tables):
 * refuse rather than degrade silently.
 */
function* pagesToIndex(outDir: string): Generator<{ sourcePath: string; content: string }> {
  const html = STORY_FOLDERS.flatMap((folder) =>
    existsSync(path.join(outDir, folder)) ? readdirSync(path.join(outDir, folder)).map((slug) => `${folder}/${slug}/index.html`) : [],
  )
    .filter((f) => existsSync(path.join(outDir, f)))
    .sort(); // a stable order, so the same site gives the same index files
  let found = false;
  for (const sourcePath of html) {
    const content = readFileSync(path.join(outDir, sourcePath), 'utf8');
    if (!content.includes('data-pagefind-body')) continue;
    found = true;
    yield { sourcePath, content: withoutSvg(content) };
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

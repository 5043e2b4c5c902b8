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
 * Pagefind's own program does the work, reading the pages itself. Its Node
 * API had this process read every story and pass it over a pipe: at 100
 * counties 2.8 s of CPU and 2.3 s against 1.9 s and 1.1 s, for the same
 * fragments (the index files differ only by the order pages are numbered in).
 *
 * The version is pinned (package.json: "pagefind": "1.6.0"): Chinese is
 * segmented at index time and again, differently, in the browser, and recall
 * has changed between releases; tests/browser/search.test.ts measures it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGS } from '#/i18n/editions.ts';
import { siteRoute, storyPagePath } from './urls.ts';

export const SEARCH_BUNDLE = 'pagefind';

/** The folders story pages are written to ("counties", "en/themes"), from storyPagePath, so the two cannot drift. */
const STORY_FOLDERS = LANGS.flatMap((lang) =>
  (['county', 'theme'] as const).map((kind) => siteRoute(storyPagePath(kind, 'slug', lang)).replace(/^\/|\/slug\/$/g, '')),
);

/**
 * The built pages that have something to index: the story pages, which carry
 * data-pagefind-body (src/layouts/Story.astro). Only their folders are read:
 * reading every page to look for the marker cost 2 s at 100 counties (4,500
 * pages) and would cost a minute at 2,800, on every build.
 */
const STORY_PAGES = `{${STORY_FOLDERS.join(',')}}/*/index.html`;

/**
 * Pagefind's program for this platform, found the way its own `pagefind`
 * command finds it (lib/resolveBinary.js: the PAGEFIND_BINARY_PATH override,
 * else the @pagefind/<platform> package). Run directly, not through that
 * command, which would run it as a child of its own: stopping the command
 * (scripts/build.ts, when interrupted) would leave the program writing.
 */
async function pagefindProgram(): Promise<string> {
  const resolver = new URL('resolveBinary.js', import.meta.resolve('pagefind'));
  const { resolveBinaryPath } = (await import(resolver.href)) as { resolveBinaryPath: (names: string[]) => string };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/**
 * What Pagefind prints when no page it read has data-pagefind-body, and when
 * some page has. Without any such page it would index every page whole
 * (menus, footers, dataset tables): refuse rather than degrade silently.
 */
const BODY_MISSING = 'Did not find a data-pagefind-body element on the site.';
const BODY_FOUND = 'Found a data-pagefind-body element on the site.';

/**
 * Index the built site in `outDir`; returns the number of pages indexed per
 * language ("zh-cn", "en"). `started` is given Pagefind's process, for a
 * caller that may have to stop it (scripts/build.ts, when interrupted).
 */
export async function buildSearchIndex(outDir: string, started?: (pagefind: ChildProcess) => void): Promise<Record<string, number>> {
  const pagefind = spawn(await pagefindProgram(), ['--site', outDir, '--glob', STORY_PAGES, '--output-subdir', SEARCH_BUNDLE], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started?.(pagefind);
  let log = '';
  pagefind.stdout.on('data', (d) => (log += d));
  pagefind.stderr.on('data', (d) => (log += d));
  const status = await new Promise<number | null>((resolve, reject) => {
    pagefind.on('error', reject);
    pagefind.on('close', resolve);
  });
  if (log.includes(BODY_MISSING))
    throw new Error(`search index: no page in ${outDir} has data-pagefind-body (src/layouts/Story.astro marks each story's article with it)`);
  if (status !== 0 || !log.includes(BODY_FOUND)) throw new Error(`search index (Pagefind) failed for ${outDir} (exit ${status}):\n${log.trim()}`);
  const entry = JSON.parse(readFileSync(path.join(outDir, SEARCH_BUNDLE, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
}

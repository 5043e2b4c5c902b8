/**
 * Unchanged pages linked, not copied, by Astro's incremental build.
 *
 * Astro (experimental.incrementalBuild, astro.config.mjs) keeps a copy of
 * every keyed file it wrote in node_modules/.astro/dist/ and copies the copy
 * into the output when the file's key is unchanged. The site writes 137 files
 * per county, and every build starts from an empty staging folder
 * (scripts/build.ts), so a one-county edit copied the whole site in and then
 * deleted the whole previous output. Linked instead, an edit at 300 counties
 * spends 13.1 s rendering instead of 19.3 s, and 15.3 s instead of 19.2 s on
 * the search index and the swap (BENCHMARKS.md, "What each change bought").
 *
 * Here the copy is a hard link: an unchanged file of the new output is the
 * cache's file (and the previous output's) under one more name. A file Astro
 * renders is linked the other way: Astro writes it into the output, and the
 * cache takes that file under a second name instead of a second copy of its
 * bytes. That is safe only while no file is ever written in place, since a
 * write through one name shows through all of them:
 * - Astro writes a rendered file into the staging folder, which it has just
 *   emptied (a new file), and then into its cache with `writeFile`, which
 *   would truncate the file there. That second write is replaced here: the
 *   cache's name is removed first, so the published output, which may link
 *   the old file, keeps it, and a failed build leaves it as it was.
 * - Nothing may change a file of the output after Astro wrote it (the site's
 *   integrations write new files only: `_headers`, the not-found copies, the
 *   search index). A step that rewrote pages in place would rewrite the cache,
 *   and tests/build/incremental.test.ts would see the next build differ.
 *
 * The two methods of Astro's cache are wrapped, not rewritten: where a link
 * cannot be made (another file system, no hard links), Astro's own copy or
 * write runs. If Astro's cache class changes shape, the build copies again
 * and says so; if its cache moves from `dist/` under `cacheDir`
 * (`cachedOutputFile`), nothing is found to link, every page is rendered
 * again, and tests/build/incremental.test.ts fails (it expects most files
 * taken from the last build, and every cached file to be the output's).
 */
import { linkSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

/** What the wrapped methods read of Astro's settings. */
interface CacheSettings {
  config: { cacheDir: URL; outDir: URL };
}

/** Astro's IncrementalBuildCache (astro/dist/core/build/incremental.js), the two methods wrapped. */
export interface OutputCache {
  restoreOutputFile(settings: CacheSettings, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: CacheSettings, outputFile: string, body: Uint8Array): Promise<void>;
}

/** Where Astro keeps its copy of an output file (getCachedOutputFile in Astro's incremental.js). */
export const cachedOutputFile = (settings: CacheSettings, outputFile: string) => new URL(outputFile, new URL('dist/', settings.config.cacheDir));

const ALREADY_LINKED = Symbol.for('county-stories:linked-output');

/** Errors after which a link cannot be made but a copy can. */
const NO_LINK = new Set(['ENOENT', 'EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK', 'EOPNOTSUPP']);

/** Makes `prototype`'s restores hard links and its cache writes replacements. Idempotent. */
export function linkOutputFiles(prototype: OutputCache): void {
  const marked = prototype as OutputCache & { [ALREADY_LINKED]?: true };
  if (marked[ALREADY_LINKED]) return;
  const { restoreOutputFile: copy, writeOutputFile: write } = prototype;
  const made = new Set<string>();
  /**
   * Links `from` as `to`, making `to`'s folder first; false where a link cannot be made but a copy can.
   * Synchronous: a link is one short system call, and Astro restores four files at a time, so going
   * through libuv's thread pool only added a hand-over and a wake-up to each (a warm build at 100
   * counties: 140,000 → 61,000–67,000 context switches, 0.8–1.3 s less system CPU, two builds each).
   */
  function linked(from: URL, to: URL): boolean {
    const folder = fileURLToPath(new URL('./', to));
    try {
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      linkSync(from, to);
      return true;
    } catch (error) {
      if (NO_LINK.has((error as NodeJS.ErrnoException).code ?? '')) return false;
      throw error;
    }
  }

  prototype.restoreOutputFile = async function (settings, outputFile, destination) {
    return linked(cachedOutputFile(settings, outputFile), destination) || copy.call(this, settings, outputFile, destination);
  };

  prototype.writeOutputFile = async function (settings, outputFile, body) {
    const cached = cachedOutputFile(settings, outputFile);
    // The name is removed, not the file: an output that links it keeps its bytes.
    rmSync(cached, { force: true });
    // Astro has just written these bytes into the output, at the same path under outDir.
    if (linked(new URL(outputFile, settings.config.outDir), cached)) return;
    return write.call(this, settings, outputFile, body);
  };
  marked[ALREADY_LINKED] = true;
}

/** Astro's cache class, loaded from the same file Astro's build imports it from. */
export async function astroOutputCache(): Promise<OutputCache> {
  const astro = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
  const module = (await import(pathToFileURL(path.join(astro, 'dist/core/build/incremental.js')).href)) as {
    IncrementalBuildCache?: { prototype: Partial<OutputCache> };
  };
  const prototype = module.IncrementalBuildCache?.prototype;
  if (typeof prototype?.restoreOutputFile !== 'function' || typeof prototype.writeOutputFile !== 'function') {
    throw new Error('IncrementalBuildCache has no restoreOutputFile and writeOutputFile');
  }
  return prototype as OutputCache;
}

async function linkAstroOutput(logger: AstroIntegrationLogger): Promise<void> {
  try {
    linkOutputFiles(await astroOutputCache());
  } catch (error) {
    logger.warn(`unchanged pages will be copied, not linked: Astro's incremental build has changed (${(error as Error).message})`);
  }
}

/** Astro integration: links instead of copies for the build it is part of. */
export function linkedOutput(): AstroIntegration {
  return {
    name: 'county-stories:linked-output',
    hooks: { 'astro:build:start': ({ logger }) => linkAstroOutput(logger) },
  };
}

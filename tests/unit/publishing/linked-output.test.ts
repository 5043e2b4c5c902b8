/**
 * Issue 16, item 3: the incremental build links files instead of copying
 * them (src/publishing/linked-output.ts). A rendered page is written once and
 * cached under a second name; an unchanged page is restored as one more name
 * for the cached file; a page rendered again replaces the cached file instead
 * of writing into it, so an output that links the old file (the published
 * site) keeps its bytes. Run on Astro's own IncrementalBuildCache, loaded as
 * the build loads it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroOutputCache, cachedOutputFile, linkOutputFiles, type OutputCache } from '#/publishing/linked-output.ts';

const root = mkdtempSync(path.join(tmpdir(), 'linked-output-'));
const PAGE = 'counties/demo/index.html';
/** Astro's settings for a build into `outDir` (a folder under `root`). */
const settings = (outDir: string) => ({
  config: { cacheDir: pathToFileURL(path.join(root, 'cache/')), outDir: pathToFileURL(path.join(root, outDir, '/')) },
});
const file = (outDir: string, page = PAGE) => path.join(root, outDir, page);
const cached = (page = PAGE) => cachedOutputFile(settings('any'), page);

/** What Astro does for a page it renders: the output file first, then the cache. */
async function render(outDir: string, body: string) {
  mkdirSync(path.dirname(file(outDir)), { recursive: true });
  writeFileSync(file(outDir), body);
  await cache.writeOutputFile(settings(outDir), PAGE, Buffer.from(body));
}

let cache: OutputCache;

beforeAll(async () => {
  const prototype = await astroOutputCache();
  linkOutputFiles(prototype);
  linkOutputFiles(prototype); // a second call must not wrap twice
  // The class itself, as Astro's build constructs it.
  const IncrementalBuildCache = prototype.constructor as new (...args: string[]) => OutputCache;
  cache = new IncrementalBuildCache('config', 'lockfile', 'key');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('linked incremental output', () => {
  it('caches a rendered page as a second name for the file written to the output', async () => {
    await render('first-build', 'first');
    expect(readFileSync(cached(), 'utf8')).toBe('first');
    expect(statSync(cached()).ino).toBe(statSync(file('first-build')).ino);
  });

  it('restores an unchanged page as one more name for the cached file', async () => {
    expect(await cache.restoreOutputFile(settings('published'), PAGE, pathToFileURL(file('published')))).toBe(true);
    expect(readFileSync(file('published'), 'utf8')).toBe('first');
    expect(statSync(file('published')).ino).toBe(statSync(cached()).ino);
    expect(statSync(cached()).nlink).toBe(3);
  });

  it('gives a page rendered again a new file: the published output keeps the old bytes', async () => {
    await render('next-build', 'second');
    expect(readFileSync(file('published'), 'utf8')).toBe('first');
    expect(readFileSync(cached(), 'utf8')).toBe('second');
    expect(statSync(cached()).ino).toBe(statSync(file('next-build')).ino);
    expect(statSync(file('published')).nlink).toBe(2);
  });

  it("writes the bytes when the output has no file to link (Astro's own write)", async () => {
    await cache.writeOutputFile(settings('empty-build'), 'counties/other/index.html', Buffer.from('bytes'));
    expect(readFileSync(cached('counties/other/index.html'), 'utf8')).toBe('bytes');
  });

  it('reports a page the cache does not hold as not restored, and writes nothing', async () => {
    const missing = pathToFileURL(file('published', 'counties/gone/index.html'));
    expect(await cache.restoreOutputFile(settings('published'), 'counties/gone/index.html', missing)).toBe(false);
    expect(existsSync(missing)).toBe(false);
  });
});

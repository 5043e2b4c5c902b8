/**
 * The content-keyed cache of rendered PNGs, kept between builds in
 * node_modules/.cache/county-stories/png/. A key is a hash of the SVG, the
 * width and the renderer version, so a hit is always the right image.
 *
 * Every build marks the images it used (a hit refreshes the file's time) and,
 * once it has succeeded, drops the ones it did not use: the cache holds the
 * current site's images and does not grow with every edit.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PNG_CACHE_DIR = path.join(process.cwd(), 'node_modules/.cache/county-stories/png');

export const pngCacheKey = (renderer: string, width: number, svg: string) => createHash('sha256').update(`${renderer}\n${width}\n${svg}`).digest('hex');

/** The cached image, marked as used by this build; undefined on a miss. */
export function readCachedPng(key: string, dir = PNG_CACHE_DIR): Buffer | undefined {
  const file = path.join(dir, `${key}.png`);
  if (!existsSync(file)) return undefined;
  const now = new Date();
  utimesSync(file, now, now);
  return readFileSync(file);
}

export function writeCachedPng(key: string, png: Buffer, dir = PNG_CACHE_DIR): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${key}.png`), png);
}

/** Deletes the images no build has used since `since` (the start of the build that just succeeded). Returns how many. */
export function prunePngCache(since: Date, dir = PNG_CACHE_DIR): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).mtime < since) {
      rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}

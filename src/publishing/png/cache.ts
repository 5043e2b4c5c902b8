/**
 * The content-keyed cache of rendered PNGs, kept between builds in
 * node_modules/.cache/county-stories/png/. A key is a hash of the SVG, the
 * width and the renderer version, so a hit is always the right image.
 *
 * Every build marks the images it used (a hit refreshes the file's time) and,
 * once it has succeeded, drops the ones it did not use: the cache holds the
 * current site's images and does not grow with every edit.
 *
 * An entry is written to a temporary file and renamed into place (writeFileAtomically), so a build
 * stopped mid-write (Ctrl-C, a full disk) never leaves half an image under a
 * key. A read checks the file is a whole PNG (signature, every chunk's CRC,
 * IHDR first and IEND last): a damaged entry is deleted and the image redrawn.
 * The CRCs catch truncation and flipped bytes at native speed (zlib.crc32);
 * decoding every cached image would cost about as much as drawing it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { BUILD_CACHE_DIR, writeFileAtomically } from '#/publishing/build-cache.ts';
import { PNG_SIGNATURE } from './encode.ts';

export const PNG_CACHE_DIR = path.join(BUILD_CACHE_DIR, 'png');

export const pngCacheKey = (renderer: string, width: number, svg: string) => createHash('sha256').update(`${renderer}\n${width}\n${svg}`).digest('hex');

/** A whole PNG file: the signature, then chunks with matching CRCs from IHDR to IEND and nothing after. */
export function isWholePng(png: Buffer): boolean {
  if (png.length < PNG_SIGNATURE.length || !png.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return false;
  let at = PNG_SIGNATURE.length;
  let first = true;
  while (at + 12 <= png.length) {
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > png.length) return false;
    const type = png.toString('latin1', at + 4, at + 8);
    if (first && type !== 'IHDR') return false;
    first = false;
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== png.readUInt32BE(at + 8 + length)) return false;
    if (type === 'IEND') return end === png.length;
    at = end;
  }
  return false;
}

/** The cached image, marked as used by this build; undefined on a miss or a damaged entry (which is deleted). */
export function readCachedPng(key: string, dir = PNG_CACHE_DIR): Buffer | undefined {
  const file = path.join(dir, `${key}.png`);
  if (!existsSync(file)) return undefined;
  const png = readFileSync(file);
  if (!isWholePng(png)) {
    rmSync(file, { force: true });
    return undefined;
  }
  const now = new Date();
  utimesSync(file, now, now);
  return png;
}

export function writeCachedPng(key: string, png: Buffer, dir = PNG_CACHE_DIR): void {
  writeFileAtomically(path.join(dir, `${key}.png`), png);
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

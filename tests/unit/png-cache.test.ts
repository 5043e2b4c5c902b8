import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { isWholePng, pngCacheKey, prunePngCache, readCachedPng, writeCachedPng } from '#/publishing/png/cache.ts';

const dirs: string[] = [];
const tempCache = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'png-cache-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const anHourAgo = () => new Date(Date.now() - 3_600_000);

/** A real PNG, `size` pixels square, its pixels seeded so different seeds give different files. */
function aPng(size = 8, seed = 1): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < png.data.length; i++) png.data[i] = (i * seed * 31) % 256;
  return PNG.sync.write(png);
}

describe('the PNG cache', () => {
  it('keys images by renderer, width and SVG', () => {
    const svg = '<svg width="10" height="10"/>';
    expect(pngCacheKey('resvg-2', 1280, svg)).toBe(pngCacheKey('resvg-2', 1280, svg));
    expect(pngCacheKey('resvg-2', 1280, svg)).not.toBe(pngCacheKey('resvg-3', 1280, svg));
    expect(pngCacheKey('resvg-2', 1280, svg)).not.toBe(pngCacheKey('resvg-2', 1200, svg));
    expect(pngCacheKey('resvg-2', 1280, svg)).not.toBe(pngCacheKey('resvg-2', 1280, svg.replace('10', '11')));
  });

  it('after a build, keeps the images the build used and drops the others', () => {
    const dir = tempCache();
    // Images left by an earlier build.
    const images = { used: aPng(8, 1), stale: aPng(8, 2), written: aPng(8, 3) };
    for (const key of ['used', 'stale'] as const) {
      writeCachedPng(key, images[key], dir);
      utimesSync(path.join(dir, `${key}.png`), anHourAgo(), anHourAgo());
    }
    const buildStarted = new Date(Date.now() - 1000);
    writeCachedPng('written', images.written, dir);
    expect(readCachedPng('used', dir)?.equals(images.used)).toBe(true);

    expect(prunePngCache(buildStarted, dir)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['used.png', 'written.png']);
    expect(readCachedPng('stale', dir)).toBeUndefined();
  });

  it('writes through a temporary file: only the finished image is ever under its key', () => {
    const dir = tempCache();
    writeCachedPng('k', aPng(), dir);
    expect(readdirSync(dir)).toEqual(['k.png']);
    expect(readCachedPng('k', dir)?.equals(aPng())).toBe(true);
  });

  it('accepts a whole PNG and refuses a truncated one, one with a flipped byte, or trailing bytes', () => {
    const png = aPng(64);
    expect(isWholePng(png)).toBe(true);
    expect(isWholePng(png.subarray(0, png.length - 1))).toBe(false);
    expect(isWholePng(png.subarray(0, Math.floor(png.length / 2)))).toBe(false);
    expect(isWholePng(Buffer.alloc(0))).toBe(false);
    const flipped = Buffer.from(png);
    flipped[Math.floor(png.length / 2)] ^= 0xff;
    expect(isWholePng(flipped)).toBe(false);
    expect(isWholePng(Buffer.concat([png, Buffer.from('x')]))).toBe(false);
  });

  it('treats a truncated entry as a miss and deletes it, so the image is drawn again', () => {
    const dir = tempCache();
    const png = aPng(64);
    writeCachedPng('cut', png, dir);
    // A build killed mid-write before writes were atomic, or a damaged disk.
    writeFileSync(path.join(dir, 'cut.png'), png.subarray(0, png.length - 20));
    expect(readCachedPng('cut', dir)).toBeUndefined();
    expect(existsSync(path.join(dir, 'cut.png'))).toBe(false);
    writeCachedPng('cut', png, dir);
    expect(readFileSync(path.join(dir, 'cut.png')).equals(png)).toBe(true);
    expect(readCachedPng('cut', dir)?.equals(png)).toBe(true);
  });
});

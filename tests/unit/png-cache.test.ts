import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pngCacheKey, prunePngCache, readCachedPng, writeCachedPng } from '../../src/png-cache.ts';

const dirs: string[] = [];
const tempCache = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'png-cache-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const anHourAgo = () => new Date(Date.now() - 3_600_000);

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
    for (const key of ['used', 'stale']) {
      writeCachedPng(key, Buffer.from(key), dir);
      utimesSync(path.join(dir, `${key}.png`), anHourAgo(), anHourAgo());
    }
    const buildStarted = new Date(Date.now() - 1000);
    writeCachedPng('written', Buffer.from('written'), dir);
    expect(readCachedPng('used', dir)?.toString()).toBe('used');

    expect(prunePngCache(buildStarted, dir)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['used.png', 'written.png']);
    expect(readCachedPng('stale', dir)).toBeUndefined();
  });
});

/**
 * SVG → PNG at build time, off Astro's render thread and cached by content.
 *
 * Rasterising and encoding a 1,280-px image takes about 100 ms of CPU, and a
 * county has about eleven of them (chart, map and social-card images in two
 * editions), so images are most of a build's work. They are drawn in a pool
 * of worker threads, one per core, while Astro goes on rendering pages
 * (`build.concurrency` in astro.config.mjs lets several image routes wait at
 * once). Results are cached by content (src/publishing/png/cache.ts): an unchanged
 * image is never drawn again.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { BUILD_CACHE_IN_ROOT } from '#/publishing/build-cache.ts';
import { pngCacheKey, readCachedPng, writeCachedPng } from './cache.ts';
import { PNG_WORKER, RENDERER, type RenderedPng } from './render.ts';

export { FONT_FAMILY, FONT_FILES, type RenderedPng } from './render.ts';
// From the project root, not import.meta.url: this module is bundled into
// Astro's build output, the worker is loaded from source by Node.
const WORKER = path.join(process.cwd(), PNG_WORKER);

export interface PngOptions {
  /** Output width in pixels; the SVG is scaled to it. */
  width: number;
  /** Skip the cache (for measuring). */
  cache?: boolean;
}

export async function svgToPng(svg: string, { width, cache = true }: PngOptions): Promise<RenderedPng & { cached: boolean }> {
  const key = pngCacheKey(RENDERER, width, svg);
  if (DUMP) dumpSvg(svg, width);
  const hit = cache ? readCachedPng(key) : undefined;
  if (hit) return { png: hit, width: hit.readUInt32BE(16), height: hit.readUInt32BE(20), cached: true };
  if (!cache) return draw(svg, width);
  // The same image asked for again while it is being drawn (two routes, concurrent pages): drawn once.
  let drawing = inFlight.get(key);
  if (!drawing) {
    drawing = draw(svg, width).then((rendered) => {
      writeCachedPng(key, rendered.png);
      return rendered;
    });
    inFlight.set(key, drawing);
    // Once written to the cache, the next request reads it from there.
    drawing.then(
      () => inFlight.delete(key),
      () => inFlight.delete(key),
    );
  }
  return drawing;
}

const inFlight = new Map<string, Promise<RenderedPng & { cached: false }>>();

async function draw(svg: string, width: number): Promise<RenderedPng & { cached: false }> {
  const rendered: RenderedPng & { cpuMs: number } = await workers().run({ svg, width });
  recordDrawn(width, rendered.cpuMs);
  // Structured clone hands back a Uint8Array; callers expect a Buffer.
  const png = Buffer.from(rendered.png.buffer, rendered.png.byteOffset, rendered.png.byteLength);
  return { png, width: rendered.width, height: rendered.height, cached: false };
}

/**
 * Every image this process drew: its width and the CPU its worker thread spent on it (measured there,
 * so other threads' work is not counted). Written when the process exits to DRAWN_FILE, which
 * scripts/build.ts removes before a build and reports after it, and `npm run bench` reads. On globalThis: Astro's bundle and its
 * integrations may each load their own copy of this module.
 */
const DRAWN_FILE_IN_ROOT = `${BUILD_CACHE_IN_ROOT}/png-drawn.json`;
export const DRAWN_FILE = path.join(process.cwd(), DRAWN_FILE_IN_ROOT);
export interface DrawnImage {
  width: number;
  cpuMs: number;
}

/** The images the last build in the project at `root` drew; undefined when it drew none. */
export function readDrawnImages(root = process.cwd()): DrawnImage[] | undefined {
  const file = path.join(root, DRAWN_FILE_IN_ROOT);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DrawnImage[]) : undefined;
}

/** The median of the drawn images' CPU times, for those `width` pixels wide (all when not given). */
export function medianCpuMs(drawn: DrawnImage[], width?: number): number | undefined {
  const times = drawn
    .filter((d) => width === undefined || d.width === width)
    .map((d) => d.cpuMs)
    .sort((a, b) => a - b);
  if (!times.length) return undefined;
  const mid = times.length >> 1;
  return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}
const DRAWN = Symbol.for('county-stories.png-drawn');
function recordDrawn(width: number, cpuMs: number) {
  const store = globalThis as { [DRAWN]?: DrawnImage[] };
  if (!store[DRAWN]) {
    store[DRAWN] = [];
    process.once('exit', () => {
      mkdirSync(path.dirname(DRAWN_FILE), { recursive: true });
      writeFileSync(DRAWN_FILE, JSON.stringify(store[DRAWN]));
    });
  }
  store[DRAWN].push({ width, cpuMs: Math.round(cpuMs * 100) / 100 });
}

/**
 * With PNG_SVG_DUMP=<folder> set, every SVG the build draws (or takes from the
 * cache) is also written there as `<width>-<hash>.svg`, for bench/png.ts.
 */
const DUMP = process.env.PNG_SVG_DUMP;
function dumpSvg(svg: string, width: number) {
  mkdirSync(DUMP!, { recursive: true });
  writeFileSync(path.join(DUMP!, `${width}-${pngCacheKey('svg', width, svg).slice(0, 16)}.svg`), svg);
}

let pool: Piscina | undefined;
function workers(): Piscina {
  if (pool) return pool;
  if (!existsSync(WORKER)) throw new Error(`${WORKER}: the PNG worker is missing (PNG rendering runs from the project root)`);
  // No threads kept once idle, so the build process can exit when it is done.
  // Tasks arrive as messages (no Atomics.wait loop), so each worker's event
  // loop turns between images and frees their pixel buffers (src/publishing/png/worker.ts).
  pool = new Piscina({ filename: WORKER, minThreads: 0, maxThreads: availableParallelism(), idleTimeout: 1_000, atomics: 'disabled' });
  return pool;
}

/**
 * An opaque PNG from resvg's RGBA pixels: colour type 2 (RGB, 8 bits), the
 * alpha channel dropped, deflated with Node's own zlib. Every image this site
 * draws has an opaque background, so the alpha channel resvg hands back is
 * 255 everywhere and dropping it changes no pixel (`encodeOpaquePng` refuses
 * an image with a transparent pixel rather than guess a background).
 *
 * Why not resvg's `asPng()`: it writes RGBA at its own, slower settings
 * (bench/png.ts measures both; BENCHMARKS.md, "PNG images"). Why not pngjs
 * (already installed for the tests): with the same settings it writes the
 * same bytes at about three times the CPU (12 against 37 ms on a 1,280×555
 * chart, 25 against 69 ms on a 1,280×1,178 county map, measured 2026-11-30),
 * as it packs and filters rows through generic per-pixel code.
 */
import { constants, crc32, deflateSync } from 'node:zlib';

export interface EncodeOptions {
  /** zlib level, 0-9. */
  level?: number;
  /** PNG row filter, the same for every row: 0 none, 1 sub, 2 up. */
  filter?: 0 | 1 | 2;
  /** zlib strategy (constants.Z_DEFAULT_STRATEGY, Z_RLE, Z_FILTERED …). */
  strategy?: number;
}

/** The settings the site uses, chosen with bench/png.ts: no row filter at level 6 gave the smallest files of the settings measured short of level 9 (a quarter smaller than the "up" filter on these flat-coloured graphics) at about the same CPU. */
export const ENCODE: Required<EncodeOptions> = { level: 6, filter: 0, strategy: constants.Z_DEFAULT_STRATEGY };

/** The encoder and its settings, for the cache key (src/publishing/png/render.ts RENDERER). */
export const ENCODER = `rgb-zlib${ENCODE.level}-filter${ENCODE.filter}-strategy${ENCODE.strategy}`;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * One buffer for the filtered rows, kept and reused (a thread encodes one
 * image at a time): a fresh 10 MB buffer per image costs more in page faults
 * than filling it.
 */
let rowsBuffer = Buffer.alloc(0);
function scratch(size: number): Buffer {
  if (rowsBuffer.length < size) rowsBuffer = Buffer.allocUnsafe(size);
  return rowsBuffer.subarray(0, size);
}

/** `rgba` (width × height × 4 bytes, unpremultiplied) as an RGB PNG. Throws if a pixel is not fully opaque. */
export function encodeOpaquePng(rgba: Uint8Array, width: number, height: number, options: EncodeOptions = {}): Buffer {
  const { level, filter, strategy } = { ...ENCODE, ...options };
  if (rgba.length !== width * height * 4) throw new Error(`encodeOpaquePng: ${rgba.length} bytes for ${width}×${height} RGBA`);
  const stride = width * 3 + 1;
  const rows = scratch(stride * height);
  let opaque = 255;
  for (let y = 0; y < height; y++) {
    let out = y * stride;
    rows[out++] = filter;
    const start = y * width * 4;
    const end = start + width * 4;
    if (filter === 0) {
      for (let i = start; i < end; i += 4) {
        rows[out] = rgba[i];
        rows[out + 1] = rgba[i + 1];
        rows[out + 2] = rgba[i + 2];
        opaque &= rgba[i + 3];
        out += 3;
      }
    } else if (filter === 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let i = start; i < end; i += 4) {
        rows[out] = rgba[i] - r;
        rows[out + 1] = rgba[i + 1] - g;
        rows[out + 2] = rgba[i + 2] - b;
        r = rgba[i];
        g = rgba[i + 1];
        b = rgba[i + 2];
        opaque &= rgba[i + 3];
        out += 3;
      }
    } else {
      const up = start - width * 4;
      for (let i = start; i < end; i += 4) {
        const above = i - start + up;
        rows[out] = y ? rgba[i] - rgba[above] : rgba[i];
        rows[out + 1] = y ? rgba[i + 1] - rgba[above + 1] : rgba[i + 1];
        rows[out + 2] = y ? rgba[i + 2] - rgba[above + 2] : rgba[i + 2];
        opaque &= rgba[i + 3];
        out += 3;
      }
    }
  }
  if (opaque !== 255) throw new Error(`encodeOpaquePng: a ${width}×${height} image has transparent pixels; draw an opaque background first`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level, strategy })), chunk('IEND', Buffer.alloc(0))]);
}

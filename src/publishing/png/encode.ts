/**
 * An opaque PNG from resvg's RGBA pixels, deflated with Node's own zlib:
 * with a palette (colour type 3, one byte a pixel) when the image has at most
 * 256 colours, as most of this site's charts and social cards do (flat
 * colours and their antialiasing: a median of about 90), else RGB (colour
 * type 2, 8 bits). Either way the alpha channel is dropped and no pixel
 * changes: every image this site draws has an opaque background, so the
 * alpha resvg hands back is 255 everywhere (`encodeOpaquePng` refuses an
 * image with a transparent pixel rather than guess a background).
 *
 * Why not resvg's `asPng()`: it writes RGBA at its own, slower settings
 * (bench/png.ts measures both; BENCHMARKS.md, "One PNG"). Why not pngjs
 * (already installed for the tests): with the same settings it writes the
 * same bytes at about three times the CPU (12 against 37 ms on a 1,280×555
 * chart, 25 against 69 ms on a 1,280×1,178 county map, measured 2026-11-30),
 * as it packs and filters rows through generic per-pixel code. Why not
 * sharp's palette: it quantises (lossy), changing up to 0.7 % of the pixels.
 */
import { constants, crc32, deflateSync } from 'node:zlib';

export interface EncodeOptions {
  /** zlib level, 0-9. */
  level?: number;
  /** PNG row filter, the same for every row: 0 none, 1 sub, 2 up. */
  filter?: 0 | 1 | 2;
  /** zlib strategy (constants.Z_DEFAULT_STRATEGY, Z_RLE, Z_FILTERED …). */
  strategy?: number;
  /** A palette PNG when the image has at most 256 colours (the RGB row filter does not apply to it). */
  palette?: boolean;
}

/**
 * The settings the site uses, chosen with `npm run bench:png -- --encoders`
 * on the site's own 132 images (BENCHMARKS.md, "One PNG, night"). A palette
 * where the colours fit: a third of the bytes to deflate, so files a third
 * smaller than RGB's and a third less CPU to encode at the same level.
 * Level 4: for palette images within 4 % of level 6's bytes at about half
 * its CPU (level 9 is 6 % smaller than level 4 at seven times its CPU); RGB
 * images (the county maps) 2 % larger than at level 6.
 * No row filter: on these flat-coloured graphics it gave the smallest RGB
 * files (a quarter smaller than the "up" filter).
 */
export const ENCODE: Required<EncodeOptions> = { level: 4, filter: 0, strategy: constants.Z_DEFAULT_STRATEGY, palette: true };

/** The encoder and its settings, for the cache key (src/publishing/png/render.ts RENDERER). */
export const ENCODER = `${ENCODE.palette ? 'palette-or-' : ''}rgb-zlib${ENCODE.level}-filter${ENCODE.filter}-strategy${ENCODE.strategy}`;

/** The eight bytes every PNG file starts with (also what src/publishing/png/cache.ts checks a cached file against). */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

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

/** Whether a pixel's bytes R, G, B, A read as one 32-bit number put R in its low byte (every platform Node runs on but a few). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** At most this many colours, an image is written with a palette: one byte a pixel instead of three. */
const PALETTE_SIZE = 256;

/**
 * The image's rows as palette indices (a filter byte, then one byte a pixel)
 * and its palette (RGBA, in the order the colours first appear), or nothing
 * if it has more than PALETTE_SIZE colours (it stops looking at the first
 * one over: the county maps' shaded provinces have more).
 */
function indexedRows(rgba: Uint8Array, width: number, height: number): { rows: Buffer; palette: number[] } | undefined {
  if (!LITTLE_ENDIAN || rgba.byteOffset % 4) return undefined;
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  const rows = scratch((width + 1) * height);
  // An open-addressed table of the colours seen: 4 slots a colour, so probes stay short.
  const SLOTS = PALETTE_SIZE * 4;
  const keys = new Uint32Array(SLOTS);
  const slotIndex = new Int16Array(SLOTS).fill(-1);
  const palette: number[] = [];
  let last = -1; // no pixel's value: the first pixel is looked up
  let lastIndex = 0;
  let out = 0;
  for (let y = 0, i = 0; y < height; y++) {
    rows[out++] = 0; // filter: none
    for (const end = i + width; i < end; i++) {
      const colour = pixels[i];
      if (colour !== last) {
        let slot = Math.imul(colour, 0x9e3779b1) >>> 22; // 10 bits: SLOTS = 1,024
        while (slotIndex[slot] !== -1 && keys[slot] !== colour) slot = (slot + 1) & (SLOTS - 1);
        if (slotIndex[slot] === -1) {
          if (palette.length === PALETTE_SIZE) return undefined;
          keys[slot] = colour;
          slotIndex[slot] = palette.length;
          palette.push(colour);
        }
        last = colour;
        lastIndex = slotIndex[slot];
      }
      rows[out++] = lastIndex;
    }
  }
  return { rows, palette };
}

/** The PNG file: signature, header, `palette` (PLTE) for colour type 3, the `rows` deflated, end. */
function pngFile(width: number, height: number, colourType: 2 | 3, rows: Buffer, { level, strategy }: Required<EncodeOptions>, palette?: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = colourType;
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    ...(palette ? [chunk('PLTE', palette)] : []),
    chunk('IDAT', deflateSync(rows, { level, strategy })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const transparent = (width: number, height: number) =>
  new Error(`encodeOpaquePng: a ${width}×${height} image has transparent pixels; draw an opaque background first`);

/**
 * `rgba` (width × height × 4 bytes, unpremultiplied) as a PNG: with a palette
 * (colour type 3) when it has at most 256 colours, else RGB (colour type 2);
 * the same pixels either way. Throws if a pixel is not fully opaque.
 */
export function encodeOpaquePng(rgba: Uint8Array, width: number, height: number, options: EncodeOptions = {}): Buffer {
  const settings = { ...ENCODE, ...options };
  const { filter } = settings;
  if (rgba.length !== width * height * 4) throw new Error(`encodeOpaquePng: ${rgba.length} bytes for ${width}×${height} RGBA`);
  const indexed = settings.palette ? indexedRows(rgba, width, height) : undefined;
  if (indexed) {
    const plte = Buffer.alloc(indexed.palette.length * 3);
    indexed.palette.forEach((colour, i) => {
      // Little-endian: the pixel's bytes R, G, B, A read as one number.
      if (colour >>> 24 !== 255) throw transparent(width, height);
      plte[i * 3] = colour & 255;
      plte[i * 3 + 1] = (colour >>> 8) & 255;
      plte[i * 3 + 2] = (colour >>> 16) & 255;
    });
    return pngFile(width, height, 3, indexed.rows, settings, plte);
  }
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
  if (opaque !== 255) throw transparent(width, height);
  return pngFile(width, height, 2, rows, settings);
}

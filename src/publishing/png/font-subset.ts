/**
 * Font subsetting for build-time PNGs, with HarfBuzz's hb-subset (the
 * harfbuzzjs package's WebAssembly build).
 *
 * Why: resvg-js re-reads a font file from disk for every glyph it draws, and
 * the CJK fonts are 8 MB each, so a card of 150 characters read a gigabyte.
 * Handing it a subset with only the characters of one image makes that read
 * tiny; the PNG comes out byte for byte the same.
 *
 * Each font is parsed once per process and kept in WebAssembly memory; a
 * subset takes a few milliseconds. Synchronous, like the renderer.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** hb-subset's C API, as far as it is used here (see hb-subset.h). */
interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_NAME_ID = 4;
/** Name ids kept: the defaults plus the typographic family and style (16, 17), which group Regular and Bold into one family. */
const NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 16, 17];

let harfbuzz: HarfBuzz | undefined;
function hb(): HarfBuzz {
  if (!harfbuzz) {
    const module = new WebAssembly.Module(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
    harfbuzz = new WebAssembly.Instance(module, {}).exports as unknown as HarfBuzz;
    harfbuzz._initialize();
  }
  return harfbuzz;
}

const faces = new Map<string, number>();
function face(file: string): number {
  let f = faces.get(file);
  if (f === undefined) {
    const h = hb();
    const bytes = readFileSync(file);
    const pointer = h.malloc(bytes.byteLength);
    new Uint8Array(h.memory.buffer).set(bytes, pointer);
    const blob = h.hb_blob_create(pointer, bytes.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
    f = h.hb_face_create(blob, 0);
    h.hb_blob_destroy(blob);
    faces.set(file, f);
  }
  return f;
}

/**
 * The last subsets made, by font and characters. Consecutive images often ask
 * for the same subset: every Chinese image's Latin subset is the printable
 * ASCII range, and English images without Chinese ask for the same CJK one.
 */
const recentSubsets = new Map<string, Buffer>();
const RECENT_SUBSETS = 8;

/**
 * The font `file` reduced to the glyphs of `codePoints` (and what its layout
 * rules reach from them), as OpenType bytes. Shared: do not modify them.
 *
 * Layout features: hb-subset's default set, the features HarfBuzz's shapers
 * apply by default (with the vertical and East Asian spacing ones), which is
 * what resvg's shaper (rustybuzz, a port of HarfBuzz) applies: the other
 * features of the CJK fonts (traditional and Japanese forms, ruby …) only
 * made each subset slower. The site's 132 PNGs came out byte for byte the
 * same as with every feature kept; tests/unit/font-subset.test.ts compares
 * cards drawn with subsets and with the full fonts.
 */
export function subsetFont(file: string, codePoints: Iterable<number>): Buffer {
  const points = [...new Set(codePoints)].sort((a, b) => a - b);
  const key = `${file}\n${points.join(',')}`;
  const recent = recentSubsets.get(key);
  if (recent) {
    // Most recently used last, so the oldest goes first.
    recentSubsets.delete(key);
    recentSubsets.set(key, recent);
    return recent;
  }
  const h = hb();
  const source = face(file);
  const input = h.hb_subset_input_create_or_fail();
  if (!input) throw new Error(`${file}: hb-subset could not allocate its input`);
  const names = h.hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID);
  for (const id of NAME_IDS) h.hb_set_add(names, id);
  const unicodes = h.hb_subset_input_unicode_set(input);
  for (const cp of points) h.hb_set_add(unicodes, cp);
  const subset = h.hb_subset_or_fail(source, input);
  h.hb_subset_input_destroy(input);
  if (!subset) throw new Error(`${file}: hb-subset failed`);
  const blob = h.hb_face_reference_blob(subset);
  const offset = h.hb_blob_get_data(blob, 0);
  const bytes = Buffer.from(new Uint8Array(h.memory.buffer).subarray(offset, offset + h.hb_blob_get_length(blob)));
  h.hb_blob_destroy(blob);
  h.hb_face_destroy(subset);
  recentSubsets.set(key, bytes);
  if (recentSubsets.size > RECENT_SUBSETS) recentSubsets.delete(recentSubsets.keys().next().value!);
  return bytes;
}

/**
 * Every character an SVG can draw: its literal characters, its numeric
 * character references (&#x4E2D;), and printable ASCII, which covers the
 * named entities (&amp; …) and the markup.
 */
export function svgCodePoints(svg: string): Set<number> {
  const points = new Set<number>();
  for (let c = 0x20; c < 0x7f; c++) points.add(c);
  for (const ch of svg) points.add(ch.codePointAt(0)!);
  for (const m of svg.matchAll(/&#(x[0-9a-f]+|\d+);/gi)) points.add(m[1][0].toLowerCase() === 'x' ? parseInt(m[1].slice(1), 16) : Number(m[1]));
  return points;
}

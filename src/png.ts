/**
 * SVG → PNG at build time, with fonts from an npm package (never the
 * operating system's), so an image is the same on every machine and Chinese
 * glyphs always render. Results are cached by content hash: an unchanged
 * image is not rendered again.
 *
 * Font: Noto Sans Hans (Noto Sans CJK SC, GB 2312 coverage, OFL) from
 * @embedpdf/fonts-sc. Every family an SVG names that is not in the font
 * database — system-ui, PingFang SC, … — falls through to the generic
 * families, which all map to it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { subsetFont, svgCodePoints } from './font-subset.ts';

const require = createRequire(import.meta.url);
const FONT_PACKAGE = '@embedpdf/fonts-sc';
// The package exports only its index (dist/), so find its root from there.
const FONT_ROOT = path.resolve(path.dirname(require.resolve(FONT_PACKAGE)), '..');
const FONT_DIR = path.join(FONT_ROOT, 'fonts');
export const FONT_FILES = ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf'].map((f) => path.join(FONT_DIR, f));
/** The family name inside the font files. */
export const FONT_FAMILY = 'Noto Sans S Chinese';

const CACHE_DIR = path.join(process.cwd(), 'node_modules/.cache/county-stories/png');
/** Bump when the renderer or its settings change, so old cached images are not reused. */
const version = (packageJson: string) => (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
const RENDERER = `resvg-${version(require.resolve('@resvg/resvg-js/package.json'))}/${FONT_PACKAGE}-${version(path.join(FONT_ROOT, 'package.json'))}/1`;

export interface PngOptions {
  /** Output width in pixels; the SVG is scaled to it. */
  width: number;
  /** Skip the cache (for measuring). */
  cache?: boolean;
}

export interface RenderedPng {
  png: Buffer;
  width: number;
  height: number;
  cached: boolean;
}

export function svgToPng(svg: string, { width, cache = true }: PngOptions): RenderedPng {
  const key = createHash('sha256').update(`${RENDERER}\n${width}\n${svg}`).digest('hex');
  const file = path.join(CACHE_DIR, `${key}.png`);
  if (cache && existsSync(file)) {
    const png = readFileSync(file);
    return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20), cached: true };
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: {
      fontFiles: subsetFontFiles(svg),
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
      serifFamily: FONT_FAMILY,
      monospaceFamily: FONT_FAMILY,
      cursiveFamily: FONT_FAMILY,
      fantasyFamily: FONT_FAMILY,
    },
  });
  const image = resvg.render();
  const png = image.asPng();
  if (cache) {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(file, png);
  }
  return { png, width: image.width, height: image.height, cached: false };
}

/**
 * The fonts cut down to this image's characters, in files resvg can open.
 * resvg-js reads a whole font file again for every glyph; the full CJK files
 * are 8 MB each, the subsets a few dozen kB (the image is the same). One pair
 * of files per process, overwritten each time: rendering is synchronous.
 */
function subsetFontFiles(svg: string): string[] {
  const points = svgCodePoints(svg);
  return FONT_FILES.map((font, i) => {
    const file = path.join(tmpdir(), `county-stories-png-${process.pid}-${i}.otf`);
    writeFileSync(file, subsetFont(font, points));
    return file;
  });
}

/**
 * The rasteriser itself: SVG → PNG with resvg, fonts from an npm package
 * (never the operating system's), so an image is the same on every machine
 * and Chinese glyphs always render. Synchronous; the build calls it through
 * a worker pool (src/publishing/png/svg-to-png.ts), tests may call it directly.
 *
 * Font: Noto Sans Hans (Noto Sans CJK SC, GB 2312 coverage, OFL) from
 * @embedpdf/fonts-sc. Every family an SVG names that is not in the font
 * database (the site's stack, src/svg/font.ts) falls through to the generic
 * families, which all map to it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import { subsetFont, svgCodePoints } from './font-subset.ts';

const require = createRequire(import.meta.url);
const FONT_PACKAGE = '@embedpdf/fonts-sc';
// The package exports only its index (dist/), so find its root from there.
const FONT_ROOT = path.resolve(path.dirname(require.resolve(FONT_PACKAGE)), '..');
export const FONT_FILES = ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf'].map((f) => path.join(FONT_ROOT, 'fonts', f));
/** The family name inside the font files: what the site's font stack (src/svg/font.ts) is drawn with in PNGs. */
export const FONT_FAMILY = 'Noto Sans S Chinese';

const version = (packageJson: string) => (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
/** Names the renderer and font versions; part of every cache key, so an upgrade never reuses old images. */
export const RENDERER = `resvg-${version(require.resolve('@resvg/resvg-js/package.json'))}/${FONT_PACKAGE}-${version(path.join(FONT_ROOT, 'package.json'))}/1`;

export interface RenderedPng {
  png: Buffer;
  width: number;
  height: number;
}

/** `svg` drawn `width` pixels wide (height follows its aspect ratio). */
export function renderPng(svg: string, width: number): RenderedPng {
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
  return { png: image.asPng(), width: image.width, height: image.height };
}

/**
 * The fonts cut down to this image's characters, in files resvg can open.
 * resvg-js reads a whole font file again for every glyph; the full CJK files
 * are 8 MB each, the subsets a few dozen kB (the image is the same). One pair
 * of files per thread, overwritten each time: a thread renders one image at a time.
 */
function subsetFontFiles(svg: string): string[] {
  const points = svgCodePoints(svg);
  return FONT_FILES.map((font, i) => {
    const file = path.join(tmpdir(), `county-stories-png-${process.pid}-${threadId}-${i}.otf`);
    writeFileSync(file, subsetFont(font, points));
    return file;
  });
}

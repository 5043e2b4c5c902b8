/**
 * The rasteriser itself: SVG → PNG with resvg, fonts from an npm package
 * (never the operating system's), so an image is the same on every machine
 * and Chinese glyphs always render. Synchronous; the build calls it through
 * a worker pool (src/publishing/png/svg-to-png.ts), tests may call it directly.
 *
 * Fonts: Noto Sans (Latin, Greek, Cyrillic; OFL) from @embedpdf/fonts-latin,
 * and Noto Sans Hans (Noto Sans CJK SC, GB 2312 coverage, OFL) from
 * @embedpdf/fonts-sc. Text is set before resvg sees it, as glyph outlines
 * (glyph-paths.ts): each run of CJK text in the CJK face, the rest in Noto
 * Sans, the first of the site's stack (src/svg/font.ts) it has, at the text's
 * weight; in a Chinese image the marks Chinese sets full-width (“ ” ‘ ’ — …
 * ·) in the CJK face too. Text glyph-paths.ts leaves as text is set by
 * resvg, in font subsets made for the image, with every CJK run marked for
 * the CJK face (markCjkRuns); generic families map to Noto Sans.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { LATIN_FACE } from '#/svg/font.ts';
// Marks Chinese sets full-width and English proportionally (quotes, dash, ellipsis, middle dot): CJK in a Chinese image.
import { CHINESE_MARKS } from '#/svg/text.ts';
import { codeDigest } from '#/publishing/code-digest.ts';
import { ENCODER, encodeOpaquePng } from './encode.ts';
import { subsetFont, svgCodePoints } from './font-subset.ts';
import { glyphDefinitions, textAsGlyphs, type Faces } from './glyph-paths.ts';
import { Resvg } from './resvg.ts';

const require = createRequire(import.meta.url);
const LATIN_PACKAGE = '@embedpdf/fonts-latin';
const CJK_PACKAGE = '@embedpdf/fonts-sc';
// The packages export only their index (dist/), so find their roots from there.
const root = (pkg: string) => path.resolve(path.dirname(require.resolve(pkg)), '..');
const fonts = (pkg: string, files: string[]) => files.map((f) => path.join(root(pkg), 'fonts', f));
/** The Latin face's files (regular, bold): family LATIN_FACE. */
export const LATIN_FONT_FILES = fonts(LATIN_PACKAGE, ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf']);
/** The CJK face's files (regular, bold): family CJK_FACE. */
export const CJK_FONT_FILES = fonts(CJK_PACKAGE, ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf']);
export const FONT_FILES = [...LATIN_FONT_FILES, ...CJK_FONT_FILES];
/** The family name inside the CJK font files: what resvg falls back to for characters Noto Sans lacks. */
export const CJK_FACE = 'Noto Sans S Chinese';
/** The family every generic name (sans-serif …) maps to in PNGs. */
export const FONT_FAMILY = LATIN_FACE;

const version = (packageJson: string) => (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
const fontVersion = (pkg: string) => `${pkg}-${version(path.join(root(pkg), 'package.json'))}`;
/** The shaper's version (its package exports no package.json: found from its entry point). */
const harfbuzzVersion = version(path.resolve(path.dirname(require.resolve('harfbuzzjs')), '../package.json'));
/** The worker that draws the images, from the project root (it runs from source: src/publishing/png/svg-to-png.ts). */
export const PNG_WORKER = 'src/publishing/png/worker.ts';
/**
 * Names the renderer, the shaper that sets text as glyphs, both fonts'
 * versions, the encoder's settings and a digest of the site's own drawing
 * code (the worker and every project module it loads); part of every cache
 * key, so neither an upgrade nor an edit of that code reuses old images.
 */
export const RENDERER = `resvg-${version(require.resolve('@resvg/resvg-js/package.json'))}/harfbuzzjs-${harfbuzzVersion}/${fontVersion(LATIN_PACKAGE)}/${fontVersion(CJK_PACKAGE)}/${ENCODER}/code-${codeDigest(PNG_WORKER)}`;

/** Characters set in the CJK face: ideographs, kana, hangul, CJK and full-width punctuation. */
const CJK =
  '\\u1100-\\u115f\\u2e80-\\u303f\\u3041-\\u33ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\ua960-\\ua97f\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
const CJK_CHARACTER = new RegExp(`[${CJK}]`, 'u');
const CHINESE_MARK_POINTS = new Set([...CHINESE_MARKS].map((c) => c.codePointAt(0)!));
const CJK_RUN = new RegExp(`[${CJK}]+`, 'gu');
const CJK_RUN_IN_CHINESE = new RegExp(`[${CJK}${CHINESE_MARKS}]+`, 'gu');

/**
 * What the CJK subset keeps of an image's characters: none below U+2000
 * (Latin, Greek, Cyrillic: the Latin face has them all), and in an English
 * image not the marks English sets proportionally. The Latin face must be the
 * only one with a line's Latin letters: resvg, falling back for a character
 * the first font lacks, takes the fallback font for the whole line when that
 * font has every glyph of it (as the full CJK font has), Latin included.
 * Likewise each mark is in one face only, the one its image's language takes.
 */
export function cjkCodePoints(points: Iterable<number>, chinese: boolean): Set<number> {
  return new Set([...points].filter((p) => (chinese ? p >= 0x2000 || CHINESE_MARK_POINTS.has(p) : p >= 0x2000 && !CHINESE_MARK_POINTS.has(p))));
}

/**
 * What the Latin subset keeps: everything but the characters set in the CJK
 * face (the Latin face has none of them: tests/unit/png-fonts.test.ts), and
 * in a Chinese image not the marks Chinese sets full-width (same reason).
 * Leaving out what the face lacks changes no byte of the subset, but makes
 * every Chinese image with the same Latin text ask for the same subset,
 * which is then made once (font-subset.ts keeps the last few).
 */
export function latinCodePoints(points: Iterable<number>, chinese: boolean): Set<number> {
  return new Set([...points].filter((p) => !CJK_CHARACTER.test(String.fromCodePoint(p)) && (!chinese || !CHINESE_MARK_POINTS.has(p))));
}

/** A Chinese image: the lang of its outermost <svg> (social cards and downloads carry one) is not English. */
const isChinese = (svg: string) => !/\slang="en\b/.test(/<svg\b[^>]*>/.exec(svg)?.[0] ?? '');

/** The runs of an image's text set in the CJK face, whoever sets them (textAsGlyphs or resvg, after markCjkRuns). */
const cjkRuns = (svg: string) => (isChinese(svg) ? CJK_RUN_IN_CHINESE : CJK_RUN);

/**
 * The SVG with each run of CJK text in a <tspan> naming the CJK face. resvg
 * sets text in the first family of the stack it has (Noto Sans) and falls
 * back per glyph for the rest, but its fallback takes the first face with the
 * glyph whatever the weight: a bold Chinese title would come out regular.
 * A named family is looked up with the text's weight, so it comes out bold.
 */
export function markCjkRuns(svg: string): string {
  const run = cjkRuns(svg);
  return svg.replace(/(<text\b[^>]*>)([\s\S]*?)(<\/text>)/g, (_, open: string, body: string, close: string) => {
    const marked = `>${body}<`.replace(/>([^<]+)</g, (_m, text: string) => `>${text.replace(run, (r) => `<tspan font-family="${CJK_FACE}">${r}</tspan>`)}<`);
    return open + marked.slice(1, -1) + close;
  });
}

export interface RenderedPng {
  png: Buffer;
  width: number;
  height: number;
}

/** resvg's options for an image `width` pixels wide set in `fontFiles` (the subsets of subsetFontFiles). */
export const resvgOptions = (fontFiles: string[], width: number): ResvgRenderOptions => ({
  fitTo: { mode: 'width', value: width },
  font: {
    fontFiles,
    loadSystemFonts: false,
    defaultFontFamily: FONT_FAMILY,
    sansSerifFamily: FONT_FAMILY,
    serifFamily: FONT_FAMILY,
    monospaceFamily: FONT_FAMILY,
    cursiveFamily: FONT_FAMILY,
    fantasyFamily: FONT_FAMILY,
  },
});

/**
 * The SVG with `overflow="visible"` on each chart's <svg> (class "ch",
 * nested in a download's frame) whose drawing stays inside its own viewport,
 * so clipping to that viewport changes no pixel (but for the antialiasing of
 * the clip's own edge where it falls inside a pixel row: one level, one row,
 * on one chart today). resvg clips a nested <svg>
 * by drawing it into a layer and a mask the size of the whole image: for a
 * chart that was about two thirds of the time to rasterise it (bench/png.ts).
 * Maps keep their clip: their provinces run past the frame, and resvg's
 * getBBox, which decides here, misjudged two of them. Each chart's <svg> is
 * parsed once more on its own (text laid out with the same fonts) for it.
 * tests/build/publishing.test.ts checks every download's pixels against
 * resvg's drawing of the unchanged SVG (within one level, on under 0.5 %).
 */
export function unclipNestedSvgs(svg: string, options: ResvgRenderOptions): string {
  const tags = [...svg.matchAll(/<svg\b[^>]*>|<\/svg>/g)];
  // The outlines a chart's text uses are defined once for the whole image: checked with the chart.
  const glyphs = glyphDefinitions(svg);
  let out = '';
  let copied = 0;
  for (let i = 1; i < tags.length; i++) {
    const open = tags[i];
    if (open[0].startsWith('</') || /\soverflow=/.test(open[0]) || !/\sclass="ch[\s"]/.test(open[0])) continue;
    // The matching </svg>.
    let depth = 0;
    let close = i;
    for (; close < tags.length; close++) {
      depth += tags[close][0].startsWith('</') ? -1 : 1;
      if (depth === 0) break;
    }
    if (close === tags.length || close === tags.length - 1) continue;
    const element = svg.slice(open.index, tags[close].index + tags[close][0].length);
    if (!drawingStaysInside(element, options, glyphs)) continue;
    out += svg.slice(copied, open.index) + open[0].replace(/^<svg\b/, '<svg overflow="visible"');
    copied = open.index + open[0].length;
  }
  return out + svg.slice(copied);
}

/**
 * Whether an <svg>'s drawing (strokes and text included, set in the bundled
 * fonts or as glyphs, whose outlines `defs` holds) is inside its viewBox.
 */
export function drawingStaysInside(element: string, options: ResvgRenderOptions, defs = ''): boolean {
  const viewBox = /\sviewBox="([^"]+)"/
    .exec(/^<svg\b[^>]*>/.exec(element)![0])?.[1]
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (!viewBox || viewBox.length !== 4 || viewBox.some((n) => !Number.isFinite(n))) return false;
  const [x, y, w, h] = viewBox;
  const standalone = element.replace(/^<svg\b[^>]*>/, (tag) => tag.replace(/\s(x|y|width|height)="[^"]*"/g, '') + defs);
  const box = new Resvg(
    /\sxmlns=/.test(standalone.slice(0, standalone.indexOf('>'))) ? standalone : standalone.replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"'),
    {
      ...options,
      fitTo: { mode: 'original' },
    },
  ).getBBox();
  return !box || (box.x >= x && box.y >= y && box.x + box.width <= x + w && box.y + box.height <= y + h);
}

/** The faces text is set in, for textAsGlyphs. */
const FACES: Faces = { latin: [LATIN_FONT_FILES[0], LATIN_FONT_FILES[1]], cjk: [CJK_FONT_FILES[0], CJK_FONT_FILES[1]] };

/**
 * `svg` with its text set as glyph outlines (glyph-paths.ts), in the faces
 * and runs markCjkRuns gives resvg. Text it does not set stays text.
 */
export const setInGlyphs = (svg: string): string => textAsGlyphs(svg, FACES, cjkRuns(svg));

/** The font files resvg needs for an image setInGlyphs returned: subsets for the text it left as text, or none. */
export const fontsForText = (outlined: string): string[] => (/<text\b/.test(outlined) ? subsetFontFiles(outlined) : []);

/**
 * `svg` drawn `width` pixels wide (height follows its aspect ratio), as an
 * opaque PNG, with a palette where the colours fit (src/publishing/png/encode.ts).
 * Its text is drawn as glyph outlines; resvg sets only what textAsGlyphs
 * left as text, in font subsets made for it.
 */
export function renderPng(svg: string, width: number): RenderedPng {
  const outlined = setInGlyphs(svg);
  const options = resvgOptions(fontsForText(outlined), width);
  const image = new Resvg(unclipNestedSvgs(markCjkRuns(outlined), options), options).render();
  return { png: encodeOpaquePng(image.pixels, image.width, image.height), width: image.width, height: image.height };
}

/**
 * The fonts cut down to this image's characters, in files resvg can open.
 * resvg-js reads a whole font file again for every glyph; the full CJK files
 * are 8 MB each, the subsets a few dozen kB (the image is the same). One file
 * per font and thread, in a folder of the thread's own (subsetFile).
 */
export function subsetFontFiles(svg: string): string[] {
  const points = svgCodePoints(svg);
  const chinese = isChinese(svg);
  const cjkPoints = cjkCodePoints(points, chinese);
  const latinPoints = latinCodePoints(points, chinese);
  return FONT_FILES.map((font) => subsetFile(font, subsetFont(font, CJK_FONT_FILES.includes(font) ? cjkPoints : latinPoints)));
}

/**
 * The folders of font subsets are named after their process: removed when it
 * exits, or, if it never got to, by a later one (sweepSubsetFolders). Each
 * thread makes its own, with a fresh name, so no file a process of the same
 * id left is ever read.
 */
const SUBSET_FOLDER_PREFIX = 'county-stories-png-';
/** The process of a folder (or, from earlier versions of this module, a file) in the temporary folder. */
const SUBSET_FOLDER_NAME = new RegExp(`^${SUBSET_FOLDER_PREFIX}(\\d+)-`);
const subsetFolderProcess = (name: string) => SUBSET_FOLDER_NAME.exec(name)?.[1];
const tempEntries = (keep: (pid: number) => boolean) =>
  readdirSync(tmpdir()).filter((name) => {
    const pid = subsetFolderProcess(name);
    return pid !== undefined && keep(Number(pid));
  });
const removeTemp = (name: string) => rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
// The main thread outlives the PNG workers (which may be stopped without an exit event of their own).
if (isMainThread) process.once('exit', () => tempEntries((pid) => pid === process.pid).forEach(removeTemp));

let subsetFolder: string | undefined;
/** What each font's file holds now, by font. */
const writtenSubsets = new Map<string, Buffer>();

/**
 * The file of this thread that holds `bytes`, a subset of `font`, written
 * only if it held another (subsetFont returns the same bytes for the same
 * subset: Chinese images with the same Latin text share one).
 *
 * One file per font, rewritten in place, not a new file per subset: resvg,
 * which reads the file again for every glyph, parsed about 1.5 ms slower from
 * new files (their pages not yet written out; ext4 writes a rewritten file
 * out when it is closed).
 */
function subsetFile(font: string, bytes: Buffer): string {
  if (subsetFolder === undefined) {
    sweepSubsetFolders();
    subsetFolder = mkdtempSync(path.join(tmpdir(), `${SUBSET_FOLDER_PREFIX}${process.pid}-`));
  }
  const file = path.join(subsetFolder, path.basename(font));
  if (writtenSubsets.get(font) !== bytes) {
    writeFileSync(file, bytes);
    writtenSubsets.set(font, bytes);
  }
  return file;
}

/** Removes what processes that are gone left behind: a build stopped by a signal exits without removing its folder. */
export function sweepSubsetFolders(): void {
  tempEntries((pid) => !processRuns(pid)).forEach(removeTemp);
}

/** Whether a process with this id is running (signal 0 checks without sending anything). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

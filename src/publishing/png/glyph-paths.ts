/**
 * An image's text set as glyph outlines, before resvg draws it.
 *
 * Why: resvg lays text out itself, opening and mapping the font file again
 * for every glyph, which is why every image needed font subsets made for it
 * (src/publishing/png/font-subset.ts); and its fallback between those subsets
 * dropped whole lines: a Chinese line with "fi" or "fl" after its Chinese
 * characters ("数据：field-study-2023@1.1.0", the line naming a chart's
 * dataset version) came out empty. Here HarfBuzz (the harfbuzzjs package; the
 * shaper resvg uses is a port of it) shapes each run of text in the face it
 * is set in. Each glyph's outline is written once per image, in font units,
 * in a <defs>; each line is a group, scaled and placed where resvg places the
 * text, that uses them. The image looks as resvg draws the text, but for the
 * antialiasing of a few glyph edges (tests/unit/png-glyphs.test.ts,
 * tests/build/publishing.test.ts), and a chart PNG costs about a third less
 * to draw (BENCHMARKS.md): no subsets to make, and a short SVG to parse.
 *
 * Only the text this site's images have is set here: a <text> with x, y,
 * font-size, an optional weight and anchor, and paint attributes, holding
 * plain text or <tspan>s that each start a line at their own x and y. Any
 * other <text> is left as it is, for resvg to set with the fonts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as hb from 'harfbuzzjs';
import { unesc } from '#/svg/markup.ts';

/** The font files an image is set in: regular and bold, for Latin and for CJK text. */
export interface Faces {
  latin: readonly [regular: string, bold: string];
  cjk: readonly [regular: string, bold: string];
}

/** The attributes of a <text> set here; a <text> with any other is left to resvg's own layout. */
const TEXT_ATTRIBUTES = new Set([
  'x',
  'y',
  'font-size',
  'font-weight',
  'text-anchor',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-linejoin',
  'class',
  'aria-hidden',
]);
/** What a line's group keeps of the <text>'s attributes: its paint (the rest places the glyphs). */
const PAINT_ATTRIBUTES = new Set(['fill', 'stroke', 'stroke-width', 'stroke-linejoin']);

/** The class of the <defs> that holds an image's glyph outlines. */
const GLYPHS = 'glyphs';
const GLYPH_DEFINITIONS = new RegExp(`<defs class="${GLYPHS}">[\\s\\S]*?</defs>`);

/** resvg computes in 32-bit floats: the glyphs' scale is the one it uses. */
const f32 = Math.fround;

const fonts = new Map<string, hb.Font>();
/** Each font's name in its glyphs' ids ("NotoSans-Bold"): an image's markup does not depend on what its worker drew before. */
const fontNames = new Map<hb.Font, string>();
function font(file: string): hb.Font {
  let loaded = fonts.get(file);
  if (!loaded) {
    fonts.set(file, (loaded = new hb.Font(new hb.Face(new hb.Blob(readFileSync(file))))));
    fontNames.set(loaded, path.basename(file, path.extname(file)));
  }
  return loaded;
}

/** Glyph outlines as path data in font units (y up), by font and glyph: drawn once per worker. */
const outlines = new Map<hb.Font, Map<number, string>>();
let drawing = '';
const pen = new hb.DrawFuncs();
pen.setMoveToFunc((x, y) => (drawing += `M${x} ${y}`));
pen.setLineToFunc((x, y) => (drawing += `L${x} ${y}`));
pen.setQuadraticToFunc((cx, cy, x, y) => (drawing += `Q${cx} ${cy} ${x} ${y}`));
pen.setCubicToFunc((c1x, c1y, c2x, c2y, x, y) => (drawing += `C${c1x} ${c1y} ${c2x} ${c2y} ${x} ${y}`));
pen.setClosePathFunc(() => (drawing += 'Z'));

function outline(face: hb.Font, glyph: number): string {
  let byGlyph = outlines.get(face);
  if (!byGlyph) outlines.set(face, (byGlyph = new Map()));
  let drawn = byGlyph.get(glyph);
  if (drawn === undefined) {
    drawing = '';
    face.drawGlyph(glyph, pen);
    byGlyph.set(glyph, (drawn = drawing));
  }
  return drawn;
}

const buffer = new hb.Buffer();
function shape(face: hb.Font, text: string) {
  buffer.reset();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(face, buffer);
  return buffer.getGlyphInfosAndPositions();
}

/** One line: text set from (x, y). */
interface Line {
  x: number;
  y: number;
  text: string;
}

/** The lines of a <text>'s content, or undefined for content this module does not set. */
function lines(content: string, x: number, y: number): Line[] | undefined {
  if (!content.includes('<')) return [{ x, y, text: content }];
  const found: Line[] = [];
  const rest = content.replace(/<tspan x="([^"]*)" y="([^"]*)">([^<]*)<\/tspan>/g, (_, tx: string, ty: string, text: string) => {
    found.push({ x: Number(tx), y: Number(ty), text });
    return '';
  });
  return rest.trim() === '' ? found : undefined;
}

/** SVG's default white space handling (xml:space="default"), as resvg applies it. */
const collapsed = (text: string) => text.replace(/\n/g, '').replace(/\t/g, ' ').trim().replace(/ {2,}/g, ' ');

/**
 * `svg` with every <text> this module can set replaced by its glyphs: one
 * <path> per distinct glyph, in font units, in a <defs> at the start, and
 * each line of text a group, scaled and placed as resvg places it, that
 * uses them. `cjkRun` (global) matches the runs set in the CJK face (the
 * rest is set in the Latin one): the runs markCjkRuns (render.ts) marks for resvg.
 * An SVG with a stylesheet is left whole: a rule may apply to `text`.
 */
export function textAsGlyphs(svg: string, faces: Faces, cjkRun: RegExp): string {
  if (/<style\b/.test(svg)) return svg;
  const glyphs = new Map<string, string>();
  const set = svg.replace(/<text\b([^>]*)>([\s\S]*?)<\/text>/g, (element, attributeList: string, content: string) => {
    const attribute = /\s([a-z:-]+)="([^"]*)"/g;
    const attributes = new Map([...attributeList.matchAll(attribute)].map((m) => [m[1], m[2]] as const));
    if (attributeList.replace(attribute, '').trim() || [...attributes.keys()].some((name) => !TEXT_ATTRIBUTES.has(name))) return element;
    const size = f32(Number(attributes.get('font-size')));
    const weight = attributes.get('font-weight') ?? '400';
    const anchor = attributes.get('text-anchor') ?? 'start';
    const strokeWidth = Number(attributes.get('stroke-width') ?? 1);
    if (!(size > 0) || !(strokeWidth >= 0) || !/^\d+$|^normal$|^bold$/.test(weight) || !['start', 'middle', 'end'].includes(anchor)) return element;
    // Two weights to match from, as CSS does: heavier than 500 takes the bold face.
    const bold = weight === 'bold' || Number(weight) > 500 ? 1 : 0;
    const [latin, cjk] = [font(faces.latin[bold]), font(faces.cjk[bold])];
    if (latin.face.upem !== cjk.face.upem) return element;
    const found = lines(content, Number(attributes.get('x') ?? 0), Number(attributes.get('y') ?? 0));
    if (!found || found.some((line) => !Number.isFinite(line.x) || !Number.isFinite(line.y))) return element;
    // Stroke widths are in the glyphs' units, which the group scales.
    const scale = f32(size / f32(latin.face.upem));
    const paint = [...attributes]
      .filter(([name]) => PAINT_ATTRIBUTES.has(name))
      .map(([name, value]) => ` ${name}="${name === 'stroke-width' ? strokeWidth / scale : value}"`)
      .join('');
    let groups = '';
    for (const line of found) {
      const uses = glyphLine(collapsed(unesc(line.text)), anchor, [latin, cjk], cjkRun, glyphs);
      if (uses === undefined) return element;
      if (uses) groups += `<g transform="matrix(${scale} 0 0 ${-scale} ${f32(line.x)} ${f32(line.y)})"${paint}>${uses}</g>`;
    }
    return groups;
  });
  if (!glyphs.size) return set;
  const defs = `<defs class="${GLYPHS}">${[...glyphs].map(([id, d]) => `<path id="${id}" d="${d}"/>`).join('')}</defs>`;
  return set.replace(/<svg\b[^>]*>/, (root) => root + defs);
}

/** The <defs> of glyph outlines textAsGlyphs wrote into `svg`, or '': for drawing part of the image on its own. */
export const glyphDefinitions = (svg: string): string => GLYPH_DEFINITIONS.exec(svg)?.[0] ?? '';

/**
 * One line's glyphs as <use>s of `glyphs` (the <defs>' paths, added to as
 * needed), placed in font units from the line's origin; undefined where a
 * character has no glyph in its face (resvg would fall back to another).
 */
function glyphLine(text: string, anchor: string, [latin, cjk]: [hb.Font, hb.Font], cjkRun: RegExp, glyphs: Map<string, string>): string | undefined {
  const runs: { face: hb.Font; shaped: ReturnType<typeof shape> }[] = [];
  const add = (face: hb.Font, part: string) => part && runs.push({ face, shaped: shape(face, part) });
  let from = 0;
  for (const run of text.matchAll(cjkRun)) {
    add(latin, text.slice(from, run.index));
    add(cjk, run[0]);
    from = run.index + run[0].length;
  }
  add(latin, text.slice(from));
  let width = 0;
  for (const run of runs)
    for (const glyph of run.shaped) {
      if (glyph.codepoint === 0) return undefined;
      width += glyph.xAdvance ?? 0;
    }
  let advance = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
  let uses = '';
  for (const { face, shaped } of runs) {
    for (const glyph of shaped) {
      const d = outline(face, glyph.codepoint);
      if (d) {
        const id = `${fontNames.get(face)}-${glyph.codepoint}`;
        glyphs.set(id, d);
        const x = advance + (glyph.xOffset ?? 0);
        const y = glyph.yOffset ?? 0;
        uses += `<use href="#${id}"${x ? ` x="${x}"` : ''}${y ? ` y="${y}"` : ''}/>`;
      }
      advance += glyph.xAdvance ?? 0;
    }
  }
  return uses;
}

/**
 * The font stack, one for pages, charts, maps, embeds and social cards.
 * System fonts only on pages: nothing is fetched from another server. The
 * reader's own UI font first, then Latin faces, then the usual Simplified
 * Chinese faces on macOS, Windows and Linux, then the generic family. Latin
 * before CJK: a browser (and resvg) falls back glyph by glyph, so Latin text
 * is set in a Latin face and Chinese in a Chinese one.
 *
 * PNG images (social cards, downloads) are drawn with two bundled fonts
 * instead (src/publishing/png/render.ts): Noto Sans for Latin (LATIN_FACE,
 * the first name below the rasteriser has), and Noto Sans Hans for CJK,
 * which it falls back to for every character Noto Sans lacks.
 */

/** Stacks by script; the site's stack is the Latin one, then the CJK one, then the generic family. */
export const FONT_STACKS = {
  latin: ['system-ui', '-apple-system', 'Segoe UI', 'Noto Sans', 'Helvetica Neue', 'Arial'],
  cjk: ['PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC'],
  generic: ['sans-serif'],
} as const satisfies Record<string, readonly string[]>;

export type FontStack = keyof typeof FONT_STACKS;

/** The Latin face PNGs are drawn with: the family name inside the bundled Latin font files. */
export const LATIN_FACE = FONT_STACKS.latin[3];

/** Stacks as a CSS font-family value (names with spaces quoted). In an SVG attribute it goes through esc(). */
export const fontFamily = (...stacks: FontStack[]): string =>
  stacks
    .flatMap((stack) => FONT_STACKS[stack])
    .map((name) => (/\s/.test(name) ? `"${name}"` : name))
    .join(',');

/** The site's font-family: Latin faces, then CJK faces, then sans-serif. */
export const FONT = fontFamily('latin', 'cjk', 'generic');

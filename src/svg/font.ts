/**
 * The font stack, one for pages, charts, maps, embeds and social cards.
 * System fonts only: nothing is fetched from another server. The reader's
 * own UI font first, then the usual Simplified Chinese faces on macOS,
 * Windows and Linux, then the generic family.
 *
 * PNG images (social cards, downloads) are drawn with one bundled font
 * instead (FONT_FAMILY in src/publishing/png/render.ts): none of the names
 * below is in the rasteriser's font database, so it falls through to the
 * generic family at the end of the stack, which it maps to that font.
 */

/** Stacks by script, each ending in a generic family. */
export const FONT_STACKS = {
  cjk: [
    'system-ui',
    '-apple-system',
    'PingFang SC',
    'Hiragino Sans GB',
    'Microsoft YaHei',
    'Noto Sans CJK SC',
    'Noto Sans SC',
    'Source Han Sans SC',
    'sans-serif',
  ],
} as const satisfies Record<string, readonly string[]>;

export type FontStack = keyof typeof FONT_STACKS;

/** A stack as a CSS font-family value (names with spaces quoted). In an SVG attribute it goes through esc(). */
export const fontFamily = (stack: FontStack = 'cjk'): string => FONT_STACKS[stack].map((name) => (/\s/.test(name) ? `"${name}"` : name)).join(',');

/** The site's font-family. */
export const FONT = fontFamily();

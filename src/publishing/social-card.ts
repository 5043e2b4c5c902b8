/**
 * Social cards (Open Graph / Twitter): a 1200×630 image per story, drawn as
 * SVG here and rendered to PNG at build time by src/publishing/png/svg-to-png.ts, with the story's
 * title in its own edition's words.
 */
import { htmlLang, type Lang } from '#/i18n/editions.ts';
import { FONT } from '#/svg/font.ts';
import { esc } from '#/svg/markup.ts';
import { LIGHT } from '#/svg/palette.ts';
import { wrapText } from '#/svg/text.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardContent {
  lang: Lang;
  siteName: string;
  /** Small line above the title: province and county, or the kind of page. */
  kicker?: string;
  title: string;
  summary?: string;
  /** The site's host, printed at the bottom. */
  host: string;
}

/** The card as an SVG string (pure), in the site's font stack, which the PNG renderer draws with its bundled font. */
export function cardSvg(c: CardContent): string {
  const titleSize = 64;
  // A card is only ever a PNG, drawn with the bundled font: measured in its metrics.
  const titleLines = wrapText(c.title, CARD_WIDTH - 160, titleSize, true, { maxLines: 3, metrics: 'png' });
  const summaryLines = c.summary ? wrapText(c.summary, CARD_WIDTH - 160, 30, false, { maxLines: 2, metrics: 'png' }) : [];
  const titleTop = c.kicker ? 265 : 220;
  const text = (x: number, y: number, size: number, content: string, attrs = '') =>
    `<text x="${x}" y="${y}" font-size="${size}" ${attrs}>${esc(content)}</text>`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${esc(FONT)}" lang="${htmlLang(c.lang)}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${LIGHT.bg}"/>`,
    `<rect width="24" height="${CARD_HEIGHT}" fill="${LIGHT.accent}"/>`,
    text(80, 110, 36, c.siteName, `font-weight="700" fill="${LIGHT.accent}"`),
    c.kicker ? text(80, 170, 30, c.kicker, `fill="${LIGHT.muted}"`) : '',
    ...titleLines.map((l, i) => text(80, titleTop + i * titleSize * 1.25, titleSize, l, `font-weight="700" fill="${LIGHT.fg}"`)),
    ...summaryLines.map((l, i) => text(80, titleTop + (titleLines.length - 1) * titleSize * 1.25 + 75 + i * 44, 30, l, `fill="${LIGHT.muted}"`)),
    `<line x1="80" y1="${CARD_HEIGHT - 80}" x2="${CARD_WIDTH - 80}" y2="${CARD_HEIGHT - 80}" stroke="${LIGHT.rule}" stroke-width="2"/>`,
    text(80, CARD_HEIGHT - 38, 26, c.host, `fill="${LIGHT.muted}"`),
    '</svg>',
  ];
  return parts.filter(Boolean).join('');
}

/**
 * Social cards (Open Graph / Twitter): a 1200×630 image per story, drawn as
 * SVG here and rendered to PNG at build time by src/publishing/png/svg-to-png.ts, with the story's
 * title in its own edition's words.
 */
import { htmlLang, type Lang } from '#/i18n/editions.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Width of a character in em: CJK and full-width forms are square; Latin is about half. */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code >= 0x2e80 || (code >= 0x2010 && code <= 0x201f)) return 1;
  if (/[A-Z MW@%]/.test(ch)) return 0.65;
  if (/[il.,:;'|!]/.test(ch)) return 0.3;
  return 0.5;
}

/**
 * Break text into at most `maxLines` lines of `maxEm` em. Chinese breaks
 * anywhere (but not before closing punctuation); Latin text at spaces.
 * A cut-off last line ends with "…".
 */
export function wrapText(text: string, maxEm: number, maxLines: number): string[] {
  const tokens = text.match(/[A-Za-z0-9.,'’%-]+\s*|\s+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const token of tokens) {
    const w = [...token].reduce((n, ch) => n + charWidth(ch), 0);
    const closing = /^[，。、；：？！）」』”’》,.;:?!)]/.test(token);
    if (width + w > maxEm && line && !(closing && width + w <= maxEm + 1)) {
      lines.push(line.trimEnd());
      line = token.trimStart();
      width = [...line].reduce((n, ch) => n + charWidth(ch), 0);
    } else {
      line += token;
      width += w;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${[...kept[maxLines - 1]].slice(0, -1).join('').trimEnd()}…`;
  return kept;
}

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

/** The card as an SVG string (pure). Text uses the generic sans-serif family, which the PNG renderer maps to its bundled font. */
export function cardSvg(c: CardContent): string {
  const titleSize = 64;
  const titleLines = wrapText(c.title, (CARD_WIDTH - 160) / titleSize, 3);
  const summaryLines = c.summary ? wrapText(c.summary, (CARD_WIDTH - 160) / 30, 2) : [];
  const titleTop = c.kicker ? 265 : 220;
  const text = (x: number, y: number, size: number, content: string, attrs = '') =>
    `<text x="${x}" y="${y}" font-size="${size}" ${attrs}>${escapeXml(content)}</text>`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="sans-serif" lang="${htmlLang(c.lang)}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#fdfcf9"/>`,
    `<rect width="24" height="${CARD_HEIGHT}" fill="#a33a1f"/>`,
    text(80, 110, 36, c.siteName, 'font-weight="700" fill="#a33a1f"'),
    c.kicker ? text(80, 170, 30, c.kicker, 'fill="#5a5a55"') : '',
    ...titleLines.map((l, i) => text(80, titleTop + i * titleSize * 1.25, titleSize, l, 'font-weight="700" fill="#1d1d1b"')),
    ...summaryLines.map((l, i) => text(80, titleTop + (titleLines.length - 1) * titleSize * 1.25 + 75 + i * 44, 30, l, 'fill="#5a5a55"')),
    `<line x1="80" y1="${CARD_HEIGHT - 80}" x2="${CARD_WIDTH - 80}" y2="${CARD_HEIGHT - 80}" stroke="#d9d6cc" stroke-width="2"/>`,
    text(80, CARD_HEIGHT - 38, 26, c.host, 'fill="#5a5a55"'),
    '</svg>',
  ];
  return parts.filter(Boolean).join('');
}

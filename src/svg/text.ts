/**
 * Text width without a DOM, for laying text out at build time, in one of
 * two sets of metrics:
 *
 * - 'screen' (the default), for SVG a reader's own fonts draw (pages,
 *   embeds, downloaded SVG, and the PNGs drawn from them): estimates err on
 *   the wide side, so a label the layout thinks fits does fit in any of the
 *   fonts the stylesheet names. Chinese characters and full-width
 *   punctuation are 1em in every CJK font, and so are the marks Chinese sets
 *   full-width (CHINESE_MARKS: a Chinese PNG sets them in its CJK face, and a
 *   reader's CJK face may draw them so too); Latin letters and digits are
 *   sized for DejaVu Sans, the widest fallback a Linux reader may get
 *   (measured in Chromium: estimates run 0–10% over its widths, and further
 *   over PingFang, Segoe UI or Roboto).
 * - 'png', for images only ever drawn with the bundled fonts (social cards;
 *   src/publishing/png/render.ts): Latin in Noto Sans, narrower than DejaVu
 *   (classes from its advances), CJK in Noto Sans Hans, 1em. In a Chinese
 *   image quotes, dash and ellipsis are the CJK face's, 1em; in an English
 *   one Noto Sans's (’ 0.18–0.22em, “ ” 0.36–0.45em): counted 1em in both.
 */

/** Ideographs, kana, hangul, CJK and full-width punctuation: one em each. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export type Metrics = 'screen' | 'png';

const SCREEN_NARROW = new Set(" .,:;!|'`()[]{}ilIjtf/-·");
const SCREEN_BROAD = new Set('mwMW@%');
const PNG_NARROW = new Set("il.,:;'|! ");
const PNG_QUOTES = new Set('"');
const PNG_BROAD = /[A-Zmw@%&#]/;
/** Quotes, dash, ellipsis and middle dot: full-width (1em) in Chinese, proportional in English, depending on the face. */
export const CHINESE_MARKS = '‘’“”—…·';
const FULL_WIDTH_MARKS = new Set(CHINESE_MARKS);

/**
 * Widths already worked out, by metrics and weight: a build measures the same
 * few hundred characters millions of times, and the regular expressions
 * below cost more than a lookup.
 */
const knownWidths: Record<Metrics, [regular: Map<string, number>, bold: Map<string, number>]> = {
  screen: [new Map(), new Map()],
  png: [new Map(), new Map()],
};

/** Width of one character in em. On screen, bold Latin is about 12% wider; bold ideographs are not. */
export function charWidth(ch: string, bold = false, metrics: Metrics = 'screen'): number {
  const known = knownWidths[metrics][bold ? 1 : 0];
  let width = known.get(ch);
  if (width === undefined) known.set(ch, (width = measureChar(ch, bold, metrics)));
  return width;
}

function measureChar(ch: string, bold: boolean, metrics: Metrics): number {
  // Marks that are 1em in Chinese (or in a Chinese face) count 1em in English too: wide is the safe side.
  if (FULL_WIDTH_MARKS.has(ch)) return 1;
  if (metrics === 'png') {
    if (ch.codePointAt(0)! >= 0x2e80) return 1;
    const latin = PNG_BROAD.test(ch) ? 0.75 : PNG_NARROW.has(ch) ? 0.3 : PNG_QUOTES.has(ch) ? 0.45 : 0.6;
    return bold ? latin * 1.06 : latin;
  }
  if (WIDE.test(ch)) return 1;
  const latin = SCREEN_BROAD.has(ch) ? 0.95 : SCREEN_NARROW.has(ch) ? 0.36 : /[0-9]/.test(ch) ? 0.64 : /[A-Z]/.test(ch) ? 0.74 : 0.62;
  return bold ? latin * 1.12 : latin;
}

/** Estimated advance width of `text` at `size` units. */
export function textWidth(text: string, size: number, bold = false, metrics: Metrics = 'screen'): number {
  return ems(text, bold, metrics) * size;
}

/** `text`'s width in em, added character by character onto `from` (the width of the text before it). */
function ems(text: string, bold: boolean, metrics: Metrics, from = 0): number {
  let em = from;
  for (const ch of text) em += charWidth(ch, bold, metrics);
  return em;
}

/** Characters that may not start a line (Chinese line-breaking rules, 避头尾). */
const NO_LINE_START = new Set('，。、；：？！）》」』】〕”’,.;:?!)%…·');
/** Characters that may not end a line. */
const NO_LINE_END = new Set('（《「『【〔“‘(');

/**
 * Break text into pieces that may not be split: each Chinese character on
 * its own (with punctuation kept on the right side), Latin words with the
 * space that follows them.
 */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const part of text.match(/[A-Za-z0-9@#%&+\-.,:;!?'’()/$€¥×]+\s*|\s+|./gsu) ?? []) {
    const last = out.at(-1);
    if (last !== undefined && (NO_LINE_START.has([...part][0]) || NO_LINE_END.has([...last].at(-1)!))) out[out.length - 1] = last + part;
    else out.push(part);
  }
  return out;
}

export interface WrapOptions {
  /** Beyond this many lines the text is cut, and the last line ends with "…". */
  maxLines?: number;
  metrics?: Metrics;
}

/**
 * Lines of at most `maxWidth` units. A single token wider than the line (a
 * URL, a very long English word) is split, so nothing ever overflows.
 */
export function wrapText(text: string, maxWidth: number, size: number, bold = false, { maxLines = Infinity, metrics = 'screen' }: WrapOptions = {}): string[] {
  const width = (s: string) => textWidth(s, size, bold, metrics);
  const lines: string[] = [];
  // The line so far and its width in em. A longer line's width is this one's plus what is added, summed in
  // the order textWidth sums, so the same number: each piece is measured once, not the whole line again.
  let line = '';
  let lineEm = 0;
  const extend = (added: string) => {
    lineEm = ems(added, bold, metrics, lineEm);
    line += added;
  };
  const start = (first: string) => {
    line = first;
    lineEm = ems(first, bold, metrics);
  };
  /** The width of the line with `added` after it, trailing spaces left out. */
  const widthWith = (added: string) => {
    const kept = (line + added).trimEnd();
    return kept.length > line.length ? ems(kept.slice(line.length), bold, metrics, lineEm) * size : width(kept);
  };
  const push = () => {
    if (line.trim()) lines.push(line.trimEnd());
    start('');
  };
  for (const token of tokens(text.trim())) {
    if (widthWith(token) <= maxWidth) {
      extend(token);
      continue;
    }
    push();
    if (width(token.trimEnd()) <= maxWidth) {
      start(token.trimStart());
      continue;
    }
    // Too wide for any line (a URL, a very long word): broken after a slash, # or hyphen where it can be, else anywhere.
    for (const piece of token.match(/[^/#-]*[/#-]+|[^/#-]+/g) ?? []) {
      if (widthWith(piece) > maxWidth) push();
      if (width(piece.trimEnd()) <= maxWidth) {
        extend(piece);
        continue;
      }
      for (const ch of piece) {
        if (ems(ch, bold, metrics, lineEm) * size > maxWidth) push();
        extend(ch);
      }
    }
  }
  push();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const full = [...kept[maxLines - 1], ' ', ...lines[maxLines]];
  const last = [...kept[maxLines - 1]];
  while (last.length && width(`${last.join('').trimEnd()}…`) > maxWidth) last.pop();
  // Latin text is cut between words ("the county…", not "the cou…"); Chinese may be cut at any character.
  const inWord = (i: number) => /[\p{Script=Latin}\d'’-]/u.test(full[i] ?? '');
  if (inWord(last.length - 1) && inWord(last.length) && last.includes(' ')) last.splice(last.lastIndexOf(' '));
  kept[maxLines - 1] = `${last.join('').trimEnd()}…`;
  return kept;
}

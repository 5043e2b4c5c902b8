/**
 * Text width without a DOM, for laying labels out at build time.
 *
 * Estimates err on the wide side, so a label the layout thinks fits does fit
 * in any of the fonts the stylesheet names: Chinese characters and
 * full-width punctuation are 1em in every CJK font; Latin letters and digits
 * are sized for DejaVu Sans, the widest fallback a Linux reader may get
 * (measured in Chromium: estimates run 0–10% over its widths, and further
 * over PingFang, Segoe UI or Roboto).
 */

/** Ideographs, kana, hangul, CJK and full-width punctuation: one em each. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const NARROW = new Set(" .,:;!|'`()[]{}ilIjtf/-·");
const BROAD = new Set('mwMW@%');

/** Width of one character in em. Bold Latin is about 12% wider; bold ideographs are not. */
export function charWidth(ch: string, bold = false): number {
  if (WIDE.test(ch)) return 1;
  const latin = BROAD.has(ch) ? 0.95 : NARROW.has(ch) ? 0.36 : /[0-9]/.test(ch) ? 0.64 : /[A-Z]/.test(ch) ? 0.74 : 0.62;
  return bold ? latin * 1.12 : latin;
}

/** Estimated advance width of `text` at `size` units. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch, bold);
  return em * size;
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

/**
 * Lines of at most `maxWidth` units. A single token wider than the line (a
 * very long English word) is split by characters, so nothing ever overflows.
 */
export function wrapText(text: string, maxWidth: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
  };
  for (const token of tokens(text.trim())) {
    if (textWidth((line + token).trimEnd(), size, bold) <= maxWidth) {
      line += token;
      continue;
    }
    push();
    if (textWidth(token.trimEnd(), size, bold) <= maxWidth) {
      line = token.trimStart();
      continue;
    }
    for (const ch of token) {
      if (textWidth(line + ch, size, bold) > maxWidth) push();
      line += ch;
    }
  }
  push();
  return lines;
}

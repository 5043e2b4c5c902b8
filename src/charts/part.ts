/**
 * A share of a whole: ten cells (the tenths Chinese sources count in, 六成 =
 * six of ten), filled up to the share. When the source gives a bound rather
 * than an exact share (超过六成 is "more than 60%"), an arrow at the edge of
 * the fill points the way the true value lies, and says so in words.
 */
import type { Lang } from '#/i18n/format.ts';
import { t } from '#/i18n/words.ts';
import { punctuation } from '#/i18n/punctuation.ts';
import { formatFigure } from '#/i18n/format.ts';
import { SIZE } from './frame.ts';
import type { ResolvedChart } from './resolve.ts';
import { ASCENT, DESCENT, textBox, textLines, type Block, type Mark, type TextMark } from './scene.ts';
import { textWidth, wrapText } from '#/svg/text.ts';
import { bound, valueText } from './words.ts';

const CELLS = 10;
const CELL_GAP = 3;
const CELL_H = 28;

export function partChart(chart: Extract<ResolvedChart, { type: 'part-of-whole' }>, lang: Lang, inner: number): Block {
  const { part, whole } = chart;
  const marks: Mark[] = [];
  let y = 0;
  const text = valueText(part, lang);
  const size = Math.min(SIZE.big, inner / textWidth(text, 1, true));
  const big = textLines([text], 0, y, size, { cls: 'big', bold: true });
  marks.push(...big.marks);
  y += big.height + 4;
  const label = textLines(wrapText(part.label[lang], inner, SIZE.label), 0, y, SIZE.label, { cls: 'label' });
  marks.push(...label.marks);
  y += label.height + 14;

  const cellW = (inner - (CELLS - 1) * CELL_GAP) / CELLS;
  const tenths = part.figure.value / 10;
  for (let i = 0; i < CELLS; i++) {
    const cx = i * (cellW + CELL_GAP);
    const filled = Math.min(1, Math.max(0, tenths - i));
    if (filled > 0) marks.push({ kind: 'rect', x: cx, y, w: cellW * filled, h: CELL_H, cls: 'fill' });
    if (filled < 1) marks.push({ kind: 'rect', x: cx + 0.5, y: y + 0.5, w: cellW - 1, h: CELL_H - 1, cls: 'cell' });
  }
  // Where the fill ends, on the cells' scale.
  const edge = Math.floor(tenths) * (cellW + CELL_GAP) + (tenths % 1) * cellW - (Number.isInteger(tenths) && tenths > 0 ? CELL_GAP / 2 : 0);
  const cellsBottom = y + CELL_H;

  const ends: TextMark[] = [
    { kind: 'text', x: 0, y: cellsBottom + 6 + ASCENT * SIZE.tick, text: '0', size: SIZE.tick, anchor: 'start', cls: 'tick' },
    {
      kind: 'text',
      x: inner,
      y: cellsBottom + 6 + ASCENT * SIZE.tick,
      text: part.field.format === 'cheng' ? formatFigure({ value: 100, qualifiers: [] }, part.field, lang) : '100%',
      size: SIZE.tick,
      anchor: 'end',
      cls: 'tick',
    },
  ];
  marks.push(...ends);
  y = cellsBottom + 6 + (ASCENT + DESCENT) * SIZE.tick;

  const b = bound(part.figure.qualifiers);
  if (b !== 'exact') {
    // A rule across the cells at the drawn value, and an arrow the way the true value lies.
    marks.push({ kind: 'line', x1: edge, x2: edge, y1: cellsBottom - CELL_H - 5, y2: cellsBottom + 5, cls: 'mark' });
    const ay = y + 10;
    const dir = b === 'lower' ? 1 : b === 'upper' ? -1 : 0;
    const words = t(lang, b === 'lower' ? 'chartAbove' : b === 'upper' ? 'chartBelow' : 'chartAbout');
    if (dir !== 0) {
      const tip = edge + dir * 22;
      marks.push({ kind: 'path', d: `M${edge},${ay}L${tip},${ay}M${tip - dir * 5},${ay - 4}L${tip},${ay}L${tip - dir * 5},${ay + 4}`, cls: 'mark' });
    }
    marks.push({ kind: 'line', x1: edge, x2: edge, y1: cellsBottom + 5, y2: ay, cls: 'mark' });
    // The words follow the arrow if they fit there, else they go on the next line, flush with the side the arrow points to.
    const beside: TextMark = {
      kind: 'text',
      x: edge + (dir >= 0 ? 28 : -28),
      y: ay + ((ASCENT - DESCENT) * SIZE.tick) / 2,
      text: words,
      size: SIZE.tick,
      anchor: dir >= 0 ? 'start' : 'end',
      cls: 'unit',
    };
    const below: TextMark = { ...beside, x: dir >= 0 ? inner : 0, y: ay + 10 + ASCENT * SIZE.tick, anchor: dir >= 0 ? 'end' : 'start' };
    const b0 = textBox(beside);
    const note = b0.x0 >= 0 && b0.x1 <= inner ? beside : below;
    marks.push(note);
    y = Math.max(ay + 5, textBox(note).y1);
  }

  if (whole) {
    y += 12;
    const line = `${whole.label[lang]}${punctuation(lang).colon}${valueText(whole, lang)}`;
    const w = textLines(wrapText(line, inner, SIZE.label), 0, y, SIZE.label, { cls: 'label' });
    marks.push(...w.marks);
    y += w.height;
  }
  return { height: y, marks };
}

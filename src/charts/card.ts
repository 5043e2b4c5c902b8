/** One to four headline figures, each large, with what it counts under it. */
import type { Lang } from '#/i18n/format.ts';
import { SIZE } from './frame.ts';
import type { ResolvedChart } from './resolve.ts';
import { textLines, type Block, type Mark } from './scene.ts';
import { textWidth, wrapText } from '#/svg/text.ts';
import { valueText } from './words.ts';

const MIN_SIZE = 24;

export function cardChart(chart: Extract<ResolvedChart, { type: 'number-card' }>, lang: Lang, inner: number): Block {
  const marks: Mark[] = [];
  let y = 0;
  // One size for every number on the card, as large as the longest allows on one line,
  // but no smaller than MIN_SIZE: below that a long value wraps instead.
  const size = Math.max(MIN_SIZE, Math.min(SIZE.big, ...chart.items.map((v) => inner / textWidth(valueText(v, lang), 1, true))));
  chart.items.forEach((v, i) => {
    if (i > 0) {
      y += 12;
      marks.push({ kind: 'line', x1: 0, x2: inner, y1: y, y2: y, cls: 'grid' });
      y += 12;
    }
    const big = textLines(wrapText(valueText(v, lang), inner, size, true), 0, y, size, { cls: 'big', bold: true, leading: 1.2 });
    marks.push(...big.marks);
    y += big.height + 4;
    const label = textLines(wrapText(v.label[lang], inner, SIZE.label), 0, y, SIZE.label, { cls: 'label' });
    marks.push(...label.marks);
    y += label.height;
  });
  return { height: y, marks };
}

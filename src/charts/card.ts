/** One to four headline figures, each large, with what it counts under it. */
import type { Lang } from '../format.ts';
import { INNER, SIZE } from './frame.ts';
import type { ResolvedChart } from './resolve.ts';
import { textLines, type Block, type Mark } from './scene.ts';
import { textWidth, wrapText } from './text.ts';
import { valueText } from './words.ts';

export function cardChart(chart: Extract<ResolvedChart, { type: 'number-card' }>, lang: Lang): Block {
  const marks: Mark[] = [];
  let y = 0;
  chart.items.forEach((v, i) => {
    if (i > 0) {
      y += 12;
      marks.push({ kind: 'line', x1: 0, x2: INNER, y1: y, y2: y, cls: 'grid' });
      y += 12;
    }
    const text = valueText(v, lang);
    // As large as the line allows, up to the card size: long English values shrink to fit.
    const size = Math.min(SIZE.big, INNER / textWidth(text, 1, true));
    const big = textLines([text], 0, y, size, { cls: 'big', bold: true });
    marks.push(...big.marks);
    y += big.height + 4;
    const label = textLines(wrapText(v.label[lang], INNER, SIZE.label), 0, y, SIZE.label, { cls: 'label' });
    marks.push(...label.marks);
    y += label.height;
  });
  return { height: y, marks };
}

/**
 * What every chart has around its drawing: the title (the finding), the
 * subtitle, then the drawing, notes and the source line with the dataset
 * version. Sizes are in viewBox units, laid out for a given width (one of
 * src/svg/widths.ts WIDTHS): the page shows the one drawn for its width,
 * near its design size, so text re-flows instead of scaling.
 */
import type { Lang } from '#/i18n/format.ts';
import type { ResolvedChart } from './resolve.ts';
import { shift, textLines, type Block, type Mark, type Scene } from './scene.ts';
import { wrapText } from '#/svg/text.ts';
import { CHART_PAD, WIDTHS } from '#/svg/widths.ts';
import { describe, sourceLines } from './words.ts';

/** The narrowest chart width in viewBox units, a phone's CSS width: the default layout. */
export const WIDTH = WIDTHS[0];
export const PAD = CHART_PAD;
/** Width available to the drawing in a chart `width` units wide. */
export const innerWidth = (width: number) => width - 2 * PAD;
/** Width available to the drawing at the default width. */
export const INNER = innerWidth(WIDTH);

export const SIZE = { title: 17, sub: 13, label: 13.5, value: 13.5, tick: 12, note: 12, src: 12, big: 34 } as const;

/** Stack the header, the drawing (in its own coordinates, x from 0 to innerWidth(width)) and the footer. */
export function frame(chart: ResolvedChart, lang: Lang, body: Block, width: number = WIDTH): Scene {
  const inner = innerWidth(width);
  const marks: Mark[] = [];
  let y = PAD + 2;
  const put = (block: Block, gapAfter: number, dx = PAD) => {
    marks.push(...shift(block.marks, y, dx));
    y += block.height + gapAfter;
  };
  put(textLines(wrapText(chart.spec.title[lang], inner, SIZE.title, true), 0, 0, SIZE.title, { cls: 'title', bold: true, leading: 1.25 }), 6);
  put(textLines(wrapText(chart.spec.subtitle[lang], inner, SIZE.sub), 0, 0, SIZE.sub, { cls: 'sub', leading: 1.35 }), 16);
  put(body, 16);
  if (chart.spec.notes) put(textLines(wrapText(chart.spec.notes[lang], inner, SIZE.note), 0, 0, SIZE.note, { cls: 'note', leading: 1.35 }), 8);
  put(
    textLines(
      sourceLines(chart, lang).flatMap((line) => wrapText(line, inner, SIZE.src)),
      0,
      0,
      SIZE.src,
      { cls: 'src', leading: 1.35 },
    ),
    0,
  );
  return { width, height: Math.ceil(y + PAD), marks, title: chart.spec.title[lang], desc: describe(chart, lang) };
}

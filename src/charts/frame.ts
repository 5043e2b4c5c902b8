/**
 * What every chart has around its drawing: the title (the finding), the
 * subtitle, then the drawing, notes and the source line with the dataset
 * version. Sizes are in viewBox units; the viewBox is narrow (a phone
 * screen) and scales up to the column on larger screens.
 */
import type { Lang } from '#/i18n/format.ts';
import type { ResolvedChart } from './resolve.ts';
import { shift, textLines, type Block, type Mark, type Scene } from './scene.ts';
import { wrapText } from '#/svg/text.ts';
import { describe, sourceLines } from './words.ts';

/** Chart width in viewBox units, close to a phone's CSS width so type keeps its size there. */
export const WIDTH = 320;
export const PAD = 12;
/** Width available to the drawing. */
export const INNER = WIDTH - 2 * PAD;

export const SIZE = { title: 17, sub: 13, label: 13.5, value: 13.5, tick: 12, note: 12, src: 12, big: 34 } as const;

/** Stack the header, the drawing (in its own coordinates, x from 0 to INNER) and the footer. */
export function frame(chart: ResolvedChart, lang: Lang, body: Block): Scene {
  const marks: Mark[] = [];
  let y = PAD + 2;
  const put = (block: Block, gapAfter: number, dx = PAD) => {
    marks.push(...shift(block.marks, y, dx));
    y += block.height + gapAfter;
  };
  put(textLines(wrapText(chart.spec.title[lang], INNER, SIZE.title, true), 0, 0, SIZE.title, { cls: 'title', bold: true, leading: 1.25 }), 6);
  put(textLines(wrapText(chart.spec.subtitle[lang], INNER, SIZE.sub), 0, 0, SIZE.sub, { cls: 'sub', leading: 1.35 }), 16);
  put(body, 16);
  if (chart.spec.notes) put(textLines(wrapText(chart.spec.notes[lang], INNER, SIZE.note), 0, 0, SIZE.note, { cls: 'note', leading: 1.35 }), 8);
  put(
    textLines(
      sourceLines(chart, lang).flatMap((line) => wrapText(line, INNER, SIZE.src)),
      0,
      0,
      SIZE.src,
      { cls: 'src', leading: 1.35 },
    ),
    0,
  );
  return { width: WIDTH, height: Math.ceil(y + PAD), marks, title: chart.spec.title[lang], desc: describe(chart, lang) };
}

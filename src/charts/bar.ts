/**
 * Horizontal bars, for values of one unit side by side, and for a
 * before/after comparison. Labels go above their bar on the full width (long
 * Chinese names wrap there instead of squeezing the bars); the value sits at
 * the end of its bar, or under the label when values are too wide for that.
 */
import { scaleLinear } from 'd3';
import { formatNumber, type Lang } from '#/i18n/format.ts';
import { PAD, SIZE } from './frame.ts';
import type { ResolvedChart } from './resolve.ts';
import { ASCENT, DESCENT, overlaps, shift, textBox, textLines, type Block, type Mark, type TextMark } from './scene.ts';
import { textWidth, wrapText } from '#/svg/text.ts';
import { scaleCaption, shownText, valueText } from './words.ts';

export interface BarItem {
  label: string;
  value: number;
  /** The value as printed, with unit and qualifiers. */
  text: string;
  cls: 'bar' | 'bar2';
}

const BAR = 18;
const LABEL_GAP = 4;
const ROW_GAP = 14;
const VALUE_GAP = 5;

/** Tick values and their labels: as many as fit side by side without touching, at most five. */
export function chooseTicks(x: (v: number) => number, ticksFor: (count: number) => number[], lang: Lang, y: number, inner: number): TextMark[] {
  for (const count of [5, 4, 3, 2]) {
    const marks = ticksFor(count).map((v): TextMark => ({
      kind: 'text',
      x: x(v),
      y,
      text: formatNumber(v, lang),
      size: SIZE.tick,
      anchor: 'middle',
      cls: 'tick',
    }));
    // The first and last labels may not reach past the chart's padding.
    const fits = marks.every((m) => {
      const b = textBox(m);
      return b.x0 >= -PAD + 2 && b.x1 <= inner + PAD - 2;
    });
    const apart = marks.every((m, i) => i === 0 || !overlaps(textBox(marks[i - 1]), textBox(m), 6));
    if (fits && apart) return marks;
  }
  return [];
}

export function barBlock(items: BarItem[], lang: Lang, opts: { ticks: boolean; caption?: string; inner: number }): Block {
  const { inner } = opts;
  const marks: Mark[] = [];
  const under: Mark[] = [];
  let y = 0;
  if (opts.caption) {
    const caption = textLines(wrapText(opts.caption, inner, SIZE.tick), 0, 0, SIZE.tick, { cls: 'unit' });
    marks.push(...caption.marks);
    y += caption.height + 8;
  }
  const valueWidth = Math.max(...items.map((d) => textWidth(d.text, SIZE.value, true)));
  // Values fit at the bar ends if they leave the bars most of the width.
  const inline = valueWidth <= inner * 0.45;
  const max = Math.max(...items.map((d) => d.value)) || 1;
  const x = scaleLinear()
    .domain([0, max])
    .range([0, inline ? inner - valueWidth - VALUE_GAP : inner]);

  const top = y;
  items.forEach((d, i) => {
    if (i > 0) y += ROW_GAP;
    const label = textLines(wrapText(d.label, inner, SIZE.label), 0, y, SIZE.label, { cls: 'label' });
    marks.push(...label.marks);
    y += label.height + LABEL_GAP;
    if (!inline && d.text) {
      const value = textLines(wrapText(d.text, inner, SIZE.value, true), 0, y, SIZE.value, { cls: 'value', bold: true });
      marks.push(...value.marks);
      y += value.height + LABEL_GAP;
    }
    marks.push({ kind: 'rect', x: 0, y, w: x(d.value), h: BAR, cls: d.cls });
    // The zero line runs beside each bar only, so it never cuts through a label.
    under.push({ kind: 'line', x1: 0, x2: 0, y1: y - 3, y2: y + BAR + 3, cls: 'axis' });
    if (inline && d.text)
      marks.push({
        kind: 'text',
        x: x(d.value) + VALUE_GAP,
        y: y + BAR / 2 + ((ASCENT - DESCENT) * SIZE.value) / 2,
        text: d.text,
        size: SIZE.value,
        anchor: 'start',
        bold: true,
        cls: 'value',
      });
    y += BAR;
  });
  const bottom = y;

  if (opts.ticks) {
    const tickY = bottom + 6 + ASCENT * SIZE.tick;
    const ticks = chooseTicks(x, (n) => x.ticks(n), lang, tickY, inner);
    for (const t of ticks) under.push({ kind: 'line', x1: t.x, x2: t.x, y1: top, y2: bottom + 3, cls: 'grid' });
    marks.push(...ticks);
    if (ticks.length) y = tickY + DESCENT * SIZE.tick;
  }
  return { height: y, marks: [...under, ...marks] };
}

export function barChart(chart: Extract<ResolvedChart, { type: 'bar' }>, lang: Lang, inner: number): Block {
  const items = chart.items.map((v): BarItem => ({ label: v.label[lang], value: v.figure.value, text: valueText(v, lang), cls: 'bar' }));
  return barBlock(items, lang, {
    inner,
    ticks: true,
    caption: scaleCaption(
      chart.items.map((v) => v.field),
      lang,
    ),
  });
}

/** Before and after, the earlier bar in the second colour; the source's statement of the change above them. */
export function comparisonChart(chart: Extract<ResolvedChart, { type: 'comparison' }>, lang: Lang, inner: number): Block {
  const marks: Mark[] = [];
  let y = 0;
  if (chart.change) {
    const label = textLines(wrapText(chart.change.label[lang], inner, SIZE.sub), 0, 0, SIZE.sub, { cls: 'sub' });
    marks.push(...label.marks);
    y += label.height + 4;
    const text = valueText(chart.change, lang);
    const size = Math.min(SIZE.big * 0.75, inner / textWidth(text, 1, true));
    const big = textLines([text], 0, y, size, { cls: 'big', bold: true });
    marks.push(...big.marks);
    y += big.height + 14;
  }
  const items = [chart.before, chart.after].map((v, i): BarItem => ({
    label: v.label[lang],
    value: v.figure.value,
    text: valueText(v, lang),
    cls: i === 0 ? 'bar2' : 'bar',
  }));
  const bars = barBlock(items, lang, { inner, ticks: false, caption: scaleCaption([chart.before.field, chart.after.field], lang) });
  return { height: y + bars.height, marks: [...marks, ...shift(bars.marks, y)] };
}

/**
 * Only the rise is published (收购价较之前一年高出了1倍): the earlier value is
 * the base, drawn without a number, and the later one that many times more.
 */
export function riseChart(chart: Extract<ResolvedChart, { type: 'rise' }>, lang: Lang, inner: number): Block {
  const { after } = chart;
  const items: BarItem[] = [
    { label: chart.base[lang], value: 1, text: '', cls: 'bar2' },
    { label: after.label[lang], value: 1 + after.figure.value, text: shownText(chart, after, lang), cls: 'bar' },
  ];
  return barBlock(items, lang, { inner, ticks: false });
}

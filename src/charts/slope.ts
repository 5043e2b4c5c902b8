/**
 * A slope (or line) chart for dated values: each series is a line from its
 * first to its last date, labelled directly at both ends, so no legend and no
 * colour is needed to tell the series apart. The scale starts at zero.
 */
import { extent, max, scaleLinear, scaleUtc, line } from 'd3';
import type { Lang } from '#/i18n/format.ts';
import { PAD, SIZE } from './frame.ts';
import type { ChartValue, ResolvedChart, SlopeSeries } from './resolve.ts';
import { ASCENT, DESCENT, overlaps, textBox, type Block, type Mark, type TextMark } from './scene.ts';
import { textWidth, wrapText } from '#/svg/text.ts';
import { valueText } from './words.ts';

/** The value without its unit, qualifiers kept ("12", "超200"): the line's other end carries the unit. */
const bareValue = (v: ChartValue, lang: Lang) => valueText({ ...v, field: { ...v.field, unit: { zh: '', en: '' } } }, lang);

const PLOT_H = 160;
const LEADING = 1.25;
/** Each series its own line style (solid, dashed, dotted) as well as its own label. */
const LINE_CLS = [
  ['line', 'dot'],
  ['line2', 'dot2'],
  ['line3', 'dot3'],
] as const;
/** Space between a label and the plot. */
const GAP = 8;
/** The plot's share of the width, whatever the labels need. */
const MIN_PLOT_SHARE = 0.34;

/** A label group (a value, maybe wrapped, and maybe a name) wanting its number's line level with its point. */
interface Group {
  lines: { text: string; bold: boolean }[];
  want: number;
  top: number;
  height: number;
  /** The line that carries the number: it is the one that must sit by the point. */
  anchor: number;
}

const groupHeight = (n: number) => (n - 1) * SIZE.value * LEADING + (ASCENT + DESCENT) * SIZE.value;
/** From a group's top to the middle of its line i. */
const lineMiddle = (i: number) => i * SIZE.value * LEADING + groupHeight(1) / 2;
/** The line holding the number (a wrapped qualifier such as "a total of" may come before it). */
const numberLine = (lines: { text: string }[]) =>
  Math.max(
    0,
    lines.findIndex((l) => /\d/.test(l.text)),
  );

/**
 * A label group for a point at y: its number's line level with the point, a name on the side away
 * from the nearest other point on that side, so a name is never read as the neighbour's.
 */
function labelGroup(value: string, width: number, nameLines: string[], y: number, otherYs: number[]): Group {
  const above = Math.min(Infinity, ...otherYs.filter((o) => o <= y).map((o) => y - o));
  const below = Math.min(Infinity, ...otherYs.filter((o) => o > y).map((o) => o - y));
  const upwards = below < above;
  // Growing upwards, a wrapped value breaks before its number ("a total of" / "27 envoys"), so the
  // lines it adds go above the point, not down towards the neighbour.
  let valueLines = wrapText(value, width, SIZE.value, true);
  const digit = value.search(/\d/);
  if (upwards && numberLine(valueLines.map((text) => ({ text }))) < valueLines.length - 1 && digit > 0) {
    const rest = value.slice(digit);
    if (textWidth(rest, SIZE.value, true) <= width) valueLines = [...wrapText(value.slice(0, digit).trimEnd(), width, SIZE.value, true), rest];
  }
  const values = valueLines.map((text) => ({ text, bold: true }));
  const names = nameLines.map((text) => ({ text, bold: false }));
  const lines = upwards ? [...names, ...values] : [...values, ...names];
  const anchor = (below < above ? names.length : 0) + numberLine(values);
  return { lines, anchor, want: y - lineMiddle(anchor), top: 0, height: groupHeight(lines.length) };
}

/**
 * Stack groups so none overlaps: each keeps its wanted place if it can, or
 * moves down just below the one above; if the last runs past `limit`, the
 * stack moves up as a whole.
 */
export function spread(groups: Pick<Group, 'want' | 'top' | 'height'>[], gap: number, limit: number): void {
  const sorted = groups.toSorted((a, b) => a.want - b.want);
  let bottom = -Infinity;
  for (const g of sorted) {
    g.top = Math.max(g.want, bottom + gap);
    bottom = g.top + g.height;
  }
  const over = bottom - limit;
  if (over > 0) for (const g of sorted) g.top -= over;
  // Moving up may have pushed the first ones above the top: settle downwards again from there.
  bottom = -Infinity;
  for (const g of sorted) {
    g.top = Math.max(g.top, bottom + gap);
    bottom = g.top + g.height;
  }
}

export function slopeChart(chart: Extract<ResolvedChart, { type: 'slope' }>, lang: Lang, inner: number): Block {
  const MIN_PLOT = inner * MIN_PLOT_SHARE;
  const series = chart.series;
  const dates = series.flatMap((s) => s.points.map((p) => Date.parse(p.date)));
  const [first, last] = extent(dates) as [number, number];
  const top = (ASCENT + DESCENT) * SIZE.value;
  const y = scaleLinear()
    .domain([0, max(series.flatMap((s) => s.points.map((p) => p.figure.value))) || 1])
    .range([top + PLOT_H, top]);

  // The left end shows the number alone when the series keeps one unit; the right end gives it in full.
  const leftText = (s: SlopeSeries) => (s.points.every((p) => p.field === s.points[0].field) ? bareValue(s.points[0], lang) : valueText(s.points[0], lang));
  const rightText = (s: SlopeSeries) => valueText(s.points.at(-1)!, lang);
  // A series is named under its right-hand value, unless the value already says it ("25个县区" needs no "县区").
  const named = (s: SlopeSeries) => !rightText(s).toLowerCase().includes(s.label[lang].toLowerCase());
  // Labels take what they need, but the plot keeps at least a third of the width:
  // long (English) labels wrap instead, the left side giving way first.
  const leftNeed = Math.max(...series.map((s) => textWidth(leftText(s), SIZE.value, true)));
  const nameNeed = Math.max(0, ...series.filter(named).map((s) => textWidth(s.label[lang], SIZE.value)));
  const rightNeed = Math.max(...series.map((s) => textWidth(rightText(s), SIZE.value, true)), Math.min(nameNeed, inner * 0.42));
  const room = inner - MIN_PLOT - 2 * GAP;
  const leftW = leftNeed + rightNeed <= room ? leftNeed : Math.min(leftNeed, room * 0.4);
  const rightW = Math.min(rightNeed, room - leftW);
  const names = (s: SlopeSeries) => (named(s) ? wrapText(s.label[lang], rightW, SIZE.value) : []);
  const x = scaleUtc()
    .domain([first, last])
    .range([leftW + GAP, inner - rightW - GAP]);
  const px = (date: string) => x(Date.parse(date));

  const under: Mark[] = [];
  const marks: Mark[] = [];
  const plotBottom = y(0);
  under.push({ kind: 'line', x1: x.range()[0], x2: x.range()[1], y1: plotBottom, y2: plotBottom, cls: 'axis' });
  for (const d of new Set(series.flatMap((s) => s.points.map((p) => p.date))))
    under.push({ kind: 'line', x1: px(d), x2: px(d), y1: top, y2: plotBottom, cls: 'grid' });

  const left: Group[] = [];
  const right: Group[] = [];
  const ends = (end: 0 | -1) => series.map((s) => y(s.points.at(end)!.figure.value));
  series.forEach((s, i) => {
    const [lineCls, dotCls] = LINE_CLS[i];
    const path = line<(typeof s.points)[number]>()
      .x((p) => px(p.date))
      .y((p) => y(p.figure.value))(s.points)!;
    marks.push({ kind: 'path', d: path, cls: lineCls });
    for (const p of s.points) marks.push({ kind: 'circle', cx: px(p.date), cy: y(p.figure.value), r: 3.5, cls: dotCls });
    const others = (ys: number[]) => ys.filter((_, j) => j !== i);
    left.push(labelGroup(leftText(s), leftW, [], ends(0)[i], others(ends(0))));
    right.push(labelGroup(rightText(s), rightW, names(s), ends(-1)[i], others(ends(-1))));
    // Points between the ends carry their value just above them.
    for (const p of s.points.slice(1, -1))
      marks.push({
        kind: 'text',
        x: px(p.date),
        y: y(p.figure.value) - 8,
        text: valueText(p, lang),
        size: SIZE.tick,
        anchor: 'middle',
        bold: true,
        cls: 'value',
      });
  });
  spread(left, 4, top + PLOT_H + top);
  spread(right, 4, top + PLOT_H + top);
  const put = (g: Group, xAt: number, anchor: TextMark['anchor']) =>
    g.lines.forEach((l, i) =>
      marks.push({
        kind: 'text',
        x: xAt,
        y: g.top + i * SIZE.value * LEADING + ASCENT * SIZE.value,
        text: l.text,
        size: SIZE.value,
        anchor,
        bold: l.bold,
        cls: l.bold ? 'value' : 'label',
      }),
    );
  left.forEach((g) => put(g, x.range()[0] - GAP, 'end'));
  right.forEach((g) => put(g, x.range()[1] + GAP, 'start'));

  // Dates under the plot, below every label. The two end dates lean outwards
  // if they would touch; any date that still touches a neighbour drops a row.
  const labelsBottom = Math.max(plotBottom, ...[...left, ...right].map((g) => g.top + g.height));
  const rowY = (row: number) => labelsBottom + 10 + ASCENT * SIZE.tick + row * SIZE.tick * LEADING;
  const labelled = [...new Map(series.flatMap((s) => s.points.map((p) => [p.date, p.label[lang]] as const)))].sort(([a], [b]) => a.localeCompare(b));
  const dateMark = (date: string, text: string, row: number, anchor: TextMark['anchor']): TextMark =>
    clampInside(inner, {
      kind: 'text',
      x: px(date) + (anchor === 'end' ? 6 : anchor === 'start' ? -6 : 0),
      y: rowY(row),
      text,
      size: SIZE.tick,
      anchor,
      cls: 'tick',
    });
  const anchors = labelled.map((): TextMark['anchor'] => 'middle');
  const touch = (a: TextMark, b: TextMark) => overlaps(textBox(a), textBox(b), 6);
  if (labelled.length === 2 && touch(dateMark(...labelled[0], 0, 'middle'), dateMark(...labelled[1], 0, 'middle'))) anchors.splice(0, 2, 'end', 'start');
  const dateMarks: TextMark[] = [];
  labelled.forEach(([date, text], i) => {
    let row = 0;
    while (dateMarks.some((m) => touch(m, dateMark(date, text, row, anchors[i])))) row++;
    dateMarks.push(dateMark(date, text, row, anchors[i]));
  });
  marks.push(...dateMarks);
  const height = Math.max(...dateMarks.map((m) => m.y + DESCENT * m.size));
  return { height, marks: [...under, ...marks] };
}

/** Keep a label centred on its x if it fits inside the chart, else pin it to the edge it would cross. */
function clampInside(inner: number, m: TextMark): TextMark {
  const b = textBox(m);
  if (b.x0 < -PAD + 2) return { ...m, x: -PAD + 2, anchor: 'start' };
  if (b.x1 > inner + PAD - 2) return { ...m, x: inner + PAD - 2, anchor: 'end' };
  return m;
}

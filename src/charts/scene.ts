/**
 * A chart as a list of positioned marks, before it becomes markup. Layout
 * functions build scenes; tests measure them (every text's box inside the
 * viewBox, no two boxes overlapping); serialize() writes the SVG.
 */
import { attrs, el, esc, num } from '#/svg/markup.ts';
import { textWidth } from '#/svg/text.ts';

/** Style classes, defined once in the chart's stylesheet (see style.ts). */
export type MarkClass =
  | 'title'
  | 'sub'
  | 'label'
  | 'value'
  | 'big'
  | 'tick'
  | 'unit'
  | 'note'
  | 'src'
  | 'bar'
  | 'bar2'
  | 'grid'
  | 'axis'
  | 'line'
  | 'line2'
  | 'line3'
  | 'dot'
  | 'dot2'
  | 'dot3'
  | 'cell'
  | 'fill'
  | 'mark';

export interface TextMark {
  kind: 'text';
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  size: number;
  anchor: 'start' | 'middle' | 'end';
  bold?: boolean;
  cls: MarkClass;
}
export interface RectMark {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  cls: MarkClass;
}
export interface LineMark {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  cls: MarkClass;
}
export interface PathMark {
  kind: 'path';
  d: string;
  cls: MarkClass;
}
export interface CircleMark {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
  cls: MarkClass;
}
export type Mark = TextMark | RectMark | LineMark | PathMark | CircleMark;

/** A stack of marks in its own coordinates, from y = 0 down to `height`. */
export interface Block {
  height: number;
  marks: Mark[];
}

export interface Scene {
  width: number;
  height: number;
  marks: Mark[];
  /** The accessible name and description: the finding, and the numbers. */
  title: string;
  desc: string;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Share of the font size above the baseline (CJK ideographs reach ~0.88em) and below it. */
export const ASCENT = 0.92;
export const DESCENT = 0.24;

export function textBox(t: TextMark): Box {
  const w = textWidth(t.text, t.size, t.bold);
  const x0 = t.anchor === 'start' ? t.x : t.anchor === 'middle' ? t.x - w / 2 : t.x - w;
  return { x0, y0: t.y - ASCENT * t.size, x1: x0 + w, y1: t.y + DESCENT * t.size };
}

export function markBox(m: Mark): Box | undefined {
  switch (m.kind) {
    case 'text':
      return textBox(m);
    case 'rect':
      return { x0: m.x, y0: m.y, x1: m.x + m.w, y1: m.y + m.h };
    case 'circle':
      return { x0: m.cx - m.r, y0: m.cy - m.r, x1: m.cx + m.r, y1: m.cy + m.r };
    case 'line':
      return { x0: Math.min(m.x1, m.x2), y0: Math.min(m.y1, m.y2), x1: Math.max(m.x1, m.x2), y1: Math.max(m.y1, m.y2) };
    case 'path':
      return undefined;
  }
}

export const overlaps = (a: Box, b: Box, gap = 0) => a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;

/** Lines of text set from `top`, one under the other. */
export function textLines(
  lines: string[],
  x: number,
  top: number,
  size: number,
  opts: { cls: MarkClass; anchor?: TextMark['anchor']; bold?: boolean; leading?: number },
): Block {
  const step = size * (opts.leading ?? 1.3);
  const marks: TextMark[] = lines.map((text, i) => ({
    kind: 'text',
    x,
    y: top + i * step + ASCENT * size,
    text,
    size,
    anchor: opts.anchor ?? 'start',
    bold: opts.bold,
    cls: opts.cls,
  }));
  return { height: lines.length ? (lines.length - 1) * step + (ASCENT + DESCENT) * size : 0, marks };
}

/** Move marks down by `dy` (and right by `dx`). */
export function shift(marks: Mark[], dy: number, dx = 0): Mark[] {
  return marks.map((m): Mark => {
    switch (m.kind) {
      case 'text':
        return { ...m, x: m.x + dx, y: m.y + dy };
      case 'rect':
        return { ...m, x: m.x + dx, y: m.y + dy };
      case 'circle':
        return { ...m, cx: m.cx + dx, cy: m.cy + dy };
      case 'line':
        return { ...m, x1: m.x1 + dx, x2: m.x2 + dx, y1: m.y1 + dy, y2: m.y2 + dy };
      case 'path':
        return { ...m, d: translatePath(m.d, dx, dy) };
    }
  });
}

/** Paths are written with absolute M/L commands only (see slope.ts), so they can be moved by rewriting numbers pairwise. */
function translatePath(d: string, dx: number, dy: number): string {
  return d.replace(/([ML])\s*(-?[\d.]+)[ ,](-?[\d.]+)/g, (_, c: string, x: string, y: string) => `${c}${num(Number(x) + dx)},${num(Number(y) + dy)}`);
}

function markSvg(m: Mark): string {
  switch (m.kind) {
    case 'text': {
      const anchor = m.anchor === 'start' ? undefined : m.anchor;
      return el('text', { x: m.x, y: m.y, class: m.cls, 'text-anchor': anchor, 'font-size': m.size, 'font-weight': m.bold ? 700 : undefined }, esc(m.text));
    }
    case 'rect':
      return el('rect', { x: m.x, y: m.y, width: Math.max(0, m.w), height: m.h, class: m.cls });
    case 'line':
      return el('line', { x1: m.x1, y1: m.y1, x2: m.x2, y2: m.y2, class: m.cls });
    case 'path':
      return el('path', { d: m.d, class: m.cls });
    case 'circle':
      return el('circle', { cx: m.cx, cy: m.cy, r: m.r, class: m.cls });
  }
}

/**
 * The SVG document. `idPrefix` must be unique on the page: the accessible
 * name and description are referenced by id.
 */
export function serialize(scene: Scene, idPrefix: string, style: string, lang: string): string {
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const head =
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ viewBox: `0 0 ${num(scene.width)} ${num(scene.height)}`, width: scene.width, height: scene.height, class: 'ch', role: 'img', 'aria-labelledby': `${titleId} ${descId}`, lang })}>` +
    el('title', { id: titleId }, esc(scene.title)) +
    el('desc', { id: descId }, esc(scene.desc)) +
    `<style>${style}</style>` +
    el('rect', { class: 'bg', width: scene.width, height: scene.height });
  return head + scene.marks.map(markSvg).join('') + '</svg>';
}

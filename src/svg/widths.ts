/**
 * The widths every chart and locator map is drawn at, and how a page picks
 * one with CSS container queries (no JavaScript). A drawing W units wide is
 * laid out for W CSS pixels: its labels re-flow at each width, they are never
 * scaled up or down by more than TOLERANCE.
 *
 * The arithmetic. A variant of width W shown in a container C pixels wide is
 * scaled by C / (W − 2b), where b is the bleed: how many of its units hang
 * outside the container on each side (in stories the chart's 12-unit padding
 * is pulled into the margin so its text lines up with the prose, b = 12; in
 * embeds and for maps b = 0). The page switches from one variant to the next
 * at the geometric mean of their (W − 2b), so both sides of a switch are
 * equally far from 1:
 *
 *   stories (b = 12), W − 2b = 296 / 416 / 576 / 816:
 *     switches at 351 px and 490 px and 686 px; scale 0.97 at 288 px (a 320-px
 *     phone minus the page's padding), at most 351/296 = 1.19 and at least
 *     351/416 = 0.84; 704 px (the widest column) is 0.86 of the widest.
 *   embeds and maps (b = 0), W = 320 / 440 / 600 / 840:
 *     switches at 375, 514 and 710 px; scale at most 1.17 (375/320) and at
 *     least 0.85 (375/440, 710/840); 1,000 px is 1.19 of the widest.
 *
 * So text renders within ±20 % of its design size at every container width
 * from 237 to 979 px on site pages (whose column is at most 704 px) and from
 * 256 to 1,008 px in embeds and maps (tests/unit/widths.test.ts checks each
 * pixel; tests/browser/widths.test.ts measures it in Chromium).
 */

/** A chart's padding in its own units (src/charts/frame.ts PAD): what site pages pull into the margin, the bleed. */
export const CHART_PAD = 12;

/** Drawing widths, in viewBox units (= CSS px at their design size), narrowest first. */
export const WIDTHS = [320, 440, 600, 840] as const;
/** The widest layout: the one downloads (SVG, PNG) are drawn from. */
export const WIDE = WIDTHS.at(-1)!;
/** How far from its design size text may render. */
export const TOLERANCE = 0.2;

export interface WidthRange {
  width: number;
  /** The container widths (CSS px) at which this variant shows: from `min` (inclusive) up to `max` (exclusive). */
  min: number;
  max: number;
}

/** Which variant shows in which container width, for a bleed of `bleed` units each side. */
export function widthRanges(bleed: number, widths: readonly number[] = WIDTHS): WidthRange[] {
  const span = (w: number) => w - 2 * bleed;
  const switches = widths.slice(1).map((w, i) => Math.round(Math.sqrt(span(widths[i]) * span(w))));
  return widths.map((width, i) => ({ width, min: i === 0 ? 0 : switches[i - 1], max: switches[i] ?? Infinity }));
}

/** The scale a variant is drawn at in a container `container` px wide. */
export const scaleAt = (container: number, width: number, bleed: number) => container / (width - 2 * bleed);

/** The variant shown in a container `container` px wide. */
export const widthAt = (container: number, bleed: number, widths: readonly number[] = WIDTHS) =>
  widthRanges(bleed, widths).find((r) => container >= r.min && container < r.max)!.width;

/** The widths a container at most `maxContainer` px wide can show (a locator map is at most 20rem wide in a story). */
export const widthsUpTo = (maxContainer: number, bleed: number) =>
  widthRanges(bleed)
    .filter((r) => r.min <= maxContainer)
    .map((r) => r.width);

export interface Variant {
  width: number;
  svg: string;
}

/**
 * The variants as one piece of markup: each SVG in a <div data-w> inside a
 * <div class="gw"> (the query container). One variant alone is its bare SVG.
 * The stylesheet (widthsCss) shows one and hides the others with display:none,
 * so a screen reader meets one drawing.
 */
export function variantsMarkup(variants: Variant[]): string {
  if (variants.length === 1) return variants[0].svg;
  return `<div class="gw">${variants.map((v) => `<div data-w="${v.width}">${v.svg}</div>`).join('')}</div>`;
}

/**
 * The CSS that shows one variant per container width. Without container
 * queries (old browsers) the narrowest shows, scaled as charts were before.
 * `scope` prefixes every rule (".chart" on site pages, none in embeds); with a bleed, each
 * variant's SVG is widened by it and pulled left, so its padding sits in the margin.
 */
export function widthsCss(scope: string, bleed: number): string {
  const ranges = widthRanges(bleed);
  const pre = scope ? `${scope} ` : '';
  const sel = (w?: number) => `${pre}.gw>${w === undefined ? '[data-w]' : `[data-w="${w}"]`}`;
  const round = (n: number) => Math.round(n * 1e4) / 1e4;
  return [
    `${pre}.gw{container-type:inline-size}`,
    `${sel()}{display:none}`,
    `${sel(ranges[0].width)}{display:block}`,
    ...ranges.slice(1).map((r) => `@container (width >= ${r.min}px){${sel()}{display:none}${sel(r.width)}{display:block}}`),
    ...(bleed
      ? ranges.map(
          (r) => `${sel(r.width)}>svg{width:${round((100 * r.width) / (r.width - 2 * bleed))}%;margin-left:${round((-100 * bleed) / (r.width - 2 * bleed))}%}`,
        )
      : []),
  ].join('');
}

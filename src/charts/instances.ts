/**
 * Ids for chart instances, unique within a page: the SVG's <title> and <desc>
 * are referenced by id, and one page may show the same chart twice (or the
 * gallery and a story may share an id scheme). Keyed by the page's request,
 * so nothing outlives the page render.
 */
const used = new WeakMap<Request, Map<string, number>>();

/** "chart-qinglong-price", then "chart-qinglong-price-2" for a second one on the same page. */
export function instanceId(page: Request, base: string): string {
  const seen = used.get(page) ?? new Map<string, number>();
  used.set(page, seen);
  const n = (seen.get(base) ?? 0) + 1;
  seen.set(base, n);
  return n === 1 ? base : `${base}-${n}`;
}

/**
 * The chart gallery in pages: /charts/, /charts/2/, … (and /en/charts/…).
 * Which charts a page shows, which page holds a chart, and the page links
 * each page offers. Pure and free of Node APIs: the gallery's pages use it at
 * build time, and its script in the browser.
 *
 * A chart's permanent address is its own page, /charts/<id>/ (chartPagePath):
 * page numbers shift as charts are added. Before charts had pages, citations,
 * embeds and downloaded images printed /charts/#<id>; page 1 carries the
 * first id of every page, so its script still sends such a link on to the
 * page that holds the chart (pageOfId).
 */

/** Charts per page: with its SVG, data table and embed tools a chart is about 8 kB of HTML, so a page stays near 100 kB. */
export const GALLERY_PAGE_SIZE = 12;

/**
 * Gallery order: by chart id, comparing UTF-16 code units like the browser's
 * `<` does, so pageOfId can locate any id from the pages' first ids.
 */
export const byChartId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The first id of each page, for ids already in gallery order. */
export function pageFirstIds(ids: readonly string[], size = GALLERY_PAGE_SIZE): string[] {
  return ids.filter((_, i) => i % size === 0);
}

/** The page that holds `id`: the last page whose first id is not after it (1 if none is). */
export function pageOfId(firstIds: readonly string[], id: string): number {
  let page = 1;
  for (let i = 1; i < firstIds.length && firstIds[i] <= id; i++) page = i + 1;
  return page;
}

/** Page number of every chart id, for ids already in gallery order. */
export function galleryPages(ids: readonly string[], size = GALLERY_PAGE_SIZE): Map<string, number> {
  return new Map(ids.map((id, i) => [id, Math.floor(i / size) + 1]));
}

/**
 * The numbered links of a page's navigation: the first and last pages, the
 * current one and its neighbours, and "gap" where pages are left out. At most
 * seven entries, however many pages there are, so each page stays the same size.
 */
export function pageLinks(current: number, last: number): (number | 'gap')[] {
  const shown = [...new Set([1, current - 1, current, current + 1, last])].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  const links: (number | 'gap')[] = [];
  for (const page of shown) {
    const previous = links.at(-1);
    if (typeof previous === 'number' && page - previous === 2)
      links.push(previous + 1); // a gap of one page: show the page
    else if (typeof previous === 'number' && page - previous > 2) links.push('gap');
    links.push(page);
  }
  return links;
}

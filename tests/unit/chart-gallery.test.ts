/** The chart gallery's pages (src/charts/gallery.ts), on the site's real charts. */
import { chartInGalleryPath, chartPagePath, galleryPagePath } from '#/publishing/urls.ts';
import { chartSpec } from '#/data/schemas.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllDatasets } from '#/data/datasets.ts';
import { loadCharts } from '#/charts/registry.ts';
import { byChartId, GALLERY_PAGE_SIZE, galleryPages, pageFirstIds, pageLinks, pageOfId } from '#/charts/gallery.ts';

const root = process.cwd();
const ids = [...loadCharts(root, loadAllDatasets(root)).values()].sort(byChartId).map((c) => c.id);
/** The real ids as a site with many counties would have them: each chart once per county. */
const manyIds = ids.flatMap((id) => Array.from({ length: 40 }, (_, n) => `${id}-${String(n).padStart(2, '0')}`)).sort();

describe('gallery pages', () => {
  it('keeps /charts/ and /en/charts/ as page 1, and numbers the pages after it', () => {
    expect(galleryPagePath(1, 'zh')).toBe('/charts/');
    expect(galleryPagePath(1, 'en')).toBe('/en/charts/');
    expect(galleryPagePath(2, 'zh')).toBe('/charts/2/');
    expect(galleryPagePath(12, 'en')).toBe('/en/charts/12/');
    expect(chartInGalleryPath(ids[0], 1, 'en')).toBe(`/en/charts/#${ids[0]}`);
  });

  it('gives each chart a page of its own that no gallery page number can take', () => {
    expect(chartPagePath('envoy-coverage', 'zh')).toBe('/charts/envoy-coverage/');
    expect(chartPagePath('envoy-coverage', 'en')).toBe('/en/charts/envoy-coverage/');
    for (const id of ids) expect(id, id).toMatch(/[a-z]/);
    // A spec whose id is all digits would take the gallery's /charts/<n>/: refused, saying why.
    const spec = JSON.parse(readFileSync(path.join(root, 'content/charts', `${ids[0]}.json`), 'utf8'));
    expect(chartSpec.safeParse(spec).success).toBe(true);
    const refused = chartSpec.safeParse({ ...spec, id: '2' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'id: at least one letter: /charts/<digits>/ is a page of the chart gallery',
    ]);
    expect(chartSpec.safeParse({ ...spec, id: '2022-targets' }).success).toBe(true);
  });

  it.each([
    ['the site’s charts', ids],
    ['forty times as many', manyIds],
  ])('puts each of %s on one page, in order, at most GALLERY_PAGE_SIZE a page', (_, list) => {
    const pages = galleryPages(list);
    expect([...pages.keys()]).toEqual(list);
    const counts = Map.groupBy([...pages.values()], (p) => p);
    const last = Math.ceil(list.length / GALLERY_PAGE_SIZE);
    expect([...counts.keys()]).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    for (const [page, members] of counts)
      expect(members.length, `page ${page}`).toBe(page < last ? GALLERY_PAGE_SIZE : list.length - (last - 1) * GALLERY_PAGE_SIZE);
  });

  it.each([
    ['the site’s charts', ids],
    ['forty times as many', manyIds],
  ])('finds the page of each of %s from the first id of every page, as page 1’s script does', (_, list) => {
    const firstIds = pageFirstIds(list);
    const pages = galleryPages(list);
    for (const id of list) expect(pageOfId(firstIds, id), id).toBe(pages.get(id));
  });

  it('sorts like the browser compares strings, so pageOfId can rely on the order', () => {
    const shuffled = ['b', 'a-b', 'a', 'a.b', 'B', '2'].map((id) => ({ id }));
    expect(shuffled.sort(byChartId).map((c) => c.id)).toEqual(['2', 'B', 'a', 'a-b', 'a.b', 'b']);
  });
});

describe('page links', () => {
  it('is a single page when everything fits', () => expect(pageLinks(1, 1)).toEqual([1]));

  it('shows every page when there are few', () => {
    expect(pageLinks(1, 2)).toEqual([1, 2]);
    expect(pageLinks(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('leaves out distant pages, but never hides a single page behind a gap', () => {
    expect(pageLinks(1, 290)).toEqual([1, 2, 'gap', 290]);
    expect(pageLinks(4, 290)).toEqual([1, 2, 3, 4, 5, 'gap', 290]);
    expect(pageLinks(150, 290)).toEqual([1, 'gap', 149, 150, 151, 'gap', 290]);
    expect(pageLinks(290, 290)).toEqual([1, 'gap', 289, 290]);
  });

  it('offers the first, last, current and neighbouring pages, in order, in at most seven links, for every page of a large gallery', () => {
    const last = Math.ceil(manyIds.length / GALLERY_PAGE_SIZE);
    for (let current = 1; current <= last; current++) {
      const links = pageLinks(current, last);
      const numbers = links.filter((l) => l !== 'gap');
      expect(links.length).toBeLessThanOrEqual(7);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      for (const p of [1, current - 1, current, current + 1, last].filter((p) => p >= 1 && p <= last)) expect(numbers).toContain(p);
      links.forEach((l, i) => {
        if (l === 'gap') expect((links[i + 1] as number) - (links[i - 1] as number)).toBeGreaterThan(2);
      });
    }
  });
});

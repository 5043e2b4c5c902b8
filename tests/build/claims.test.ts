/**
 * Who says so and corrections, on the built site: story JSON-LD and
 * correction notices, the feed, dataset version pages (claimants and the
 * row-by-row diff) and charts whose figures the programme supplied.
 */
import { describe, expect, it } from 'vitest';
import { loadAllDatasets } from '#/data/datasets.ts';
import { attribution, claimantIds, loadClaimants } from '#/data/claimants.ts';
import { loadCharts } from '#/charts/registry.ts';
import { isStory, listPages, readPage, siteDir } from '../helpers/site.ts';

const root = process.cwd();
const datasets = loadAllDatasets(root);
const claimants = loadClaimants(root);
const html = (urlPath: string) => readPage(siteDir(), urlPath);
const storyPages = () => listPages(siteDir()).filter(isStory);
/** Markup-free text, entities decoded (the few Astro writes). */
const text = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

interface Ld {
  '@type': string;
  headline: string;
  datePublished: string;
  dateModified: string;
  correction?: { '@type': string; text: string; datePublished: string }[];
}
function ldOf(page: string): Ld {
  const scripts = [...html(page).matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
  expect(scripts, page).toHaveLength(1);
  return JSON.parse(scripts[0][1]);
}

describe('story pages', () => {
  it('carry a valid NewsArticle whose corrections are the ones the page shows, dated', () => {
    const pages = storyPages();
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const ld = ldOf(page);
      expect(ld['@type']).toBe('NewsArticle');
      expect(ld.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(ld.dateModified >= ld.datePublished).toBe(true);
      const notice = /<aside class="corrections"[^>]*>(.*?)<\/aside>/s.exec(html(page))?.[1];
      if (!ld.correction) {
        // No correction: no notice, or one that says it is an update (nothing was wrong).
        if (notice !== undefined) expect(text(notice), page).toMatch(page.startsWith('/en/') ? /^Updates?/ : /^更新/);
        continue;
      }
      expect(notice, page).toBeDefined();
      expect(text(notice!)).toMatch(page.startsWith('/en/') ? /^Corrections?/ : /^更正/);
      for (const c of ld.correction) {
        expect(c['@type']).toBe('CorrectionComment');
        expect(c.datePublished <= ld.dateModified).toBe(true);
        expect(notice).toContain(`<time datetime="${c.datePublished}">`);
        expect(text(notice!)).toContain(c.text);
      }
    }
  });

  it('in the feed, a corrected story’s item says what was corrected', () => {
    for (const page of storyPages()) {
      const ld = ldOf(page);
      if (!ld.correction) continue;
      const feed = text(html(page.startsWith('/en/') ? '/en/rss.xml' : '/rss.xml'));
      for (const c of ld.correction) expect(feed, page).toContain(c.text);
    }
  });

  it('name who makes each claim in the notes, where the story pins the newest dataset versions', () => {
    let checked = 0;
    for (const page of storyPages()) {
      const notes = [...html(page).matchAll(/<li id="note-\d+">(.*?)<\/li>/gs)].map((m) => m[1]);
      for (const note of notes) {
        const [, id, version] = /\/datasets\/([^/]+)\/([^/]+)\//.exec(note)!;
        if (datasets.latest(id)!.data.version !== version) continue;
        checked++;
        const claimant = /#claimant-([a-z0-9-]+)/.exec(note)?.[1];
        expect(claimant, `${page}: ${text(note).slice(0, 60)}`).toBeDefined();
        expect(text(note)).toContain(attribution(claimants.get(claimant!)!, page.startsWith('/en/') ? 'en' : 'zh', { start: true }));
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('dataset version pages', () => {
  const versions = datasets.all.map((d) => d.data);

  it('list the claimants a version names, with an anchor for each id', () => {
    for (const d of versions) {
      const page = html(`/en/datasets/${d.id}/${d.version}/`);
      for (const id of claimantIds(d)) expect(page, `${d.id}@${d.version}`).toContain(`id="claimant-${id}"`);
    }
  });

  it('show what changed from the previous version, row by row, from the second version on', () => {
    for (const d of versions) {
      const page = html(`/datasets/${d.id}/${d.version}/`);
      const first = datasets.versions(d.id)[0].data.version === d.version;
      expect(page.includes('<details class="diff" id="changes"'), `${d.id}@${d.version}`).toBe(!first);
    }
    const qinglong = text(html('/en/datasets/qinglong/1.1.0/'));
    expect(qinglong).toContain('What changed from the previous version');
    expect(qinglong).toMatch(/chestnut-drive\s*tonnes_sold\s*claimant\s*—\s*reporter/);
    expect(qinglong).toMatch(/price_rise_times\s*unit\.en\s*times higher\s*higher/);
  });
});

describe('charts', () => {
  it('whose figures the programme supplied say so in the downloadable SVG and the embed; others do not', () => {
    const charts = loadCharts(root, datasets, claimants);
    let supplied = 0;
    for (const chart of charts.values()) {
      const files = [html(`/downloads/charts/${chart.id}.svg`), html(`/downloads/charts/${chart.id}.en.svg`), html(`/embed/charts/${chart.id}/`)];
      if (chart.suppliedBy.length) {
        supplied++;
        expect(files[0]).toContain('数据由阿里巴巴提供');
        expect(files[1]).toContain('Figures supplied by Alibaba');
        expect(files[2]).toContain('数据由阿里巴巴提供');
      } else {
        for (const f of files) expect(f, chart.id).not.toMatch(/数据由.*提供|Figures supplied by/);
      }
    }
    expect(supplied).toBeGreaterThan(0);
  });
});

/**
 * Search, in a real browser, on the built site: Pagefind's default UI on
 * /search/ and /en/search/, its filters, and the recall of Chinese queries.
 *
 * Recall: Pagefind segments Chinese into words when it indexes and again,
 * with a different segmenter, when the reader types; a term the two split
 * differently is not found. For each term below, the pages whose indexed text
 * (the data-pagefind-body element, minus data-pagefind-ignore) contains the
 * term are compared with the pages Pagefind returns. The table is printed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from './chromium.ts';
import type { SiteServer } from './serve.ts';
import { useSiteInBrowser } from './session.ts';
import { listPages, siteDir } from '../helpers/site.ts';
import { themeLabel, t } from '#/i18n/words.ts';
import { themes } from '#/data/schemas.ts';

/** The queries the issue names, and the county story each must find. */
const KNOWN_QUERIES = [
  { lang: 'zh', query: '板栗', finds: '/counties/qinglong/' },
  { lang: 'zh', query: '连翘', finds: '/counties/yijun/' },
  { lang: 'zh', query: '青绣', finds: '/counties/pingan/' },
  { lang: 'en', query: 'chestnuts', finds: '/en/counties/qinglong/' },
  { lang: 'en', query: 'forsythia', finds: '/en/counties/yijun/' },
  { lang: 'en', query: 'embroidery', finds: '/en/counties/pingan/' },
] as const;

/** Chinese terms from the stories: place and product names, programme names, and common two-character words. */
const RECALL_TERMS = [
  // products and projects
  '板栗',
  '连翘',
  '青绣',
  '金银花',
  '苹果',
  '农民画',
  '包装',
  '物流',
  '云客服',
  '人工智能',
  '标注',
  '巨好办',
  '未来果园',
  '产地仓',
  '蚂蚁森林',
  // programmes, organisations, companies
  '乡村特派员',
  '热土计划',
  '公益宝贝',
  '乡村振兴',
  '清华大学',
  '西安交通大学',
  '淘宝直播',
  '菜鸟',
  '盒马',
  '高德',
  '飞猪',
  // places and people
  '青龙',
  '宜君',
  '平安',
  '巨鹿',
  '平顺',
  '灵山',
  '积石山',
  '礼县',
  '普安',
  '刘琳',
  '王尚念',
  '白雪',
  // compounds the two segmenters could split differently
  '数字化',
  '助农',
  '电商直播',
  '县域治理',
  '乡村主播',
  '青龙满族自治县',
  // common words
  '特派员',
  '电商',
  '直播',
  '品牌',
  '女性',
  '非遗',
  '文旅',
  '数字',
  '培训',
  '公益',
  '农户',
  '销售',
  '县域',
  '就业',
  '收入',
  '增收',
  '设计',
  '种植',
];

/**
 * Recall accepted. Measured with Pagefind 1.6.0 on the stories as first
 * published, charts included (13 Chinese pages, 62 terms, 218 term–page pairs): every page
 * containing a term was found, 100% for every term. Allowed noise: a term
 * may miss one page, and overall recall may drop to 98%. Less after a
 * Pagefind upgrade or a content change means readers miss pages.
 */
const MAX_MISSES_PER_TERM = 1;
const MIN_OVERALL_RECALL = 0.98;

/** Type `query` into the edition's search page; the result pages' paths, in order. */
async function searchInUi(page: Page, site: SiteServer, lang: 'zh' | 'en', query: string): Promise<string[]> {
  await page.goto(site.url(lang === 'zh' ? '/search/' : '/en/search/'));
  await page.fill('.pagefind-ui__search-input', query);
  // The UI writes "N results for <query>" (or its Chinese) when the search is done, then fills in the
  // results (the first five at once): wait for both.
  await page.waitForFunction(
    (q) => {
      const message = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
      // "Searching for <query>..." while it runs; "N results for <query>" or "No results for <query>" when done.
      if (!message.includes(q) || message.trim().endsWith('...')) return false;
      const count = Number(/\d+/.exec(message)?.[0] ?? 0);
      return document.querySelectorAll('.pagefind-ui__result-link').length >= Math.min(count, 5);
    },
    query,
    { timeout: 15_000 },
  );
  return page.$$eval('.pagefind-ui__result-link', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

interface PagefindApi {
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
}
declare global {
  interface Window {
    pagefind: PagefindApi;
  }
}

/** Open the edition's search page and load Pagefind's own JS API from the site's bundle as window.pagefind. */
async function openPagefind(page: Page, site: SiteServer, lang: 'zh' | 'en'): Promise<void> {
  await page.goto(site.url(lang === 'zh' ? '/search/' : '/en/search/'));
  // Evaluated by the test driver (an inline <script> would be refused by the page's CSP); the module itself is a file on the site.
  await page.evaluate("import('/pagefind/pagefind.js').then(async (pagefind) => { await pagefind.init(); window.pagefind = pagefind; })");
  await page.waitForFunction(() => 'pagefind' in window);
}

/** Result URLs of a search through the API (the page must have run openPagefind). */
const searchApi = (page: Page, term: string | null, filters?: Record<string, string>) =>
  page.evaluate(async ([q, f]) => Promise.all((await window.pagefind.search(q, f ? { filters: f } : {})).results.map(async (r) => (await r.data()).url)), [
    term,
    filters,
  ] as const);

/** The text Pagefind indexes on each page of an edition, read from the built HTML. */
async function indexedText(page: Page, pages: string[]): Promise<Record<string, string>> {
  return page.evaluate(async (paths) => {
    const out: Record<string, string> = {};
    for (const p of paths) {
      const html = await (await fetch(p)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const body = doc.querySelector('[data-pagefind-body]');
      if (!body) continue;
      body.querySelectorAll('[data-pagefind-ignore], script, style, template').forEach((e) => e.remove());
      out[p] = body.textContent ?? '';
    }
    return out;
  }, pages);
}

describeInBrowser('search (Pagefind, real browser)', () => {
  const session = useSiteInBrowser();

  it.each(KNOWN_QUERIES)('$lang: "$query" finds $finds', async ({ lang, query, finds }) => {
    const page = await session.browser.newPage();
    try {
      const results = await searchInUi(page, session.site, lang, query);
      expect(results).toContain(finds);
      // Each edition searches only its own pages.
      for (const r of results) expect(r.startsWith('/en/')).toBe(lang === 'en');
    } finally {
      await page.close();
    }
  });

  it.each(['zh', 'en'] as const)('%s: filters by province and by theme, with the values the stories carry', async (lang) => {
    const page = await session.browser.newPage();
    try {
      await openPagefind(page, session.site, lang);
      const filters = await page.evaluate(() => window.pagefind.filters());
      const province = t(lang, 'filterProvince');
      const theme = t(lang, 'filterTheme');
      expect(Object.keys(filters).sort()).toEqual([province, theme].sort());

      // Expected values, from the stories' front matter and the county registry.
      const counties: { code: string; province: Record<string, string> }[] = JSON.parse(readFileSync('data/counties.json', 'utf8'));
      const fronts = ['counties', 'themes'].flatMap((kind) =>
        readdirSync(path.join('content', kind))
          .filter((f) => f.endsWith('.mdx'))
          .map((f) => /^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join('content', kind, f), 'utf8'))![1]),
      );
      const codes = fronts.map((f) => /^county:\s*"?(\d{6})"?/m.exec(f)?.[1]).filter(Boolean);
      const expectedProvinces = new Set(codes.map((c) => counties.find((x) => x.code === c)!.province[lang]));
      expect(new Set(Object.keys(filters[province]))).toEqual(expectedProvinces);
      const labels = new Set(themes.map((x) => themeLabel(x, lang)));
      for (const value of Object.keys(filters[theme])) expect(labels).toContain(value);

      // A filtered search returns only pages with that filter value.
      const [someProvince] = expectedProvinces;
      const urls = await searchApi(page, null, { [province]: someProvince });
      expect(urls.length).toBe(filters[province][someProvince]);
    } finally {
      await page.close();
    }
  });

  it('finds Chinese terms on the pages that contain them (recall)', async () => {
    const page = await session.browser.newPage();
    try {
      await openPagefind(page, session.site, 'zh');
      const zhPages = listPages(siteDir()).filter((p) => !p.startsWith('/en/') && p.endsWith('/'));
      const texts = await indexedText(page, zhPages);
      const rows = [];
      for (const term of RECALL_TERMS) {
        const expected = Object.keys(texts).filter((p) => texts[p].includes(term));
        const found = await searchApi(page, term);
        const hits = expected.filter((p) => found.includes(p));
        rows.push({
          term,
          pages: expected.length,
          found: hits.length,
          recall: expected.length ? hits.length / expected.length : NaN,
          missed: expected.filter((p) => !found.includes(p)).join(' '),
        });
      }
      const pairs = rows.reduce((n, r) => n + r.pages, 0);
      console.log(
        `Pagefind recall on ${Object.keys(texts).length} indexed Chinese pages, ${rows.length} terms, ${pairs} term–page pairs:\n` +
          rows.map((r) => `  ${r.term}\t${r.found}/${r.pages}\t${(r.recall * 100).toFixed(0)}%${r.missed ? `\tmissed: ${r.missed}` : ''}`).join('\n'),
      );

      // Every term is on at least one page, or the list no longer tests anything.
      for (const r of rows) expect(r.pages, `"${r.term}" is on no indexed page`).toBeGreaterThan(0);
      for (const r of rows) expect(r.pages - r.found, `pages missed for "${r.term}": ${r.missed}`).toBeLessThanOrEqual(MAX_MISSES_PER_TERM);
      const overall = rows.reduce((n, r) => n + r.found, 0) / pairs;
      console.log(`  overall\t${(overall * 100).toFixed(1)}%`);
      expect(overall).toBeGreaterThanOrEqual(MIN_OVERALL_RECALL);
    } finally {
      await page.close();
    }
  });
});

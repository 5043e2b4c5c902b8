/**
 * The two editions on the built site: every page's language switcher and
 * hreflang alternates lead to an existing page of the other edition, which
 * links back; <html lang> matches the edition; and, in a real browser, the
 * switcher takes a reader from a story to the same story in the other language.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeInBrowser, launchChromium } from './chromium.ts';
import { serveSite, type SiteServer } from './serve.ts';
import { isStory, listPages, siteDir } from '../helpers/site.ts';

interface EditionLinks {
  lang: string | null;
  /** `<meta name="robots" content="noindex">`: a page for iframes (embeds), not for reading on its own. */
  noindex: boolean;
  switcher: string | null;
  alternates: Record<string, string>;
}

/** What each page says about its editions, read from its HTML by the browser's own parser. */
function readEditionLinks(page: Page, paths: string[]): Promise<Record<string, EditionLinks>> {
  return page.evaluate(async (list) => {
    const out: Record<string, EditionLinks> = {};
    await Promise.all(
      list.map(async (p) => {
        const doc = new DOMParser().parseFromString(await (await fetch(p)).text(), 'text/html');
        const alternates: Record<string, string> = {};
        doc
          .querySelectorAll('link[rel="alternate"][hreflang]')
          .forEach((l) => (alternates[l.getAttribute('hreflang')!] = new URL(l.getAttribute('href')!).pathname));
        const switcher = doc.querySelector('a.language-switch')?.getAttribute('href') ?? null;
        const noindex = /noindex/.test(doc.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '');
        out[p] = { lang: doc.documentElement.getAttribute('lang'), noindex, switcher, alternates };
      }),
    );
    return out;
  }, paths);
}

const isEnglish = (p: string) => p.startsWith('/en/');

describeInBrowser('language switcher and hreflang', () => {
  let server: SiteServer;
  let browser: Browser;
  let pages: string[];
  let links: Record<string, EditionLinks>;
  /** Pages readers read (and search engines index); embeds have no navigation and no switcher. */
  let readable: string[];

  beforeAll(async () => {
    server = await serveSite(siteDir());
    browser = await launchChromium();
    // Every HTML page a reader can reach in an edition (directory pages; 404.html and the like are not part of either).
    pages = listPages(siteDir()).filter((p) => p.endsWith('/'));
    const page = await browser.newPage();
    await page.goto(server.url('/'));
    links = await readEditionLinks(page, pages);
    readable = pages.filter((p) => !links[p].noindex);
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('every county and theme story has an English counterpart', () => {
    const stories = pages.filter(isStory);
    const chinese = stories.filter((p) => !isEnglish(p));
    expect(chinese.length).toBeGreaterThan(0);
    for (const p of chinese) expect(pages).toContain(`/en${p}`);
    expect(stories.filter(isEnglish).length).toBe(chinese.length);
  });

  it('every page has the <html lang> of its edition', () => {
    const wrong = pages.filter((p) => links[p].lang !== (isEnglish(p) ? 'en' : 'zh-CN')).map((p) => `${p}: lang="${links[p].lang}"`);
    expect(wrong).toEqual([]);
  });

  it("every page's switcher leads to an existing page of the other edition that links back", () => {
    const problems: string[] = [];
    for (const p of readable) {
      const target = links[p].switcher;
      if (!target) problems.push(`${p}: no language switcher`);
      else if (!links[target]) problems.push(`${p}: switcher → ${target}, which is not a page of the site`);
      else if (isEnglish(target) === isEnglish(p)) problems.push(`${p}: switcher → ${target}, the same edition`);
      else if (links[target].switcher !== p) problems.push(`${p}: switcher → ${target}, whose switcher → ${links[target].switcher}`);
    }
    expect(problems).toEqual([]);
  });

  it('every page lists zh-CN, en and x-default alternates, all existing pages', () => {
    const problems: string[] = [];
    for (const p of readable) {
      const alt = links[p].alternates;
      expect(Object.keys(alt).sort(), p).toEqual(['en', 'x-default', 'zh-CN']);
      if (alt['zh-CN'] !== (isEnglish(p) ? links[p].switcher : p)) problems.push(`${p}: zh-CN alternate ${alt['zh-CN']}`);
      if (alt.en !== (isEnglish(p) ? p : links[p].switcher)) problems.push(`${p}: en alternate ${alt.en}`);
      if (alt['x-default'] !== alt['zh-CN']) problems.push(`${p}: x-default ${alt['x-default']} is not the Chinese original`);
      for (const href of Object.values(alt)) if (!links[href]) problems.push(`${p}: alternate ${href} is not a page of the site`);
    }
    expect(problems).toEqual([]);
  });

  describe('in the browser', () => {
    it('the switcher takes a reader from a story to the same story in English and back', async () => {
      const story = pages.find((p) => isStory(p) && !isEnglish(p))!;
      const page = await browser.newPage();
      try {
        await page.goto(server.url(story));
        await Promise.all([page.waitForURL(server.url(`/en${story}`)), page.click('a.language-switch')]);
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        expect(await page.textContent('a.language-switch')).toBe('中文');
        await Promise.all([page.waitForURL(server.url(story)), page.click('a.language-switch')]);
        expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
        expect(await page.textContent('a.language-switch')).toBe('English');
      } finally {
        await page.close();
      }
    });
  });
});

/**
 * Sharing, the not-found pages and printing in Chromium, on the built site
 * (issue 14, items 7 and 8): the QR code shows on a desktop and not on a
 * phone; the Web Share button appears only where navigator.share exists and
 * shares the page's address; an unknown address gets its edition's
 * not-found page (status 404) whose form searches; and a story printed
 * (print media, in a dark-scheme browser) is black on white with its charts,
 * notes and address, and none of the screen's tools.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromium.ts';
import { serveSite, type SiteServer } from './serve.ts';
import { siteDir } from '../helpers/site.ts';

/** A county story with a chart (content/counties/julu.mdx has <Chart>), and its English edition. */
const STORY = '/counties/julu/';

describeInBrowser('sharing, not-found pages and printing', () => {
  let browser: Browser;
  let site: SiteServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [browser, site] = await Promise.all([launchChromium(), serveSite(siteDir())]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await site?.close();
  });

  async function open(pathname: string, options: Parameters<Browser['newContext']>[0] = {}, init?: () => void): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    await page.goto(site.url(pathname));
    return page;
  }
  const visible = (page: Page, selector: string) => page.locator(selector).first().isVisible();

  it('the QR code shows on a desktop, not on a phone', async () => {
    const desktop = await open(STORY, { viewport: { width: 1280, height: 900 } });
    expect(await visible(desktop, '.share-qr svg')).toBe(true);
    const box = await desktop.locator('.share-qr svg').boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(120); // large enough to scan off a screen
    const phone = await open(STORY, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    expect(await visible(phone, '.share-qr svg')).toBe(false);
    expect(await visible(phone, '.share-url')).toBe(true);
  });

  it('the share button appears only where the browser can share, and shares this page', async () => {
    const without = await open(STORY, {}, () => {
      // As on a desktop browser without the Web Share API.
      Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true });
    });
    expect(await visible(without, '.share-native')).toBe(false);
    const withShare = await open(STORY, {}, () => {
      const shared: unknown[] = [];
      (window as unknown as { shared: unknown[] }).shared = shared;
      Object.defineProperty(Navigator.prototype, 'share', { value: (data: unknown) => (shared.push(data), Promise.resolve()), configurable: true });
      Object.defineProperty(Navigator.prototype, 'canShare', { value: () => true, configurable: true });
    });
    await withShare.locator('.share-native').click();
    const shared = (await withShare.evaluate(() => (window as unknown as { shared: { url: string; title: string }[] }).shared)) ?? [];
    const canonical = await withShare.locator('link[rel="canonical"]').getAttribute('href');
    expect(shared).toEqual([{ url: canonical, title: await withShare.locator('h1').textContent() }]);
  });

  it('the copy button copies the page’s address', async () => {
    const page = await open(STORY);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await page.locator('.share .copy-button').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('link[rel="canonical"]').getAttribute('href'));
  });

  it.each([
    ['/no-such-page/', 'zh-CN', '/search/'],
    ['/en/no-such-page/', 'en', '/en/search/'],
  ])('%s: 404 with its edition’s not-found page, whose form searches', async (pathname, lang, search) => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const response = await page.goto(site.url(pathname));
    expect(response?.status()).toBe(404);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    await page.locator('form[role="search"] input[name="q"]').fill('青龙');
    await Promise.all([page.waitForURL((u) => u.pathname === search), page.locator('form[role="search"] button').click()]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('青龙');
  });

  it.each([STORY, `/en${STORY}`])('%s printed: light, charts whole, notes and address, no tools', async (pathname) => {
    const page = await open(pathname, { colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
    const screenBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const print = await page.evaluate(() => {
      const shown = (el: Element | null) => !!el && (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().height > 0;
      const charts = [...document.querySelectorAll('figure.chart')];
      return {
        bg: getComputedStyle(document.body).backgroundColor,
        fg: getComputedStyle(document.body).color,
        charts: charts.length,
        // One layout of each chart shows (src/svg/widths.ts), the others are display:none.
        chartsShown: charts.filter((c) => [...c.querySelectorAll('svg')].some((svg) => shown(svg))).length,
        chartBreak: charts.map((c) => getComputedStyle(c).breakInside),
        tablesShown: charts.filter((c) => shown(c.querySelector('table'))).length,
        notes: shown(document.querySelector('.notes')),
        address: shown(document.querySelector('.share-url')) ? document.querySelector('.share-url')!.textContent : null,
        canonical: document.querySelector('link[rel="canonical"]')!.getAttribute('href'),
        tools: ['.site-header nav', '.language-switch', '.embed-tools', '.share-qr', '.share-native', '.copy-button', '#share-heading'].filter((s) =>
          [...document.querySelectorAll(s)].some(shown),
        ),
      };
    });
    expect(screenBg).not.toBe('rgb(255, 255, 255)'); // the browser is in the dark scheme: the check below can fail
    expect(print.bg).toBe('rgb(255, 255, 255)');
    expect(print.fg).toBe('rgb(0, 0, 0)');
    expect(print.charts).toBeGreaterThan(0);
    expect(print.chartsShown).toBe(print.charts);
    expect(print.tablesShown).toBe(print.charts);
    expect(print.chartBreak.every((b) => b === 'avoid')).toBe(true);
    expect(print.notes).toBe(true);
    expect(print.address).toBe(print.canonical);
    expect(print.tools).toEqual([]);
    // And Chromium makes the PDF: a few A4 pages, not one per chart.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThan(20);
  });
});

/**
 * Every HTML page of the build, loaded once in Chromium with JavaScript on:
 * no console errors, no failed same-origin requests, and no request to any
 * other origin (the site must work offline and in mainland China).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromium.ts';
import { serveSite, type SiteServer } from './serve.ts';
import { listPages, siteDir } from './site.ts';
import { openPage } from './watch.ts';

const pages = listPages(siteDir());

describeInBrowser('every page in Chromium', () => {
  let browser: Browser;
  let site: SiteServer;
  beforeAll(async () => {
    [browser, site] = await Promise.all([launchChromium(), serveSite(siteDir())]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it.for(pages)('%s loads with no errors and nothing from another origin', async (pathname) => {
    // Pages are many: wait for `load` only; the per-type tests (pages.test.ts) also wait for the network to settle.
    const watched = await openPage(browser, site.origin, pathname, { settle: false });
    await watched.close();
    expect(watched.offsite, 'requests to other origins (refused)').toEqual([]);
    expect(watched.errors, 'console errors').toEqual([]);
    expect(watched.broken, 'failed requests').toEqual([]);
  });
});

/**
 * axe-core on every page of the build (light colour scheme), and on one page
 * of every type in the dark colour scheme: zero violations.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations } from '../browser/axe.ts';
import { describeInBrowser, launchChromium } from '../browser/chromium.ts';
import { serveSite, type SiteServer } from '../browser/serve.ts';
import { listPages, pageTypes, siteDir } from '../browser/site.ts';
import { openPage } from '../browser/watch.ts';

const pages = listPages(siteDir());
const samples = pageTypes(pages).map((t) => t.sample);

describeInBrowser('axe-core', () => {
  let browser: Browser;
  let site: SiteServer;
  beforeAll(async () => {
    [browser, site] = await Promise.all([launchChromium(), serveSite(siteDir())]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it.for(pages)('%s has no axe violations', async (pathname) => {
    const { page, close } = await openPage(browser, site.origin, pathname, { settle: false });
    try {
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await close();
    }
  });

  it.for(samples)('%s has no axe violations in dark mode', async (pathname) => {
    const { page, close } = await openPage(browser, site.origin, pathname, { settle: false, colorScheme: 'dark' });
    try {
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await close();
    }
  });
});

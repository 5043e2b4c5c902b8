/**
 * Every HTML page of the build, loaded once in Chromium with JavaScript on:
 * no console errors, no failed same-origin requests, and no request to any
 * other origin (the site must work offline and in mainland China).
 */
import { expect, it } from 'vitest';
import { describeInBrowser } from './chromium.ts';
import { useSiteInBrowser } from './session.ts';
import { listPages, siteDir } from '../helpers/site.ts';
import { openPage } from './watch.ts';

const pages = listPages(siteDir());

describeInBrowser('every page in Chromium', () => {
  const session = useSiteInBrowser();

  it.for(pages)('%s loads with no errors and nothing from another origin', async (pathname) => {
    // Pages are many: wait for `load` only; the per-type tests (pages.test.ts) also wait for the network to settle.
    const watched = await openPage(session.browser, session.site.origin, pathname, { settle: false });
    await watched.close();
    expect(watched.offsite, 'requests to other origins (refused)').toEqual([]);
    expect(watched.errors, 'console errors').toEqual([]);
    expect(watched.broken, 'failed requests').toEqual([]);
  });
});

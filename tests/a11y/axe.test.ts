/**
 * axe-core on every page of the build (light colour scheme), and on one page
 * of every type in the dark colour scheme: zero violations.
 */
import { expect, it } from 'vitest';
import { axeViolations } from '../browser/axe.ts';
import { describeInBrowser } from '../browser/chromium.ts';
import { useSiteInBrowser } from '../browser/session.ts';
import { listPages, pageTypes, siteDir } from '../helpers/site.ts';
import { openPage } from '../browser/watch.ts';

const pages = listPages(siteDir());
const samples = pageTypes(pages).map((t) => t.sample);

describeInBrowser('axe-core', () => {
  const session = useSiteInBrowser();

  // Concurrent: each page is its own browser context, and axe spends much of its time waiting on the renderer.
  it.concurrent.for(pages)('%s has no axe violations', async (pathname) => {
    const { page, close } = await openPage(session.browser, session.site.origin, pathname, { settle: false });
    try {
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await close();
    }
  });

  it.for(samples)('%s has no axe violations in dark mode', async (pathname) => {
    const { page, close } = await openPage(session.browser, session.site.origin, pathname, { settle: false, colorScheme: 'dark' });
    try {
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await close();
    }
  });
});

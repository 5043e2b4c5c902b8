/**
 * One Chromium and one server of the built site, shared by the tests of a
 * suite. Call it inside describeInBrowser(); read the fields in the tests.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { serveSite, type SiteServer } from './serve.ts';
import { siteDir } from '../helpers/site.ts';

export interface BrowserSession {
  browser: Browser;
  site: SiteServer;
}

export function useSiteInBrowser(): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    [session.browser, session.site] = await Promise.all([launchChromium(), serveSite(siteDir())]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.site?.close();
  });
  return session;
}

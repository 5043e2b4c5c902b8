/**
 * The toolkit under a chart on a story page, in a real browser: the copy
 * buttons are an enhancement (hidden without JavaScript, where the snippets
 * stay readable and selectable), and with JavaScript a button copies its
 * snippet, exactly, to the clipboard.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromium.ts';
import { serveSite, type SiteServer } from './serve.ts';
import { isStory, listPages, siteDir } from '../helpers/site.ts';

describeInBrowser('the toolkit under a chart (copy buttons)', () => {
  let site: SiteServer;
  let browser: Browser;
  beforeAll(async () => {
    site = await serveSite(siteDir());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** A story page with a chart on it. */
  const story = () => listPages(siteDir()).find((p) => isStory(p) && p.startsWith('/counties/'))!;

  it('without JavaScript: no copy button shows, the snippets are there to select once the block is opened', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url(story()));
    const tools = page.locator('details.embed-tools[data-tools^="charts/"]').first();
    await tools.locator('summary').click();
    expect(await tools.locator('textarea[data-snippet="live"]').isVisible()).toBe(true);
    expect(await tools.locator('textarea[data-snippet="live"]').inputValue()).toMatch(/^<iframe /);
    expect(await page.locator('button.copy-button:visible').count()).toBe(0);
    await context.close();
  });

  it('with JavaScript: the buttons show, and one copies its snippet exactly', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(site.url(story()));
    const tools = page.locator('details.embed-tools[data-tools^="charts/"]').first();
    await tools.locator('summary').click();
    const live = tools.locator('textarea[data-snippet="live"]');
    const button = tools.locator(`button.copy-button[data-copy-target="${await live.getAttribute('id')}"]`);
    await button.waitFor({ state: 'visible' });
    await button.click();
    await expect.poll(() => button.textContent()).not.toBe('复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe((await live.inputValue()).trim());
    await context.close();
  });
});

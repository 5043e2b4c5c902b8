/**
 * A keyboard walk through the top of one page of every type (embeds aside): the first Tab
 * reaches the skip link, visibly; the skip link moves on to the main
 * content; Tab then reaches every link of the main navigation, each with a
 * visible focus indicator.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../browser/chromium.ts';
import { useSiteInBrowser } from '../browser/session.ts';
import { listPages, pageTypes, siteDir } from '../helpers/site.ts';
import { openPage } from '../browser/watch.ts';

// Embeds live in other sites' iframes and carry no site navigation, by design.
const samples = pageTypes(listPages(siteDir()))
  .filter((t) => !/^\/(en\/)?embed\//.test(t.type))
  .map((t) => t.sample);

interface Focused {
  tag: string;
  text: string;
  href: string | null;
  inMainNav: boolean;
  inMain: boolean;
  /** In the viewport, with a box a reader can see. */
  onScreen: boolean;
  /** An outline or box shadow drawn because of focus. */
  indicator: boolean;
}

/** Press Tab and describe where focus went. */
async function tab(page: Page): Promise<Focused | null> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim(),
      href: el.getAttribute('href'),
      inMainNav: !!el.closest('header nav, nav[aria-label]') && !el.closest('main'),
      inMain: !!el.closest('main'),
      onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight,
      indicator: outline || style.boxShadow !== 'none',
    };
  });
}

describeInBrowser('keyboard', () => {
  const session = useSiteInBrowser();

  it.for(samples)('%s: Tab reaches the skip link, then the main navigation, with visible focus', async (pathname) => {
    const { page, close } = await openPage(session.browser, session.site.origin, pathname, { settle: false });
    try {
      const navLinks = await page.$$eval('header nav a[href]', (as) => as.map((a) => a.getAttribute('href')));
      expect(navLinks.length, 'links in the header navigation').toBeGreaterThan(0);

      const first = await tab(page);
      expect(first?.href, 'the first Tab stop is the skip link').toBe('#main');
      expect(first, 'the focused skip link is on screen with a focus indicator').toMatchObject({ onScreen: true, indicator: true });

      // Walk on until focus enters <main>; every navigation link must be passed on the way, visibly focused.
      const reached: string[] = [];
      for (let i = 0; i < 40; i++) {
        const focused = await tab(page);
        if (!focused || focused.inMain) break;
        expect(focused, `focus on ${focused.tag} "${focused.text}"`).toMatchObject({ onScreen: true, indicator: true });
        if (focused.inMainNav && focused.href) reached.push(focused.href);
      }
      expect(reached).toEqual(expect.arrayContaining(navLinks));

      // The skip link itself: activating it moves the next Tab stop into <main>.
      await page.reload({ waitUntil: 'load' });
      expect((await tab(page))?.href, 'after a reload, the first Tab stop is the skip link again').toBe('#main');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash === '#main', { timeout: 5_000 });
      const afterSkip = await tab(page);
      if (afterSkip) expect(afterSkip.inMain, `after the skip link, Tab goes to ${afterSkip.tag} "${afterSkip.text}", not into <main>`).toBe(true);
    } finally {
      await close();
    }
  });
});

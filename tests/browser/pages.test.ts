/**
 * Every page type in Chromium: no console errors, no failed requests, no
 * request leaving the site's origin; and with JavaScript off the stories,
 * their figures, charts and static maps still show.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromium.ts';
import { serveSite, type SiteServer } from './serve.ts';
import { isStory, listPages, PAGE_TYPE_NAMES, pageTypes, siteDir } from '../helpers/site.ts';
import { openPage } from './watch.ts';

const pages = listPages(siteDir());
const types = pageTypes(pages);

describeInBrowser('page types in Chromium', () => {
  let browser: Browser;
  let site: SiteServer;
  beforeAll(async () => {
    [browser, site] = await Promise.all([launchChromium(), serveSite(siteDir())]);
    console.log(
      `Page types in this build:\n${types.map((t) => `  ${t.name.padEnd(22)} ${t.type.padEnd(24)} ${String(t.pages.length).padStart(3)} page(s), sample ${t.sample}`).join('\n')}`,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('the build has a home page in each edition and county stories', () => {
    const built = new Set(types.map((t) => t.type));
    for (const type of ['/', '/counties/*/']) expect(built, `page type ${type}`).toContain(type);
  });

  // Named page types not built yet show up as todos, so a missing type is visible in every run.
  const builtNames = new Set(types.map((t) => t.name));
  for (const [type, name] of Object.entries(PAGE_TYPE_NAMES)) if (!builtNames.has(name)) it.todo(`${name} (${type}) is not in the build yet`);

  for (const type of types) {
    it(`${type.name} ${type.sample}: no console errors, no failed or off-site requests`, async () => {
      const watched = await openPage(browser, site.origin, type.sample);
      await watched.close();
      expect(watched.offsite, 'requests to other origins (refused)').toEqual([]);
      expect(watched.errors, 'console errors').toEqual([]);
      expect(watched.broken, 'failed requests').toEqual([]);
    });
  }

  // With JavaScript off: every story, and one page of every other type.
  const noScriptPages = [...new Set([...pages.filter(isStory), ...types.map((t) => t.sample)])];
  for (const pathname of noScriptPages) {
    it(`without JavaScript ${pathname} shows its content, figures, charts and maps`, async () => {
      const watched = await openPage(browser, site.origin, pathname, { javaScript: false });
      try {
        const problems = await invisibleContent(watched.page);
        expect(problems).toEqual([]);
        expect(watched.offsite, 'requests to other origins (refused)').toEqual([]);
      } finally {
        await watched.close();
      }
    });
  }
});

/**
 * What a reader without JavaScript would miss: main with no text, and any
 * figure, chart, map image or SVG that takes no space or did not load.
 */
async function invisibleContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    // Embeds may be a bare figure; axe (tests/a11y) is what asks every page for a <main>.
    const main = document.querySelector('main') ?? document.body;
    if ((main.innerText ?? '').trim().length < 20) problems.push(`<${main.tagName.toLowerCase()}> shows (almost) no text`);
    const describe = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}>`;
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    // Deliberately hidden things (hidden attribute, aria-hidden decoration, print-only, sr-only text) are not content that should show.
    const meant = (el: Element) => !el.closest('[hidden], [aria-hidden="true"], template, noscript, .sr-only, .visually-hidden');
    // A graphic drawn for several widths (src/svg/widths.ts) shows exactly one layout; the others are display:none on purpose.
    for (const group of main.querySelectorAll('.gw')) {
      const layouts = [...group.children].filter(shown).length;
      if (layouts !== 1) problems.push(`${describe(group)} shows ${layouts} layouts, not one`);
    }
    const unusedLayout = (el: Element) => {
      const layout = el.closest('.gw > [data-w]');
      return layout !== null && getComputedStyle(layout).display === 'none';
    };
    for (const el of main.querySelectorAll('.fig, figure, svg, img, picture, video, table')) {
      if (!meant(el) || unusedLayout(el) || el.parentElement?.closest('svg')) continue; // parts of an SVG are judged with the SVG
      if (!shown(el)) problems.push(`${describe(el)} is not shown`);
    }
    for (const img of main.querySelectorAll('img')) {
      if (meant(img) && !(img.complete && img.naturalWidth > 0)) problems.push(`<img src="${img.getAttribute('src')}"> did not load`);
    }
    return problems;
  });
}

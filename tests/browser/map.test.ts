/**
 * The county maps in Chromium, on the built site: the home page's Leaflet
 * map shows every featured county and a click (or Enter) on one opens its
 * story; without JavaScript the static SVG does the same; a story page has
 * its locator map and loads no geometry. No request leaves the site.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromium.ts';
import { serveSite, type SiteServer } from './serve.ts';
import { siteDir } from '../helpers/site.ts';
import { guardOrigin } from './watch.ts';
import type { County } from '#/data/schemas.ts';

const counties: County[] = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../data/counties.json'), 'utf8'));
const codes = counties.map((c) => c.code).sort();

describeInBrowser('county maps', () => {
  let browser: Browser;
  let site: SiteServer;
  const contexts: { context: BrowserContext; offsite: string[] }[] = [];

  beforeAll(async () => {
    [browser, site] = await Promise.all([launchChromium(), serveSite(siteDir())]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map(({ context }) => context.close()));
    await browser?.close();
    await site?.close();
  });

  /** A page in a fresh context whose requests to anywhere but the local site are refused and recorded. */
  async function open(pathname: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ page: Page; offsite: string[]; requests: string[] }> {
    const context = await browser.newContext(options);
    const offsite = await guardOrigin(context, site.origin);
    contexts.push({ context, offsite });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(site.url(pathname));
    return { page, offsite, requests };
  }

  /** The map starts when it nears the screen: bring it there, then wait for Leaflet. */
  const interactiveMap = async (page: Page) => {
    await page.locator('.county-map').scrollIntoViewIfNeeded();
    // Pins are zero-sized anchors (their dot and label overflow them): wait for them to exist.
    await page.waitForSelector('.county-map--interactive .leaflet-marker-pane .county-pin', { state: 'attached', timeout: 15_000 });
    return page.locator('.county-map__leaflet');
  };

  it('home: the map loads nothing until it nears the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 600 } });
    contexts.push({ context, offsite: [] });
    // Push the map far below the fold, whatever the page above it holds.
    // A constructed stylesheet: the page's CSP refuses an added <style> element.
    await context.addInitScript(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('.county-map { margin-top: 4000px !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(site.url('/'));
    await page.waitForLoadState('networkidle');
    expect(requests.filter((r) => r.startsWith('/geo/') || /county-map\.client/.test(r))).toEqual([]);
    await interactiveMap(page);
    expect(requests).toContain('/geo/national.topo.json');
  });

  it('home: the Leaflet map draws our own geometry and shows every featured county', async () => {
    const { page, offsite, requests } = await open('/');
    const map = await interactiveMap(page);
    const pins = await map.locator('.county-pin [data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(pins.sort()).toEqual(codes);
    expect(await map.locator('.leaflet-overlay-pane path.land').count(), 'province shapes').toBe(34);
    expect(await map.locator('.leaflet-overlay-pane path.county-shape').count(), 'county shapes').toBe(codes.length);
    expect(await map.locator('.leaflet-tile').count(), 'no tiles by default').toBe(0);
    expect(await page.locator('.county-map__static').isVisible(), 'the static map makes way').toBe(false);
    expect(requests).toContain('/geo/national.topo.json');
    expect(await map.locator('.county-map__inset-control svg[aria-label="南海诸岛"]').count(), 'South China Sea inset').toBe(1);
    expect(offsite).toEqual([]);
  });

  it.each([390, 1280])("home at %i px: every label shown is nearer its own dot than any other county's", async (width) => {
    const { page } = await open('/', { viewport: { width, height: 900 } });
    const map = await interactiveMap(page);
    await page.waitForTimeout(500);
    const pins = await map.locator('.county-pin').evaluateAll((els) =>
      els.map((el) => {
        const box = (e: Element | null) => e!.getBoundingClientRect();
        const dot = box(el.querySelector('.county-pin__dot'));
        const label = box(el.querySelector('.county-pin__label'));
        return {
          name: el.querySelector('.county-pin__label')!.textContent,
          shown: !el.classList.contains('county-pin--quiet') && getComputedStyle(el.querySelector('.county-pin__label')!).visibility !== 'hidden',
          dot: { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 },
          label: { x0: label.left, y0: label.top, x1: label.right, y1: label.bottom },
        };
      }),
    );
    expect(pins.length).toBe(codes.length);
    const distance = (b: { x0: number; y0: number; x1: number; y1: number }, p: { x: number; y: number }) =>
      Math.hypot(Math.max(b.x0 - p.x, 0, p.x - b.x1), Math.max(b.y0 - p.y, 0, p.y - b.y1));
    for (const pin of pins.filter((p) => p.shown)) {
      const nearer = pins.filter((o) => o !== pin && distance(pin.label, o.dot) <= distance(pin.label, pin.dot)).map((o) => o.name);
      expect(nearer, `${pin.name}'s label`).toEqual([]);
    }
    // Most labels stay visible; the rest show on hover and focus.
    expect(pins.filter((p) => p.shown).length).toBeGreaterThanOrEqual(Math.ceil(codes.length / 2));
  });

  it('home: the list beside the map names the same counties', async () => {
    const { page } = await open('/');
    const names = await page.locator('.county-map__list li > :first-child').allTextContents();
    expect(names.sort()).toEqual(counties.map((c) => c.name.zh).sort());
  });

  it('home: clicking a county opens its story', async () => {
    const { page, offsite } = await open('/', { viewport: { width: 1280, height: 900 } });
    const map = await interactiveMap(page);
    const links = map.locator('.county-pin a[data-code]');
    expect(await links.count(), 'counties with a story are links').toBeGreaterThan(0);
    const href = (await links.first().getAttribute('href'))!;
    const code = (await links.first().getAttribute('data-code'))!;
    await Promise.all([page.waitForURL(site.url(href)), links.first().locator('.county-pin__label').click()]);
    const county = counties.find((c) => c.code === code)!;
    expect(await page.locator('.locator-map title').textContent()).toContain(county.name.zh);
    expect(offsite).toEqual([]);
  });

  it('home: every county link on the map leads to a page that exists', async () => {
    const { page } = await open('/');
    const map = await interactiveMap(page);
    for (const href of await map.locator('.county-pin a[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('href')!))) {
      expect((await page.request.get(site.url(href))).status(), href).toBe(200);
    }
  });

  it('home: a county is reachable with Tab, shows focus, and opens with Enter', async () => {
    const { page } = await open('/', { viewport: { width: 1280, height: 900 } });
    await interactiveMap(page);
    let focused: string | null = null;
    for (let i = 0; i < 80 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.closest('.county-pin') ? document.activeElement.getAttribute('href') : null));
    }
    expect(focused, 'a county link in the map, reached by Tab').toBeTruthy();
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('.county-pin__label')!).outlineStyle);
    expect(outline, 'visible focus').not.toBe('none');
    await Promise.all([page.waitForURL(site.url(focused!)), page.keyboard.press('Enter')]);
  });

  it('home: the wheel scrolls the page, not the map; on touch screens one finger scrolls the page', async () => {
    const { page } = await open('/', { viewport: { width: 1280, height: 700 } });
    const map = await interactiveMap(page);
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    const before = await page.evaluate(() => [window.scrollY, document.querySelector('.leaflet-map-pane')!.getAttribute('style')]);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(400);
    const after = await page.evaluate(() => [window.scrollY, document.querySelector('.leaflet-map-pane')!.getAttribute('style')]);
    expect(after[0], 'page scrolled').not.toBe(before[0]);
    expect(after[1], 'map neither zoomed nor moved').toBe(before[1]);

    const phone = await open('/', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const phoneMap = await interactiveMap(phone.page);
    expect(await phoneMap.evaluate((el) => el.classList.contains('leaflet-touch-drag')), 'one-finger drag is off').toBe(false);
    expect(await phoneMap.evaluate((el) => getComputedStyle(el).touchAction)).toBe('pan-x pan-y');
  });

  it('home without JavaScript: the static SVG shows every county, and its links open the stories', async () => {
    const { page, offsite, requests } = await open('/', { javaScriptEnabled: false });
    const svg = page.locator('.county-map__static svg');
    expect(await svg.isVisible()).toBe(true);
    const marked = await svg.locator('.county[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(marked.sort()).toEqual(codes);
    expect(await svg.locator('.inset .sea-line').count(), 'South China Sea inset').toBe(1);
    expect(requests).not.toContain('/geo/national.topo.json');
    const link = svg.locator('a.county').first();
    const href = (await link.getAttribute('href'))!;
    await Promise.all([page.waitForURL(site.url(href)), link.locator('text').click()]);
    expect(offsite).toEqual([]);
  });

  it('story: a locator map of the county in its province, and no geometry download', async () => {
    const { page, offsite, requests } = await open('/counties/qinglong/');
    const locator = page.locator('header .locator-map svg');
    expect(await locator.isVisible()).toBe(true);
    expect(await locator.locator('title').textContent()).toBe('青龙县在河北省的位置');
    expect(await locator.locator('.county[data-code="130321"]').count()).toBe(1);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((r) => r.startsWith('/geo/'))).toEqual([]);
    expect(offsite).toEqual([]);
  });
});

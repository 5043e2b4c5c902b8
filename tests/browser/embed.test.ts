/**
 * Embeds in a real browser: a host page on another origin pastes the
 * snippet from a figure's oEmbed response; the embed reports its height
 * through postMessage and public/embed.js resizes the iframe — again when
 * the iframe's width changes. Without the script the iframe keeps the
 * snippet's height. embed.js ignores a height posted by another site's
 * iframe; the site's headers (_headers, src/publishing/csp.ts) let any site frame an
 * embed page and no other site frame any other page. An embed is light in a
 * dark-mode browser (a host's article is usually white), dark with
 * ?theme=dark, the reader's scheme with ?theme=auto.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromium.ts';
import { serveSite, type SiteServer } from './serve.ts';
import { listPages, siteDir } from '../helpers/site.ts';
import { DARK, LIGHT, MAP_DARK, MAP_LIGHT } from '#/svg/palette.ts';

describeInBrowser('embeds (iframe on a host page)', () => {
  let site: SiteServer;
  let host: Server;
  let hostOrigin = '';
  let browser: Browser;
  const hostPages = new Map<string, string>();

  beforeAll(async () => {
    site = await serveSite(siteDir());
    host = createServer((req, res) => {
      const body = hostPages.get(req.url ?? '');
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body ?? 'not found');
    });
    // "localhost" vs the site's "127.0.0.1": a different origin, as on a partner's site.
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await new Promise((resolve) => host?.close(resolve));
  });

  /** The first chart embed (a map if there is no chart yet) and its oEmbed snippet, pointed at the local site. */
  function sample() {
    const embeds = listPages(siteDir()).filter((p) => /^\/embed\/(charts|maps)\/[^/]+\/$/.test(p));
    const page = embeds.find((p) => p.startsWith('/embed/charts/')) ?? embeds[0];
    expect(page, 'an embed page in the build').toBeDefined();
    const [, kind, id] = page.split('/').filter(Boolean);
    const oembed = JSON.parse(readFileSync(path.join(siteDir(), 'oembed', kind, `${id}.json`), 'utf8')) as { html: string; height: number };
    const html = oembed.html.replace(/https?:\/\/[^/"]+\//g, `${site.origin}/`);
    return { page, html, defaultHeight: oembed.height };
  }

  async function open(html: string, width: number): Promise<Page> {
    const key = `/host-${hostPages.size}.html`;
    hostPages.set(key, `<!doctype html><html><body style="margin:0"><div id="box" style="width:${width}px">${html}</div></body></html>`);
    const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
    await page.goto(`${hostOrigin}${key}`);
    return page;
  }

  async function embedFrame(page: Page) {
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    if (!frame) throw new Error('the iframe has no document');
    await frame.waitForLoadState('load');
    return frame;
  }

  const frameContentHeight = async (page: Page) => (await embedFrame(page)).evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

  it('reports its height and the host resizes the iframe to it, also after a width change', async () => {
    const { html, defaultHeight } = sample();
    const page = await open(html, 640);
    await page.waitForFunction(() => document.querySelector('iframe')?.hasAttribute('data-embed-height'), null, { timeout: 15_000 });
    const content = await frameContentHeight(page);
    const iframeHeight = await page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height);
    expect(Math.abs(iframeHeight - content)).toBeLessThanOrEqual(2);
    // The snippet's default was computed for this width: the report confirms it within a few pixels of rounding and fonts.
    expect(Math.abs(iframeHeight - defaultHeight)).toBeLessThan(defaultHeight * 0.15);

    // Narrower column: the frame shows the layout drawn for 320 px (taller or shorter, its labels re-flowed:
    // src/svg/widths.ts), the page reports again, the host follows.
    await page.evaluate(() => ((document.getElementById('box') as HTMLElement).style.width = '320px'));
    await page.waitForFunction((before) => Math.abs(Number(document.querySelector('iframe')!.getAttribute('data-embed-height')) - before) > 2, iframeHeight, {
      timeout: 15_000,
    });
    const narrowContent = await frameContentHeight(page);
    const narrowHeight = await page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height);
    expect(Math.abs(narrowHeight - narrowContent)).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('fits its content when embed.js arrives three seconds after the iframe has loaded (it asks, the frame answers)', async () => {
    const { html } = sample();
    const script = /<script[^>]*src="([^"]+)"[^>]*><\/script>/.exec(html)![1];
    const page = await open(html.replace(/<script[^>]*><\/script>/, ''), 375);
    await embedFrame(page);
    await page.waitForTimeout(3_000);
    await page.evaluate((src) => {
      const s = document.createElement('script');
      s.src = src;
      s.async = true;
      document.body.append(s);
    }, script);
    await page.waitForFunction(() => document.querySelector('iframe')?.hasAttribute('data-embed-height'), null, { timeout: 15_000 });
    const content = await frameContentHeight(page);
    const iframeHeight = await page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height);
    expect(Math.abs(iframeHeight - content)).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('keeps the snippet height without the script, and shows the figure', async () => {
    const { html, defaultHeight } = sample();
    const page = await open(html.replace(/<script[^>]*><\/script>/, ''), 640);
    const frame = await embedFrame(page);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height)).toBe(defaultHeight);
    expect(await frame.locator('figure svg').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('ignores a height posted by an iframe from another site, even one that posts from its own origin', async () => {
    const { html } = sample();
    // A third origin (127.0.0.1 on the host's port): neither the host page's nor the site's.
    const otherOrigin = hostOrigin.replace('localhost', '127.0.0.1');
    hostPages.set(
      '/other-frame.html',
      `<!doctype html><script>for (const h of [5000, 4000]) parent.postMessage({ type: 'county-stories:embed-height', height: h, href: location.href }, '*');</script>`,
    );
    const page = await open(`<iframe id="other" src="${otherOrigin}/other-frame.html" style="height:100px;border:0"></iframe>${html}`, 640);
    // Our own iframe is resized: embed.js is listening, so the other frame's messages have been seen by then.
    await page.waitForFunction(() => document.querySelector('iframe:not(#other)')?.hasAttribute('data-embed-height'), null, { timeout: 15_000 });
    await page.waitForTimeout(300);
    const other = await page.evaluate(() => {
      const frame = document.getElementById('other') as HTMLIFrameElement;
      return { height: frame.getBoundingClientRect().height, marked: frame.hasAttribute('data-embed-height') };
    });
    expect(other).toEqual({ height: 100, marked: false });
    await page.close();
  });

  it('may be framed by any site, while the other pages of the site may not (_headers: frame-ancestors)', async () => {
    const { page: embed } = sample();
    const page = await open(`<iframe id="embed" src="${site.url(embed)}"></iframe><iframe id="home" src="${site.url('/')}"></iframe>`, 640);
    await page.waitForLoadState('load');
    const frameUrl = async (id: string) => (await (await page.waitForSelector(`#${id}`)).contentFrame())?.url();
    expect(await frameUrl('embed')).toBe(site.url(embed));
    // A refused frame shows the browser's error page instead of the site's.
    expect(await frameUrl('home')).not.toBe(site.url('/'));
    await page.close();
  });

  it('makes no request outside the site', async () => {
    const { page: embed } = sample();
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(site.origin) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto(site.url(embed), { waitUntil: 'networkidle' });
    expect(foreign).toEqual([]);
    await page.close();
  });

  describe('colour scheme (?theme=)', () => {
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    const embeds = () => listPages(siteDir()).filter((p) => /^\/embed\/(charts|maps)\/[^/]+\/$/.test(p));
    const chart = () => embeds().find((p) => p.startsWith('/embed/charts/'))!;
    const map = '/embed/maps/national/';

    /** The colours an embed page shows: its background, and the chart's background and text or the map's land. */
    async function colours(path: string, scheme: 'light' | 'dark', javaScriptEnabled = true) {
      const context = await browser.newContext({ colorScheme: scheme, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(site.url(path));
      const seen = await page.evaluate(() => {
        const style = (selector: string, property: 'fill' | 'stroke' | 'backgroundColor') => {
          const el = document.querySelector(selector);
          return el ? getComputedStyle(el)[property] : undefined;
        };
        return {
          page: style('body', 'backgroundColor'),
          chart: style('.ch .bg', 'fill'),
          chartText: style('.ch text', 'fill'),
          land: style('.geo-map .main .land', 'fill'),
          seaLine: style('.geo-map .main .sea-line', 'stroke'),
        };
      });
      await context.close();
      return seen;
    }
    const light = { page: rgb(LIGHT.bg), chart: rgb(LIGHT.bg), chartText: rgb(LIGHT.fg) };
    const dark = { page: rgb(DARK.bg), chart: rgb(DARK.bg), chartText: rgb(DARK.fg) };
    const lightMap = { page: rgb(LIGHT.bg), land: rgb(MAP_LIGHT.land), seaLine: rgb(MAP_LIGHT.seaLine) };
    const darkMap = { page: rgb(DARK.bg), land: rgb(MAP_DARK.land), seaLine: rgb(MAP_DARK.seaLine) };

    it('is light by default in a dark-mode browser, chart and map, with JavaScript on or off', async () => {
      expect(chart(), 'a chart embed in the build').toBeDefined();
      expect(await colours(chart(), 'dark')).toMatchObject(light);
      expect(await colours(map, 'dark')).toMatchObject(lightMap);
      expect(await colours(chart(), 'dark', false)).toMatchObject(light);
      expect(await colours(map, 'dark', false)).toMatchObject(lightMap);
      // The snippet and oEmbed point at the default.
      expect(sample().html).not.toContain('theme=');
    });

    it('is dark with ?theme=dark, even in a light-mode browser', async () => {
      expect(await colours(`${chart()}?theme=dark`, 'light')).toMatchObject(dark);
      expect(await colours(`${map}?theme=dark`, 'light')).toMatchObject(darkMap);
    });

    it('follows the browser with ?theme=auto', async () => {
      expect(await colours(`${chart()}?theme=auto`, 'dark')).toMatchObject(dark);
      expect(await colours(`${chart()}?theme=auto`, 'light')).toMatchObject(light);
      expect(await colours(`${map}?theme=auto`, 'dark')).toMatchObject(darkMap);
      expect(await colours(`${map}?theme=auto`, 'light')).toMatchObject(lightMap);
    });

    it('ignores any other value: light', async () => {
      expect(await colours(`${chart()}?theme=sepia`, 'dark')).toMatchObject(light);
    });
  });

  describe('plain mode (?plain)', () => {
    /** What an embed page shows: the chart's title, its source line (drawn in the SVG), the site's credit line, a map's boundary credit. */
    async function shown(path: string, javaScriptEnabled = true) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(site.url(path));
      const seen = await page.evaluate(() => {
        // Any match that takes space: a chart is drawn for several widths and shows one layout (src/svg/widths.ts).
        const visible = (selector: string) => {
          const all = [...document.querySelectorAll(selector)];
          if (all.length === 0) return undefined;
          return all.some((el) => getComputedStyle(el).display !== 'none' && (el.getBoundingClientRect().height > 0 || el.getBoundingClientRect().width > 0));
        };
        return { title: visible('figure svg .title'), credit: visible('.credit:not(.attribution)'), attribution: visible('.attribution') };
      });
      await context.close();
      return seen;
    }
    const chart = () => listPages(siteDir()).find((p) => /^\/embed\/charts\/[^/]+\/$/.test(p))!;

    it('drops the title and the site credit, keeps the data attributions; without it (or without JavaScript) both show', async () => {
      expect(await shown(chart())).toMatchObject({ title: true, credit: true });
      expect(await shown(`${chart()}?plain`)).toMatchObject({ title: false, credit: false });
      expect(await shown(`${chart()}?plain=0`)).toMatchObject({ title: true, credit: true });
      expect(await shown(`${chart()}?plain`, false)).toMatchObject({ title: true, credit: true });
      // A map's boundary credit stays: the data's licence asks for it wherever the map is shown.
      expect(await shown('/embed/maps/national/?plain')).toMatchObject({ credit: false, attribution: true });
    });
  });

  it('shows the snippet’s image fallback on a host page that runs no script, linking to the chart’s page', async () => {
    const { html } = sample();
    const key = `/host-noscript.html`;
    hostPages.set(key, `<!doctype html><html><body style="margin:0"><div style="width:640px">${html}</div></body></html>`);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${hostOrigin}${key}`);
    const img = page.locator('noscript + img, a > img').first();
    await img.waitFor();
    const seen = await img.evaluate(async (el: HTMLImageElement) => {
      await el.decode().catch(() => undefined);
      return { natural: el.naturalWidth, shown: el.getBoundingClientRect().width, alt: el.alt, href: (el.parentElement as HTMLAnchorElement).href };
    });
    expect(seen.natural).toBe(1200);
    expect(seen.shown).toBeLessThanOrEqual(640);
    expect(seen.alt.length).toBeGreaterThan(3);
    expect(new URL(seen.href).pathname).toMatch(/^\/charts\/[^/]+\/$/);
    await context.close();
  });

  it('a pinned embed (oEmbed of /embed/charts/<id>/<version>/) loads and resizes like the live one', async () => {
    const pinned = listPages(siteDir()).find((p) => /^\/embed\/charts\/[^/]+\/\d+\.\d+\.\d+\/$/.test(p));
    expect(pinned, 'a pinned embed page in the build').toBeDefined();
    const [, , id, version] = pinned!.split('/').filter(Boolean);
    const oembed = JSON.parse(readFileSync(path.join(siteDir(), 'oembed', 'charts', id, `${version}.json`), 'utf8')) as { html: string };
    const page = await open(oembed.html.replace(/https?:\/\/[^/"]+\//g, `${site.origin}/`), 640);
    await page.waitForFunction(() => document.querySelector('iframe')?.hasAttribute('data-embed-height'), null, { timeout: 15_000 });
    const frame = await embedFrame(page);
    expect(await frame.locator('footer').innerText()).toContain(`@${version}`);
    const content = await frameContentHeight(page);
    expect(Math.abs((await page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height)) - content)).toBeLessThanOrEqual(2);
    await page.close();
  });

  it("shows a map's boundary credit under it, and the snippet's height leaves room for it (no script)", async () => {
    const oembed = JSON.parse(readFileSync(path.join(siteDir(), 'oembed', 'maps', 'national.json'), 'utf8')) as { html: string; height: number };
    const page = await open(oembed.html.replace(/https?:\/\/[^/"]+\//g, `${site.origin}/`).replace(/<script[^>]*><\/script>/, ''), 640);
    const frame = await embedFrame(page);
    expect(await frame.locator('footer').innerText()).toContain('天地图');
    const content = await frameContentHeight(page);
    expect(Math.abs(content - oembed.height), `content ${content} px, snippet ${oembed.height} px`).toBeLessThanOrEqual(6);
    await page.close();
  });
});

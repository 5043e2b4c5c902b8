/**
 * What a reader expects besides the story (issue 14, items 7 and 8), on the
 * built site: each story's share block, whose QR code — rasterised with resvg
 * and decoded with jsQR, a decoder independent of the encoder — reads back as
 * the page's own public address; and each edition's not-found page, where
 * hosts look for it, with a search form and a link to every county story of
 * the edition (read from content/, not from the site's code), kept out of the
 * sitemap and the search index.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { isStory, listPages, readPage, siteDir } from '../helpers/site.ts';

const root = process.cwd();
const file = (p: string) => readFileSync(path.join(siteDir(), p), 'utf8');
const canonical = (html: string) => /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];

/** The text a QR code in SVG markup reads as, or null: drawn at 8 px a module, decoded from the pixels. */
function decodeQr(svg: string): string | null {
  const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: 8 } }).render();
  return jsQR(new Uint8ClampedArray(png.pixels), png.width, png.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

describe('sharing a story', () => {
  const stories = listPages(siteDir()).filter(isStory);

  it('is on every story page, both editions', () => {
    expect(stories.length).toBeGreaterThanOrEqual(20);
    expect(stories.some((p) => p.startsWith('/en/'))).toBe(true);
    for (const page of stories) expect(readPage(siteDir(), page), page).toContain('class="share"');
  });

  it.each(listPages(siteDir()).filter(isStory))('%s: the QR code decodes to the page’s public address, which the block prints', (page) => {
    const html = readPage(siteDir(), page);
    const url = canonical(html)!;
    expect(new URL(url).pathname).toBe(page);
    const svgs = html.match(/<svg[^>]*class="qr-code"[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(1);
    expect(decodeQr(svgs[0]!)).toBe(url);
    expect(html).toMatch(new RegExp(`class="share-url"[^>]*>${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}<`));
    // The Web Share button: hidden until a script finds navigator.share, and sharing this address.
    expect(html).toMatch(new RegExp(`<button[^>]*class="share-native"[^>]*hidden[^>]*data-url="${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`));
  });

  it('a decoder reads a different address from a different page (the check can fail)', () => {
    const [a, b] = stories.map((p) => readPage(siteDir(), p).match(/<svg[^>]*class="qr-code"[\s\S]*?<\/svg>/)![0]);
    expect(decodeQr(a)).not.toBe(decodeQr(b));
    // A damaged code (the top-left finder pattern painted over) does not decode to the address.
    const damaged = a.replace(/<\/svg>$/, '<rect x="4" y="4" width="7" height="7" fill="#ffffff"/></svg>');
    expect(decodeQr(damaged)).not.toBe(canonical(readPage(siteDir(), stories[0])));
  });
});

describe('not-found pages', () => {
  const editions = [
    { lang: 'zh-CN', page: '/404.html', search: '/search/', content: 'content/counties', prefix: '' },
    { lang: 'en', page: '/en/404.html', search: '/en/search/', content: 'content/en/counties', prefix: '/en' },
  ];

  it.each(editions)('$page: in its edition, noindex, with a search form to $search and every county story', ({ lang, page, search, content, prefix }) => {
    const html = file(page);
    expect(html).toContain(`<html lang="${lang}"`);
    expect(html).toMatch(/<meta name="robots" content="noindex"/);
    const form = /<form[^>]*role="search"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    expect(form?.[0]).toContain(`action="${search}"`);
    expect(form?.[0]).toMatch(/method="get"/);
    expect(form?.[1]).toMatch(/<input[^>]*name="q"/);
    expect(readdirSync(path.join(siteDir(), search.slice(1)))).toContain('index.html');
    const slugs = readdirSync(path.join(root, content))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => f.replace(/\.mdx$/, ''));
    expect(slugs.length).toBeGreaterThan(5);
    for (const slug of slugs) expect(html, slug).toContain(`href="${prefix}/counties/${slug}/"`);
    expect(html).not.toContain('data-pagefind-body');
  });

  it('are kept out of the sitemap and the search index', () => {
    const sitemap = readdirSync(siteDir())
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map(file)
      .join('');
    expect(sitemap).toContain('/counties/');
    expect(sitemap).not.toMatch(/\/404[/.<]/);
    const entry = JSON.parse(file('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    expect(indexed).toBe(listPages(siteDir()).filter((p) => readPage(siteDir(), p).includes('data-pagefind-body')).length);
  });

  it('framing is told by _headers; no _redirects, which Cloudflare Pages would apply over live pages', () => {
    expect(existsSync(path.join(siteDir(), '_redirects'))).toBe(false);
    const headers = file('_headers');
    for (const page of ['/404.html', '/en/404.html'])
      expect(headers, page).toMatch(new RegExp(`^${page.replace(/\./g, '\\.')}\\n  Content-Security-Policy: frame-ancestors 'self'`, 'm'));
  });
});

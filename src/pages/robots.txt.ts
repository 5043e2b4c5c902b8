/**
 * /robots.txt — everything may be crawled, and the sitemap says what there is.
 * Embed pages are left out of the sitemap (astro.config.mjs) rather than
 * disallowed here: a crawler that follows an embed still finds its article.
 */
import type { APIContext } from 'astro';
import { absoluteUrl, sitemapPath } from '#/publishing/urls.ts';

export function GET({ site }: APIContext) {
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(sitemapPath(), site)}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

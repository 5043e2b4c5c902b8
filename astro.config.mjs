// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import dataChecks from './src/integration.ts';
import publishedUrls, { readRedirects } from './src/published-urls.ts';
import { astroCspConfig, securityHeaders } from './src/csp.ts';

export default defineConfig({
  // The public address; every permanent URL and citation is built from it.
  site: process.env.SITE_URL ?? 'https://county-stories.example.org',
  trailingSlash: 'always',
  // Content-Security-Policy <meta> on every page; `_headers` adds the rest (src/csp.ts).
  security: { csp: astroCspConfig },
  build: {
    format: 'directory',
    // Several pages in flight at once, so image routes wait on the PNG worker
    // threads (src/png.ts) together while other pages render.
    concurrency: 4,
  },
  // Moved pages: old path → new path (data/redirects.json). Published URLs never break.
  redirects: readRedirects(process.cwd()),
  // Two routes making the same path stop the build: above all a redirect over a live page (src/published-urls.ts).
  prerenderConflictBehavior: 'error',
  integrations: [
    dataChecks(),
    mdx(),
    // Embed pages are for iframes, not for search engines.
    sitemap({ filter: (page) => !/^\/(en\/)?embed\//.test(new URL(page).pathname) }),
    securityHeaders(),
    // Last: checks the finished output against data/published-urls.txt.
    publishedUrls(),
  ],
});

// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import dataChecks from '#/integration.ts';
import publishedUrls, { readRedirects } from '#/publishing/published-urls.ts';
import { storyGuard } from '#/stories/mdx.ts';
import { astroCspConfig, securityHeaders } from '#/publishing/csp.ts';
import { publicAddress } from '#/publishing/public-address.ts';
import { isNotFoundPage, notFoundPages } from '#/publishing/not-found.ts';
import { linkedOutput } from '#/publishing/linked-output.ts';
import { sitePath, siteRoute } from '#/publishing/urls.ts';
import { paletteStylesheets } from '#/svg/stylesheets.ts';

export default defineConfig({
  // The public address (SITE_URL); every permanent URL and citation is built from it.
  site: publicAddress().site,
  // Its path: "/" at the root of a domain, "/county-stories/" under a sub-path. Astro prefixes its own
  // assets with it; every link the site writes gets it from src/publishing/urls.ts (sitePath).
  base: publicAddress().base,
  trailingSlash: 'always',
  // Content-Security-Policy <meta> on every page; `_headers` adds the rest (src/publishing/csp.ts).
  security: { csp: astroCspConfig },
  // Stories are prose: no code blocks to colour, and Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  build: {
    format: 'directory',
    // Several pages in flight at once, so image routes wait on the PNG worker
    // threads (src/publishing/png/svg-to-png.ts) together while other pages render.
    concurrency: 4,
  },
  // Moved pages: old path → new path (data/redirects.json, routes). Published URLs never break. Astro
  // writes each redirect page at its route under the base but sends the reader to the target as given,
  // so the target gets the base here (sitePath, src/publishing/urls.ts).
  redirects: Object.fromEntries(Object.entries(readRedirects(process.cwd())).map(([from, to]) => [from, sitePath(to)])),
  // Pages whose inputs and code are unchanged since the last build are copied from it, not rendered
  // again: each dynamic route gives its pages a key (src/publishing/page-keys.ts). The cache lives in
  // node_modules/.astro/, and a copied page is a hard link to it (src/publishing/linked-output.ts);
  // `npm run build -- --force` renders every page.
  experimental: { incrementalBuild: true },
  // Two routes making the same path stop the build: above all a redirect over a live page (src/publishing/published-urls.ts).
  prerenderConflictBehavior: 'error',
  // The palette and font stack as CSS custom properties (virtual:site-palette.css, src/svg/stylesheets.ts).
  vite: { plugins: [paletteStylesheets()] },
  integrations: [
    dataChecks(),
    linkedOutput(),
    // Sätteri is Astro's own MDX compiler; the guard refuses a story that is
    // not plain prose and the site's components before it is compiled, also
    // in the dev server (dataChecks checks every story before a build).
    mdx({ processor: satteri({ mdastPlugins: [storyGuard(process.cwd())] }) }),
    // Embed pages are for iframes, not for search engines; the not-found pages are for unknown addresses.
    sitemap({
      filter: (page) => {
        const route = siteRoute(new URL(page).pathname);
        return !/^\/(en\/)?embed\//.test(route) && !isNotFoundPage(route);
      },
    }),
    // Each edition's not-found page where hosts look for it (src/publishing/not-found.ts).
    notFoundPages(),
    securityHeaders(),
    // Last: checks the finished output against data/published-urls.txt.
    publishedUrls(),
  ],
});

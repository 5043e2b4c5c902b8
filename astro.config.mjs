// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import dataChecks from './src/integration.ts';
import publishedUrls, { readRedirects } from './src/published-urls.ts';
import { storyGuard } from './src/story-mdx.ts';

export default defineConfig({
  // The public address; every permanent URL and citation is built from it.
  site: process.env.SITE_URL ?? 'https://county-stories.example.org',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Several pages in flight at once, so image routes wait on the PNG worker
    // threads (src/png.ts) together while other pages render.
    concurrency: 4,
  },
  // Moved pages: old path → new path (data/redirects.json). Published URLs never break.
  redirects: readRedirects(process.cwd()),
  integrations: [
    dataChecks(),
    // Sätteri is Astro's own MDX compiler; the guard refuses a story that is
    // not plain prose and the site's components before it is compiled, also
    // in the dev server (dataChecks checks every story before a build).
    mdx({ processor: satteri({ mdastPlugins: [storyGuard(process.cwd())] }) }),
    // Embed pages are for iframes, not for search engines.
    sitemap({ filter: (page) => !/^\/(en\/)?embed\//.test(new URL(page).pathname) }),
    // Last: checks the finished output against data/published-urls.txt.
    publishedUrls(),
  ],
});

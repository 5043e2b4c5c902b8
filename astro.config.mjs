// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import dataChecks from './src/integration.ts';

export default defineConfig({
  // The public address; every permanent URL and citation is built from it.
  site: process.env.SITE_URL ?? 'https://county-stories.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [dataChecks(), mdx(), sitemap()],
});

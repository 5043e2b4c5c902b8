// The reference point of the scale benchmark: bare Astro with MDX, nothing else.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://county-stories.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
});

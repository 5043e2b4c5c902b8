/**
 * The not-found page of each edition (src/pages/[...lang]/404.astro) where
 * hosts look for it. Astro writes them as pages, /404/ and /en/404/ (its own
 * 404.html is only for a root src/pages/404.astro, not a route under
 * [...lang]); after the build this copies them to /404.html, which every
 * static host serves for an unknown address, and /en/404.html. Cloudflare
 * Pages serves the nearest 404.html up the tree of the missing path, so /en/…
 * finds /en/404.html with no rule. No `_redirects` is written for Netlify:
 * Cloudflare Pages reads the same file, applies its rules even where a file
 * exists, and documents no 404 rules, so one line of it could take the
 * whole English edition down there (PUBLISHING.md, "Not-found pages", gives
 * Netlify's line for an operator to add).
 */
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { LANGS, localePath } from '#/i18n/editions.ts';

/** Where each edition's not-found page is served from: /404.html, /en/404.html. */
export const notFoundPath = (lang: (typeof LANGS)[number]) => localePath('/404.html', lang);

/** Pages that are only for unknown addresses: never in the sitemap or the search index. */
export const isNotFoundPage = (pathname: string) => /^\/(en\/)?404(\.html|\/)?$/.test(pathname);

export function writeNotFoundPages(dir: string): void {
  for (const lang of LANGS) {
    const target = path.join(dir, notFoundPath(lang));
    if (existsSync(target)) continue;
    const built = path.join(dir, notFoundPath(lang).replace(/\.html$/, '/index.html'));
    if (!existsSync(built)) throw new Error(`not-found page: ${built} was not built (src/pages/[...lang]/404.astro)`);
    copyFileSync(built, target);
  }
}

/** Astro integration: the copies, in the finished output (before the published-URL check). */
export function notFoundPages(): AstroIntegration {
  return {
    name: 'county-stories:not-found',
    hooks: {
      'astro:build:done': ({ dir }) => writeNotFoundPages(fileURLToPath(dir)),
    },
  };
}

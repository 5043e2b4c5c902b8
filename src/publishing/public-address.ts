/**
 * The site's public address (SITE_URL). Every permanent URL, citation, feed,
 * oEmbed answer and image credit is built from it, so a production build with
 * the placeholder publishes links to nowhere: the build says so loudly, and
 * refuses when REQUIRE_SITE_URL=1 (set it in the deploy job).
 */

export const PLACEHOLDER_SITE = 'https://county-stories.example.org/';

export interface PublicAddress {
  /** Absolute, ending in "/": the root of a domain (https://stories.example.cn/) or a folder on it (https://example.org/county-stories/). */
  site: string;
  /** The site's path on its host, ending in "/": "/" at the root of a domain, "/county-stories/" under a sub-path (Astro's `base`). */
  base: string;
  placeholder: boolean;
}

/** SITE_URL from the environment, checked; the placeholder when unset. */
export function publicAddress(env: NodeJS.ProcessEnv = process.env): PublicAddress {
  const raw = env.SITE_URL?.trim();
  if (!raw) return { site: PLACEHOLDER_SITE, base: '/', placeholder: true };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL "${raw}" is not an absolute URL: set it to the public address, e.g. SITE_URL=https://stories.example.cn/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL "${raw}" must start with https:// (or http://)`);
  if (url.search || url.hash) throw new Error(`SITE_URL "${raw}" must not carry a query or a fragment`);
  // A folder, not a file: https://example.org/county-stories means https://example.org/county-stories/.
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  if (url.pathname.includes('//'))
    throw new Error(`SITE_URL "${raw}" has an empty path segment ("//"): write the folder once, e.g. https://example.org/county-stories/`);
  return { site: url.href, base: url.pathname, placeholder: url.href === PLACEHOLDER_SITE };
}

/** What the build prints, or refuses with, while the address is the placeholder. */
export function placeholderWarning(): string {
  return [
    `SITE_URL is not set: this build's permanent links, feeds, oEmbed answers, citations and image credits all point to ${PLACEHOLDER_SITE}, which is not a real site.`,
    'Set it to the public address before deploying, e.g. SITE_URL=https://stories.example.cn/ npm run build (PUBLISHING.md, "The public address").',
  ].join('\n');
}

export const siteUrlRequired = (env: NodeJS.ProcessEnv = process.env) => env.REQUIRE_SITE_URL === '1' || env.REQUIRE_SITE_URL === 'true';

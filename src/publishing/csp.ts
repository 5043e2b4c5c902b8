/**
 * The Content-Security-Policy of every page, and the `_headers` file for hosts
 * that read one (Netlify, Cloudflare Pages).
 *
 * Astro (security.csp in astro.config.mjs) writes a <meta> policy into each
 * page with the hashes of the scripts and styles it bundles. The few inline
 * scripts and styles the site writes itself (the embed page's height sender,
 * theme switch and stylesheet, the stylesheet inside every chart SVG) are allowed here by
 * their hashes, so no page needs 'unsafe-inline'. Everything else comes from
 * the site's own origin: no other origin is allowed anywhere.
 *
 * A <meta> policy cannot carry frame-ancestors, so who may frame a page is
 * only in `_headers`: embed pages (/embed/…, /en/embed/…) are made to be
 * framed by any site; every other page only by the site itself.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CHART_STYLE } from '#/svg/style.ts';
import { BUILD_CACHE_DIR, writeFileAtomically } from './build-cache.ts';
import { EMBED_STYLE, HEIGHT_SENDER, THEME_SWITCHER } from './embed.ts';
import { sitePath } from './urls.ts';

export const cspHash = (text: string): `sha256-${string}` => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** Inline scripts and styles outside Astro's bundling, allowed by hash on every page. */
export const INLINE_SCRIPTS = [HEIGHT_SENDER, THEME_SWITCHER];
export const INLINE_STYLES = [EMBED_STYLE, CHART_STYLE];

/** Directives besides script-src and style-src, which Astro writes (with its hashes) from `astroCspConfig`. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  // data: only for the empty icon (<link rel="icon" href="data:,">) that stops a /favicon.ico request.
  "img-src 'self' data:",
  "font-src 'self'",
  // Pagefind's index and the map geometry are fetched from the site; Pagefind's worker is a file on the site.
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
] as const;

/** security.csp for astro.config.mjs. 'wasm-unsafe-eval': Pagefind's search runs as WebAssembly (it compiles no JavaScript). */
export const astroCspConfig = {
  algorithm: 'SHA-256' as const,
  directives: [...CSP_DIRECTIVES],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: INLINE_SCRIPTS.map(cspHash) },
  styleDirective: { resources: ["'self'"], hashes: INLINE_STYLES.map(cspHash) },
};

/** Embed pages: path patterns in the `_headers` syntax. */
export const EMBED_PATTERNS = ['/embed/*', '/en/embed/*'];

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"/;

/** The <meta> policy of a built page, as directive → sources; undefined if the page has none. */
export function pagePolicy(html: string): Map<string, string[]> | undefined {
  const content = META.exec(html)?.[1];
  return content === undefined ? undefined : policyDirectives(content);
}

/** A policy's text ("default-src 'self'; img-src …"), as directive → sources. */
function policyDirectives(content: string): Map<string, string[]> {
  const policy = new Map<string, string[]>();
  for (const directive of content
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)) {
    const [name, ...sources] = directive.split(/\s+/);
    policy.set(name, sources);
  }
  return policy;
}

/** The page Astro writes for a redirect (data/redirects.json): no script, no style, no policy of its own; the header's applies. */
export const isRedirectPage = (html: string) => /^<!doctype html><title>Redirecting to: /i.test(html) && !/<script|<style/i.test(html);

/**
 * Every page under `dir`, relative to it, with "/" between folders. With the
 * entries' types (readdir has them), not names alone: then Node stats every
 * entry to learn which are folders, 0.6 s of 1.0 at 300 counties.
 */
const htmlFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();

/** A page's <head> is well under this (20 kB on the largest today); a longer one is read whole. */
const HEAD_BYTES = 32 * 1024;

/**
 * A built page up to its </head>, where its policy <meta> is: the policy of
 * every page is read on every build, and pages run to hundreds of kB.
 */
function pageHead(file: string): string {
  const start = Buffer.allocUnsafe(HEAD_BYTES);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, start, 0, HEAD_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const text = start.toString('utf8', 0, read);
  const end = text.indexOf('</head>');
  if (end >= 0) return text.slice(0, end);
  return read < HEAD_BYTES ? text : readFileSync(file, 'utf8');
}

/**
 * A page's <meta> policy as written (META's content), or null for a redirect
 * page; throws for any other page without one. `seen` holds one copy of each
 * policy read so far, and the copy is what is returned: the match itself is a
 * slice that keeps the whole head it was found in alive (900 MB for the
 * 14,000 pages of 300 counties).
 */
function readPolicyText(dir: string, file: string, seen: Map<string, string>): string | null {
  const content = META.exec(pageHead(path.join(dir, file)))?.[1];
  if (content !== undefined) {
    let copy = seen.get(content);
    if (copy === undefined) seen.set((copy = Buffer.from(content).toString()), copy);
    return copy;
  }
  if (isRedirectPage(readFileSync(path.join(dir, file), 'utf8'))) return null;
  throw new Error(`${file} in ${dir} has no Content-Security-Policy <meta> (security.csp in astro.config.mjs)`);
}

/**
 * Each page's policy as the last build read it, by the identity of the file
 * it read (device, inode, size, modification time): every page is checked on
 * every build, but a page the incremental build took from the last one is
 * the same file under a new name (src/publishing/linked-output.ts), so its
 * head is not read again. A file written anew, or rewritten, is a new
 * identity. Written whole after each build, for the pages of that build only.
 */
export const POLICY_CACHE = path.join(BUILD_CACHE_DIR, 'page-policies.json');
interface PolicyCache {
  /** File identity → index into `policies`. */
  files: Record<string, number>;
  /** Each distinct policy once (a few dozen across the site); null: a redirect page. */
  policies: (string | null)[];
}
const fileIdentity = (file: string) => {
  const s = statSync(file, { bigint: true });
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
};
function readPolicyCache(cacheFile: string): Map<string, string | null> {
  try {
    const { files, policies } = JSON.parse(readFileSync(cacheFile, 'utf8')) as PolicyCache;
    return new Map(Object.entries(files).flatMap(([identity, i]) => (policies[i] === undefined ? [] : [[identity, policies[i]]])));
  } catch {
    // None yet, or unreadable: every page is read, and the cache written anew.
    return new Map();
  }
}
function writePolicyCache(cacheFile: string, byIdentity: Map<string, string | null>): void {
  const policies = [...new Set(byIdentity.values())];
  const index = new Map(policies.map((p, i) => [p, i]));
  const cache: PolicyCache = { files: Object.fromEntries([...byIdentity].map(([identity, p]) => [identity, index.get(p)!])), policies };
  writeFileAtomically(cacheFile, JSON.stringify(cache));
}

/**
 * One policy for the whole site, for the header: each directive with the
 * union of its sources over every page's <meta> (each page's own policy is
 * stricter and still applies; the header adds frame-ancestors). Pages whose
 * file the last build read are taken from `cacheFile` (POLICY_CACHE).
 */
export function sitePolicy(dir: string, pages = htmlFiles(dir), cacheFile = POLICY_CACHE): string {
  const known = readPolicyCache(cacheFile);
  const read = new Map<string, string | null>();
  const seen = new Map<string, string>();
  for (const file of pages) {
    const identity = fileIdentity(path.join(dir, file));
    read.set(identity, known.has(identity) ? known.get(identity)! : readPolicyText(dir, file, seen));
  }
  writePolicyCache(cacheFile, read);
  const union = new Map<string, Set<string>>();
  // Each distinct policy once; a redirect page (null) has none of its own: the header's applies.
  for (const text of new Set(read.values())) {
    if (text === null) continue;
    for (const [name, sources] of policyDirectives(text)) {
      const set = union.get(name) ?? new Set();
      sources.forEach((s) => set.add(s));
      union.set(name, set);
    }
  }
  return [...union].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * The `_headers` file. Hosts merge the headers of every rule a path matches,
 * and two CSP headers are two policies that must both pass, so the site-wide
 * rule carries no frame-ancestors: the frame rule is given per top-level
 * section (every folder of the output with pages, except the embeds), and
 * embed pages get none, on purpose.
 */
export function headersFile(dir: string): string {
  const pages = htmlFiles(dir);
  // The folders that hold pages, at every depth ("en/charts", "en"): each top-level section is looked up here.
  const pageFolders = new Set(
    pages.flatMap((p) =>
      p
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  const top = (sub: string) =>
    readdirSync(path.join(dir, sub), { withFileTypes: true })
      .filter((e) => e.isDirectory() && pageFolders.has(`${sub ? `${sub}/` : ''}${e.name}`))
      .map((e) => `/${sub ? `${sub}/` : ''}${e.name}`);
  const sections = [...top(''), ...top('en')].filter((s) => s !== '/en' && !EMBED_PATTERNS.includes(`${s}/*`));
  // Pages that are files at the top of an edition (the not-found pages, /404.html and /en/404.html), each by name.
  const topFiles = ['', 'en'].flatMap((sub) =>
    readdirSync(path.join(dir, sub), { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.html') && e.name !== 'index.html')
      .map((e) => `/${sub ? `${sub}/` : ''}${e.name}`),
  );
  const framedBySelf = ["  Content-Security-Policy: frame-ancestors 'self'", '  X-Frame-Options: SAMEORIGIN'];
  const immutable = '  Cache-Control: public, max-age=31536000, immutable';
  return [
    '# Security and caching headers (Netlify / Cloudflare Pages format), written by the build (src/publishing/csp.ts).',
    sitePath('/*'),
    `  Content-Security-Policy: ${sitePolicy(dir, pages)}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
    '# Embed pages (/embed/, /en/embed/) may be framed by any site: that is what they are for. Every other page only by this site.',
    ...['/', '/en/', ...topFiles, ...sections.map((s) => `${s}/*`)].flatMap((p) => [sitePath(p), ...framedBySelf, '']),
    '# Hashed assets are renamed when they change.',
    sitePath('/_astro/*'),
    immutable,
    '',
    '# A released JSON never changes (data/datasets.lock.json), but the CSV beside it is derived and its layout may still',
    '# improve: a day, not immutable. (Netlify and Cloudflare join the values of overlapping rules, so one rule for both.)',
    sitePath('/data/*'),
    '  Cache-Control: public, max-age=86400',
    '',
  ].join('\n');
}

export function writeHeadersFile(dir: string): void {
  writeFileSync(path.join(dir, '_headers'), headersFile(dir));
}

/** Astro integration: writes `_headers` into the finished output. */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'county-stories:security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => writeHeadersFile(fileURLToPath(dir)),
    },
  };
}

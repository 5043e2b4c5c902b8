/**
 * The built site's Content-Security-Policy and `_headers` (src/publishing/csp.ts): every
 * page carries a policy that allows no inline script or style except by hash
 * and nothing from another origin, every inline script and style on a page is
 * allowed by its hash, and the headers file frames, types and caches as
 * PUBLISHING.md says. The browser suite (every-page.test.ts) shows that no
 * page breaks the policy in Chromium.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRedirectPage, pagePolicy } from '#/publishing/csp.ts';
import { readHeadersFile } from '../browser/serve.ts';
import { listPages, readPage, siteDir } from '../helpers/site.ts';

const htmlOf = (p: string) => readPage(siteDir(), p);
// Redirect pages (data/redirects.json) hold no script or style; the header policy covers them.
const pages = listPages(siteDir()).filter((p) => p.endsWith('/') && !isRedirectPage(htmlOf(p)));
const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** Sources a script or style directive may list: the site itself, hashes, and WebAssembly compilation for Pagefind. */
const ALLOWED_SOURCE = /^('self'|'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'|'wasm-unsafe-eval')$/;

describe.each(pages)('%s', (page) => {
  const html = htmlOf(page);
  const policy = pagePolicy(html);

  it('has a strict Content-Security-Policy: scripts and styles from the site or by hash, nothing else', () => {
    expect(policy, 'a <meta http-equiv="content-security-policy">').toBeDefined();
    for (const directive of ['script-src', 'style-src']) {
      const sources = policy!.get(directive) ?? [];
      expect(sources, directive).toContain("'self'");
      expect(
        sources.filter((s) => !ALLOWED_SOURCE.test(s)),
        `${directive}: sources other than 'self', hashes and 'wasm-unsafe-eval'`,
      ).toEqual([]);
    }
    expect(policy!.get('default-src')).toEqual(["'self'"]);
    expect(policy!.get('object-src')).toEqual(["'none'"]);
  });

  it('allows each of its inline scripts and styles by hash', () => {
    const unhashed: string[] = [];
    const check = (kind: 'script' | 'style', re: RegExp) => {
      for (const [, attrs, body] of html.matchAll(re)) {
        // External files (checked by origin) and data blocks (never run) need no hash.
        if (/\ssrc=/.test(attrs) || /type="application\/(ld\+)?json"/.test(attrs)) continue;
        if (!policy?.get(`${kind}-src`)?.includes(hashOf(body))) unhashed.push(`<${kind}${attrs}>${body.slice(0, 60)}…`);
      }
    };
    check('script', /<script\b([^>]*)>([\s\S]*?)<\/script>/g);
    check('style', /<style\b([^>]*)>([\s\S]*?)<\/style>/g);
    expect(unhashed).toEqual([]);
  });
});

describe('_headers', () => {
  const rules = readHeadersFile(siteDir());
  const headersFor = (urlPath: string) => rules.filter((r) => r.pattern.test(urlPath)).flatMap((r) => r.headers);
  const values = (urlPath: string, name: string) =>
    headersFor(urlPath)
      .filter(([n]) => n.toLowerCase() === name.toLowerCase())
      .map(([, v]) => v);

  it("sends every page the policy (the union of the pages' own), nosniff and a referrer policy", () => {
    for (const page of pages) {
      const [sitePolicy, ...frame] = values(page, 'Content-Security-Policy');
      expect(sitePolicy, page).toMatch(/^default-src 'self';/);
      expect(sitePolicy).not.toContain('unsafe-inline');
      for (const [directive, sources] of pagePolicy(htmlOf(page))!) {
        const header = sitePolicy
          .split('; ')
          .find((d) => d.startsWith(`${directive} `))!
          .split(' ');
        expect(
          sources.filter((s) => !header.includes(s)),
          `${page}: ${directive} sources missing from the header`,
        ).toEqual([]);
      }
      // Framing: embed pages by anyone, on purpose; every other page only by the site.
      const isEmbed = /^\/(en\/)?embed\//.test(page);
      expect(frame, page).toEqual(isEmbed ? [] : ["frame-ancestors 'self'"]);
      expect(values(page, 'X-Frame-Options'), page).toEqual(isEmbed ? [] : ['SAMEORIGIN']);
      expect(values(page, 'X-Content-Type-Options')).toEqual(['nosniff']);
      expect(values(page, 'Referrer-Policy')).toEqual(['strict-origin-when-cross-origin']);
    }
  });

  it('caches hashed assets for a year, immutable; dataset files for a day (the CSV is derived and may change); pages not at all', () => {
    const files = readdirSync(siteDir(), { recursive: true, encoding: 'utf8' }).map((f) => `/${f.split(path.sep).join('/')}`);
    const asset = files.find((p) => p.startsWith('/_astro/'));
    const data = files.filter((p) => /^\/data\/[^/]+\/\d+\.\d+\.\d+\.(json|csv|tidy\.csv)$/.test(p));
    expect(asset && data.length, 'a hashed asset and dataset files in the build').toBeTruthy();
    expect(values(asset!, 'Cache-Control')).toEqual(['public, max-age=31536000, immutable']);
    for (const file of data) expect(values(file, 'Cache-Control'), file).toEqual(['public, max-age=86400']);
    expect(values('/', 'Cache-Control')).toEqual([]);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPublishedUrls, checkRedirects, outputUrls, readRedirects, recordUrls, redirectsOverLivePages } from '#/publishing/published-urls.ts';

/** A project root with data/ and a dist/ holding the given files. */
function project(files: string[], redirects: Record<string, string> = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'published-urls-'));
  mkdirSync(path.join(root, 'data'));
  writeFileSync(path.join(root, 'data/redirects.json'), JSON.stringify(redirects));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, 'dist', f)), { recursive: true });
    writeFileSync(path.join(root, 'dist', f), 'x');
  }
  return { root, dist: path.join(root, 'dist') };
}

const site = [
  'index.html',
  'counties/qinglong/index.html',
  'data/qinglong/1.0.0.csv',
  'og/counties/qinglong.png',
  '_astro/app.Bx12.js',
  'pagefind/pagefind.js',
];

describe('published URLs', () => {
  it('reads page URLs from a build output and leaves hashed assets out', () => {
    const { dist } = project(site);
    expect([...outputUrls(dist)].sort()).toEqual(['/', '/counties/qinglong/', '/data/qinglong/1.0.0.csv', '/og/counties/qinglong.png']);
  });

  it('records new URLs and never removes one', () => {
    const { root, dist } = project(site);
    expect(recordUrls(root, dist)).toHaveLength(4);
    rmSync(path.join(dist, 'data'), { recursive: true });
    expect(recordUrls(root, dist)).toEqual([]);
    expect(readFileSync(path.join(root, 'data/published-urls.txt'), 'utf8')).toContain('/data/qinglong/1.0.0.csv\n');
  });

  it('fails when a published page is removed without a redirect, naming the URL and the fix', () => {
    const { root, dist } = project(site);
    recordUrls(root, dist);
    expect(() => checkPublishedUrls(root, dist)).not.toThrow();
    rmSync(path.join(dist, 'counties/qinglong'), { recursive: true });
    expect(() => checkPublishedUrls(root, dist)).toThrow(
      'data/published-urls.txt: /counties/qinglong/ was published but is no longer in the build output and has no redirect: restore it, or add "/counties/qinglong/": "<new path>" to data/redirects.json',
    );
  });

  it('accepts a removed page that redirects to a page in the output, through a chain', () => {
    const { root, dist } = project(site, { '/counties/qinglong/': '/c/qinglong/', '/c/qinglong/': '/' });
    recordUrls(root, dist);
    rmSync(path.join(dist, 'counties/qinglong'), { recursive: true });
    expect(() => checkPublishedUrls(root, dist)).not.toThrow();
  });

  it('fails when the redirect target is missing, even with a redirect page at the old path', () => {
    const { root, dist } = project(site, { '/counties/qinglong/': '/nowhere/' });
    recordUrls(root, dist);
    // dist/counties/qinglong/index.html stays: Astro writes a redirect page there.
    expect(() => checkPublishedUrls(root, dist)).toThrow(
      'data/redirects.json: "/counties/qinglong/" redirects to /nowhere/, which is not in the build output: point it at a page that exists',
    );
  });

  it('fails on a redirect loop', () => {
    const { root, dist } = project(site, { '/counties/qinglong/': '/a/', '/a/': '/counties/qinglong/' });
    recordUrls(root, dist);
    expect(() => checkPublishedUrls(root, dist)).toThrow(
      'data/redirects.json: "/counties/qinglong/" redirects in a loop: /counties/qinglong/ → /a/ → /counties/qinglong/: point one of them at a page that exists',
    );
  });

  it('reports the URLs of a build not yet recorded', () => {
    const { root, dist } = project(site);
    expect(checkPublishedUrls(root, dist).unrecorded).toContain('/counties/qinglong/');
  });
});

describe('data/redirects.json', () => {
  const messages = (redirects: Record<string, string>) => checkRedirects(redirects).map((e) => e.message);

  it('accepts same-site absolute paths', () => {
    expect(messages({ '/counties/old/': '/counties/qinglong/', '/en/counties/old/': '/en/counties/qinglong/' })).toEqual([]);
  });

  it.each([
    ['a ".." segment in the key (would write outside the build output)', { '/../../etc/x/': '/' }, 'key "/../../etc/x/" has a "." or ".." segment'],
    ['an escaped ".." segment', { '/a/%2e%2e/b/': '/' }, 'key "/a/%2e%2e/b/" has a "." or ".." segment'],
    ['an escaped "/"', { '/a%2f..%2fb/': '/' }, 'key "/a%2f..%2fb/" has a "." or ".." segment (or an escaped "/")'],
    ['a relative key', { 'counties/old/': '/' }, 'key "counties/old/" is not a path on this site'],
    ['another host as target', { '/old/': 'https://evil.example/' }, '"/old/": target "https://evil.example/" is not a path on this site'],
    ['a protocol-relative target', { '/old/': '//evil.example/' }, '"/old/": target "//evil.example/" is not a path on this site'],
    ['a backslash target', { '/old/': '/\\evil.example/' }, '"/old/": target "/\\evil.example/" contains a backslash'],
    ['a ".." segment in the target', { '/old/': '/counties/../../x/' }, '"/old/": target "/counties/../../x/" has a "." or ".." segment'],
    ['a redirect to itself', { '/old/': '/old/' }, '"/old/" redirects to itself: remove the entry'],
    ['a loop', { '/a/': '/b/', '/b/': '/a/' }, '"/a/" redirects in a loop: /a/ → /b/ → /a/'],
  ])('refuses %s, naming the file and the key', (_, redirects, says) => {
    const found = messages(redirects as Record<string, string>);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.startsWith('data/redirects.json: '))).toBe(true);
    expect(found.join('\n')).toContain(says);
  });

  it('stops the build when the file breaks a rule, with every problem at once', () => {
    const { root } = project([], { '/../x/': '/', '/y/': 'https://evil.example/' });
    expect(() => readRedirects(root)).toThrow(/2 problems in the data:[\s\S]*"\/\.\.\/x\/"[\s\S]*evil\.example/);
  });

  it('names the key of a redirect over a page the build still makes, from the message Astro stops with', () => {
    const astro =
      'PrerenderRouteConflict: Could not render `/counties/qinglong` from route `/[...lang]/counties/[slug]` as it conflicts with higher priority route `/counties/qinglong`.';
    expect(redirectsOverLivePages(astro, { '/counties/qinglong/': '/counties/yijun/', '/x/': '/' }).map((e) => e.message)).toEqual([
      'data/redirects.json: key "/counties/qinglong/" redirects a page the site still builds (/counties/qinglong/, from /[...lang]/counties/[slug]): remove the redirect, or remove or move the page first',
    ]);
  });
});

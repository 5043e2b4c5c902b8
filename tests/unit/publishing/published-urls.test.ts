import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPublishedUrls, outputUrls, recordUrls } from '../../../src/published-urls.ts';

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

const site = ['index.html', 'counties/qinglong/index.html', 'data/qinglong/1.0.0.csv', 'og/counties/qinglong.png', '_astro/app.Bx12.js', 'pagefind/pagefind.js'];

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
    expect(() => checkPublishedUrls(root, dist)).toThrow('data/redirects.json: "/counties/qinglong/" redirects to /nowhere/, which is not in the build output either');
  });

  it('fails on a redirect loop', () => {
    const { root, dist } = project(site, { '/counties/qinglong/': '/a/', '/a/': '/counties/qinglong/' });
    recordUrls(root, dist);
    expect(() => checkPublishedUrls(root, dist)).toThrow('data/redirects.json: "/counties/qinglong/" redirects in a loop: /counties/qinglong/ → /a/ → /counties/qinglong/');
  });

  it('reports the URLs of a build not yet recorded', () => {
    const { root, dist } = project(site);
    expect(checkPublishedUrls(root, dist).unrecorded).toContain('/counties/qinglong/');
  });
});

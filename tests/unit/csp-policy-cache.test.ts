import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sitePolicy } from '#/publishing/csp.ts';

let dir: string;
let cache: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'csp-cache-'));
  cache = path.join(dir, 'cache', 'page-policies.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const page = (policy: string) => `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body></body></html>`;
const write = (file: string, html: string) => {
  mkdirSync(path.dirname(path.join(dir, 'out', file)), { recursive: true });
  writeFileSync(path.join(dir, 'out', file), html);
};
const out = () => path.join(dir, 'out');
const PAGES = ['a/index.html', 'b/index.html', 'moved/index.html'];

describe("the site-wide policy, with each page's policy kept between builds", () => {
  beforeEach(() => {
    write('a/index.html', page("default-src 'self'; script-src 'self' 'sha256-A'"));
    write('b/index.html', page("default-src 'self'; script-src 'self' 'sha256-B'; style-src 'self'"));
    write('moved/index.html', '<!doctype html><title>Redirecting to: /a/</title><meta http-equiv="refresh" content="0;url=/a/">');
  });

  it('is the union of every page, the same with the cache as without, and the cache lists each page once', () => {
    const fresh = sitePolicy(out(), PAGES, cache);
    expect(fresh).toBe("default-src 'self'; script-src 'self' 'sha256-A' 'sha256-B'; style-src 'self'");
    expect(sitePolicy(out(), PAGES, cache)).toBe(fresh);
    const written = JSON.parse(readFileSync(cache, 'utf8')) as { files: Record<string, number>; policies: (string | null)[] };
    expect(Object.keys(written.files)).toHaveLength(3);
    expect(written.policies).toContain(null);
  });

  it('takes an unchanged file from the cache, and reads a file written anew', () => {
    // A whole second, which utimes sets exactly (file times have nanoseconds, its arguments do not).
    const file = path.join(out(), 'a/index.html');
    const then = new Date('2026-01-01T00:00:00Z');
    utimesSync(file, then, then);
    sitePolicy(out(), PAGES, cache);
    // Rewritten in place with its old size and time, a file looks unchanged: proof the cache, not the file, was read.
    writeFileSync(file, page("default-src 'self'; script-src 'self' 'sha256-Z'"));
    utimesSync(file, then, then);
    expect(sitePolicy(out(), PAGES, cache)).toContain("'sha256-A'");
    // A file written anew (what a build does to a page it renders) is read.
    rmSync(file);
    writeFileSync(file, page("default-src 'self'; script-src 'self' 'sha256-Z'"));
    const policy = sitePolicy(out(), PAGES, cache);
    expect(policy).toContain("'sha256-Z'");
    expect(policy).not.toContain("'sha256-A'");
  });

  it('reads every page when the cache is damaged, and still stops at a page without a policy', () => {
    mkdirSync(path.dirname(cache), { recursive: true });
    writeFileSync(cache, '{"files": {"x": 7}, "policies": []'); // cut short
    expect(sitePolicy(out(), PAGES, cache)).toContain("'sha256-B'");
    write('c/index.html', '<!doctype html><html><head></head><body><script>1</script></body></html>');
    expect(() => sitePolicy(out(), [...PAGES, 'c/index.html'], cache)).toThrow(/c\/index\.html in .* has no Content-Security-Policy <meta>/);
  });
});

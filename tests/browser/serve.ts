/**
 * Serve a built site over HTTP on a free local port, as a static host would:
 * /counties/qinglong/ → counties/qinglong/index.html, unknown paths → 404
 * with the nearest 404.html up the path, as Cloudflare Pages does (so
 * /en/… gets /en/404.html, the rest /404.html), with the headers the site's
 * `_headers` file asks for (src/publishing/csp.ts), as Netlify or Cloudflare Pages would
 * send them. Used by the browser tests, the link checker and bench/budgets.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export interface SiteServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  url(pathname: string): string;
  close(): Promise<void>;
}

/** The rules of a `_headers` file: a path pattern (`*` matches anything) and its headers. */
export function readHeadersFile(dir: string): { pattern: RegExp; headers: [string, string][] }[] {
  const file = path.join(dir, '_headers');
  if (!existsSync(file)) return [];
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({
        pattern: new RegExp(
          `^${line
            .trim()
            .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')}$`,
        ),
        headers: [],
      });
      continue;
    }
    const colon = line.indexOf(':');
    rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * `base`: the path the site is served under, as a host serving it under a
 * sub-path would ("/sub/path/": dir/index.html answers /sub/path/); anything
 * outside it is a 404.
 */
export async function serveSite(dir: string, { base = '/' }: { base?: string } = {}): Promise<SiteServer> {
  const rules = readHeadersFile(dir);
  /** The 404.html nearest to a missing path: in its folder, else each parent up to the root. */
  const notFoundFor = (pathname: string): string | undefined => {
    const parts = pathname.split('/').filter(Boolean);
    for (let n = parts.length; n >= 0; n--) {
      const file = path.join(dir, ...parts.slice(0, n), '404.html');
      if (existsSync(file)) return file;
    }
    return undefined;
  };
  const files = sirv(dir, {
    dev: true, // read from disk on every request: no start-up scan, no stale cache
    etag: false,
    onNoMatch: (req, res) => {
      const notFound = notFoundFor(new URL(req.url ?? '/', 'http://x').pathname);
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(notFound ? readFileSync(notFound) : 'Not found');
    },
  });
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    // Every matching rule adds its headers; a header given twice is sent twice (two CSP headers are two policies).
    for (const rule of rules.filter((r) => r.pattern.test(pathname))) {
      for (const [name, value] of rule.headers) res.appendHeader(name, value);
    }
    if (base !== '/') {
      if (!pathname.startsWith(base)) {
        res.statusCode = 404;
        res.end('Not under the site');
        return;
      }
      req.url = `/${(req.url ?? '/').slice(base.length)}`;
    }
    files(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (pathname) => new URL(pathname, origin).href,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Serve a built site over HTTP on a free local port, as a static host would:
 * /counties/qinglong/ → counties/qinglong/index.html, unknown paths → 404
 * (with the site's 404.html when it has one). Used by the browser tests,
 * the link checker and bench/budgets.ts.
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

export async function serveSite(dir: string): Promise<SiteServer> {
  const notFound = path.join(dir, '404.html');
  const files = sirv(dir, {
    dev: true, // read from disk on every request: no start-up scan, no stale cache
    etag: false,
    onNoMatch: (_req, res) => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    },
  });
  const server = createServer((req, res) => files(req, res));
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

/**
 * Open a page the way the browser tests look at it: every request that
 * would leave the site's origin is intercepted and refused (and recorded),
 * and console errors, uncaught exceptions and failed same-origin requests
 * are collected.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Refuse, and record, every request to another origin made in `context`. Data and blob URLs never reach the network. */
export async function guardOrigin(context: BrowserContext, origin: string): Promise<string[]> {
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (ws) => {
    offsite.push(ws.url());
    ws.close();
  });
  return offsite;
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions, as text. */
  errors: string[];
  /** Requests to other origins (all refused). */
  offsite: string[];
  /** Same-origin responses with status ≥ 400, and same-origin requests that failed. */
  broken: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  javaScript?: boolean;
  /** Wait until the network has been quiet for 500 ms, so scripts started on load (maps, charts) make their requests. Default: when JavaScript is on. */
  settle?: boolean;
  colorScheme?: 'light' | 'dark';
}

export async function openPage(
  browser: Browser,
  origin: string,
  pathname: string,
  { javaScript = true, settle = javaScript, colorScheme = 'light' }: OpenOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, colorScheme });
  const offsite = await guardOrigin(context, origin);
  const page = await context.newPage();
  const errors: string[] = [];
  const broken: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) broken.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).origin === origin) broken.push(`failed ${r.url()}: ${r.failure()?.errorText}`);
  });
  const response = await page.goto(new URL(pathname, origin).href, { waitUntil: 'load' });
  if (!response || response.status() >= 400) broken.push(`${response?.status()} ${pathname} itself`);
  if (settle) await page.waitForLoadState('networkidle').catch(() => {});
  return { page, context, errors, offsite, broken, close: () => context.close() };
}

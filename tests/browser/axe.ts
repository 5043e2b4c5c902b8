/**
 * axe-core, injected into a page from node_modules (never from a CDN), run
 * with its default rules — the same run an independent audit would do.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One line per violated rule: "color-contrast (serious): main > p > a, .site-footer p". */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated by the test driver: the page's CSP refuses an added inline <script> (src/publishing/csp.ts).
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')} — ${v.help}`);
}

/**
 * Browsers ask every top-level page for an icon. A page that names none
 * makes them request /favicon.ico, and a missing file is a 404 in every
 * reader's console (browsers driven by Playwright do not ask, so the browser
 * suites cannot see it; Lighthouse does, embeds opened directly included).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { listPages, siteDir } from '../browser/site.ts';

it('every page names an icon, or the site serves /favicon.ico', () => {
  const dir = siteDir();
  if (existsSync(path.join(dir, 'favicon.ico'))) return;
  const withoutIcon = listPages(dir).filter((p) => !/<link[^>]+rel="(shortcut )?icon"/.test(readFileSync(path.join(dir, p.endsWith('/') ? `${p}index.html` : p), 'utf8')));
  expect(withoutIcon).toEqual([]);
});

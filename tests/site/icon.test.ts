/**
 * Browsers ask every top-level page for an icon. A page that names none
 * makes them request /favicon.ico, and a missing file is a 404 in every
 * reader's console (browsers driven by Playwright do not ask, so the browser
 * suites cannot see it; Lighthouse does, embeds opened directly included).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { listPages, readPage, siteDir } from '../helpers/site.ts';

it('every page names an icon, or the site serves /favicon.ico', () => {
  const dir = siteDir();
  if (existsSync(path.join(dir, 'favicon.ico'))) return;
  const withoutIcon = listPages(dir).filter((p) => !/<link[^>]+rel="(shortcut )?icon"/.test(readPage(dir, p)));
  expect(withoutIcon).toEqual([]);
});

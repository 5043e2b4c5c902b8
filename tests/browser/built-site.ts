/**
 * Vitest global setup for the suites that need the built site (tests/build,
 * tests/site, tests/browser, tests/a11y): the site is built ONCE per test
 * run, with the same atomic build as `npm run build`, into a temp folder, so
 * a test run never touches dist/. Tests read the folder with
 * `inject('siteDir')` (see ./site.ts).
 *
 * SITE_DIR=dist npm test -- tests/a11y   reuses an existing build (quicker while iterating).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}

export default function setup(project: TestProject) {
  const given = process.env.SITE_DIR;
  if (given) {
    const dir = path.resolve(given);
    if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`SITE_DIR=${given}: no index.html there; build first (npm run build)`);
    project.provide('siteDir', dir);
    return;
  }

  const parent = mkdtempSync(path.join(tmpdir(), 'county-stories-site-'));
  const siteDir = path.join(parent, 'site');
  const started = Date.now();
  const build = spawnSync(process.execPath, ['scripts/build.ts', '--out', siteDir], { encoding: 'utf8' });
  if (build.status !== 0) {
    rmSync(parent, { recursive: true, force: true });
    throw new Error(`The site does not build, so the site, browser and a11y suites cannot run:\n${build.stdout.slice(-4000)}\n${build.stderr.slice(-4000)}`);
  }
  console.log(`[built-site] site built in ${((Date.now() - started) / 1000).toFixed(1)}s → ${siteDir}`);
  project.provide('siteDir', siteDir);
  return () => rmSync(parent, { recursive: true, force: true });
}

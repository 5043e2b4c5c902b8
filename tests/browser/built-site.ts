/**
 * Vitest global setup for the suites that need the built site (tests/build,
 * tests/site, tests/browser, tests/a11y, and tests/bad-inputs as its
 * "previous build"): the site is built ONCE per test run, with the same
 * atomic build as `npm run build`, into a temp folder, so a test run never
 * touches dist/. Tests read the folder with `inject('siteDir')` (see tests/helpers/site.ts).
 *
 * SITE_DIR=dist npm test -- tests/a11y   reuses an existing build (quicker while iterating).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { authorEnv } from '../helpers/sandbox.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}

interface SharedBuild {
  dir: string;
  /** Projects still using it; the last one to finish removes it. */
  users: number;
  remove(): void;
}

// Several projects list this setup; they share one build through the main process's globals.
const shared = globalThis as typeof globalThis & { __countyStoriesSite?: SharedBuild };

function buildOnce(): SharedBuild {
  const given = process.env.SITE_DIR;
  if (given) {
    const dir = path.resolve(given);
    if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`SITE_DIR=${given}: no index.html there; build first (npm run build)`);
    return { dir, users: 0, remove: () => {} };
  }
  const parent = mkdtempSync(path.join(tmpdir(), 'county-stories-site-'));
  const dir = path.join(parent, 'site');
  const started = Date.now();
  const build = spawnSync(process.execPath, ['scripts/build.ts', '--out', dir], { encoding: 'utf8', env: authorEnv() });
  if (build.status !== 0) {
    rmSync(parent, { recursive: true, force: true });
    throw new Error(
      `The site does not build, so the site, browser, a11y and bad-input suites cannot run:\n${build.stdout.slice(-4000)}\n${build.stderr.slice(-4000)}`,
    );
  }
  console.log(`[built-site] site built in ${((Date.now() - started) / 1000).toFixed(1)}s → ${dir}`);
  return { dir, users: 0, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

export default function setup(project: TestProject) {
  const build = (shared.__countyStoriesSite ??= buildOnce());
  build.users++;
  project.provide('siteDir', build.dir);
  return () => {
    if (--build.users === 0) {
      build.remove();
      delete shared.__countyStoriesSite;
    }
  };
}

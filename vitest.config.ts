/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import { configDefaults } from 'vitest/config';

/**
 * Five projects, one `npm test`:
 *   content     — the tests on the real content (datasets, quotes, claimants, sources, counties, stories'
 *                 prose and translations, charts, timeline, geometry): `npm run test:content`, seconds, no build.
 *   unit        — pure logic; every tests/**\/*.test.ts not claimed below (new folders land here).
 *   site        — needs the built site: build checks, HTML/links, browser, a11y.
 *   bad-inputs  — each case breaks a temp copy of the project and builds it (tests/bad-inputs/).
 *   dev         — `astro dev` in a temp copy, edited live (tests/dev/).
 * The site is built ONCE per run by tests/browser/built-site.ts (global setup of both) and shared.
 * `npm test -- tests/unit` runs only what it names; the site is built only when a site test runs.
 */
const CONTENT_SUITES = [
  'tests/unit/content-checks.test.ts',
  'tests/unit/datasets-quotes.test.ts',
  'tests/unit/dataset-diff.test.ts',
  'tests/unit/claimants.test.ts',
  'tests/unit/sources.test.ts',
  'tests/unit/counties.test.ts',
  'tests/unit/story-prose.test.ts',
  'tests/unit/i18n-translations.test.ts',
  'tests/unit/timeline.test.ts',
  'tests/unit/charts/real.test.ts',
  'tests/unit/chart-gallery.test.ts',
  'tests/unit/geo/geometry.test.ts',
];
const SITE_SUITES = ['tests/build/**/*.test.ts', 'tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts', 'tests/a11y/**/*.test.ts'];
const BAD_INPUTS = ['tests/bad-inputs/**/*.test.ts'];
const DEV_SERVER = ['tests/dev/**/*.test.ts'];

export default getViteConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...CONTENT_SUITES, ...SITE_SUITES, ...BAD_INPUTS, ...DEV_SERVER],
        },
      },
      {
        test: {
          name: 'content',
          include: CONTENT_SUITES,
        },
      },
      {
        test: {
          name: 'dev',
          include: DEV_SERVER,
          // Each wait inside is bounded (30 s per change, 3 min for the server to start on a crowded machine).
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'site',
          include: SITE_SUITES,
          globalSetup: ['tests/browser/built-site.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'bad-inputs',
          include: BAD_INPUTS,
          // The site build shared with the site project is each case's "previous build".
          globalSetup: ['tests/browser/built-site.ts'],
          // Cases build concurrently; two at a time suits CI's two cores.
          maxConcurrency: 2,
          // Generous: a build takes seconds on an idle machine, minutes on a crowded one.
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});

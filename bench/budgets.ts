/**
 * Budgets, measured and printed (never asserted): for one page of every
 * type in the build, what a first visit downloads — HTML, CSS and JS bytes
 * gzipped, number of requests, the largest asset — and Lighthouse (mobile,
 * Debian's Chromium) on the home page, a county story and an embed.
 *
 *   npm run budgets                       builds, then measures dist/
 *   node bench/budgets.ts --dir <folder>  measures an existing build
 *   … --json <file>                       also writes the numbers as JSON
 *
 * Targets (issue 6), shown as ✓/✗: a county story ships no chart JavaScript
 * and at most 60 KB gzip of JavaScript with its map; CLS 0; Lighthouse
 * mobile performance ≥ 95.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from '../tests/browser/chromium.ts';
import { serveSite } from '../tests/browser/serve.ts';
import { listPages, pageTypes } from '../tests/helpers/site.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, json: { type: 'string' } } });
const dir = path.resolve(values.dir!);
if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir} has no index.html: build first (npm run build)`);
if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);

const KB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

type Kind = 'html' | 'css' | 'js' | 'other';
interface Asset {
  url: string;
  kind: Kind;
  gzip: number;
}
interface PageBudget {
  type: string;
  name: string;
  page: string;
  html: number;
  css: number;
  js: number;
  other: number;
  requests: number;
  largest: Asset | undefined;
  scripts: Asset[];
}

function kindOf(resourceType: string, pathname: string): Kind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet' || pathname.endsWith('.css')) return 'css';
  if (resourceType === 'script' || /\.m?js$/.test(pathname)) return 'js';
  return 'other';
}

/** The gzip size of a response, from the built file (what a static host would send compressed). */
function gzipSize(pathname: string): number {
  let file = path.join(dir, decodeURIComponent(pathname));
  if (pathname.endsWith('/')) file = path.join(file, 'index.html');
  return existsSync(file) ? gzipSync(readFileSync(file)).length : 0;
}

const site = await serveSite(dir);
const types = pageTypes(listPages(dir));
const budgets: PageBudget[] = [];
const browser = await launchChromium();
try {
  for (const type of types) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const assets: Asset[] = [];
    page.on('requestfinished', (request) => {
      const url = new URL(request.url());
      if (url.origin !== site.origin) return;
      assets.push({ url: url.pathname, kind: kindOf(request.resourceType(), url.pathname), gzip: gzipSize(url.pathname) });
    });
    await page.goto(site.url(type.sample), { waitUntil: 'load' });
    await page.waitForLoadState('networkidle').catch(() => {});
    await context.close();
    const sum = (kind: Kind) => assets.filter((a) => a.kind === kind).reduce((n, a) => n + a.gzip, 0);
    budgets.push({
      type: type.type,
      name: type.name,
      page: type.sample,
      html: sum('html'),
      css: sum('css'),
      js: sum('js'),
      other: sum('other'),
      requests: assets.length,
      largest: assets.toSorted((a, b) => b.gzip - a.gzip)[0],
      scripts: assets.filter((a) => a.kind === 'js'),
    });
  }
} finally {
  await browser.close();
}

console.log(`\nBudgets per page type (first visit, gzip, from ${path.relative(process.cwd(), dir) || dir}/)\n`);
console.log('| page type | sample | HTML | CSS | JS | other | requests | largest asset |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const b of budgets) {
  console.log(`| ${b.name} | ${b.page} | ${KB(b.html)} | ${KB(b.css)} | ${KB(b.js)} | ${KB(b.other)} | ${b.requests} | ${b.largest ? `${b.largest.url} (${KB(b.largest.gzip)})` : '—'} |`);
}

// ——— Lighthouse: mobile (its default), simulated throttling ———
const lighthousePages = [
  types.find((t) => t.type === '/'),
  types.find((t) => t.type === '/counties/*/'),
  types.find((t) => t.type.startsWith('/embed/')),
].filter((t) => t !== undefined);

/** The first few elements or URLs an audit names, for the report. */
function where(details: unknown): string {
  const items = ((details as { items?: Record<string, unknown>[] } | undefined)?.items ?? []).slice(0, 4);
  const names = items.map((i) => (i.node as { selector?: string } | undefined)?.selector ?? (typeof i.url === 'string' ? i.url : typeof i.description === 'string' ? i.description : '')).filter(Boolean);
  return names.length ? ` (${names.join('; ')})` : '';
}

interface Scores {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Accessibility and best-practice audits that did not pass, by id. */
  failed: string[];
}
const scores: Scores[] = [];
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: [...CHROMIUM_ARGS, '--headless=new'] });
try {
  for (const type of lighthousePages) {
    const result = await lighthouse(site.url(type.sample), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${type.sample}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    scores.push({
      page: `${type.name} ${type.sample}`,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      lcpMs: audits['largest-contentful-paint'].numericValue ?? NaN,
      cls: audits['cumulative-layout-shift'].numericValue ?? NaN,
      tbtMs: audits['total-blocking-time'].numericValue ?? NaN,
      failed: ['accessibility', 'best-practices'].flatMap((c) =>
        (categories[c]?.auditRefs ?? []).filter((r) => r.weight > 0 && audits[r.id].score !== null && audits[r.id].score! < 1).map((r) => `${c}: ${r.id}${where(audits[r.id].details)}`),
      ),
    });
  }
} finally {
  chrome.kill();
  await site.close();
}

console.log('\nLighthouse (mobile, simulated throttling)\n');
console.log('| page | performance | accessibility | best practices | LCP | CLS | TBT |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const s of scores) {
  console.log(`| ${s.page} | ${s.performance} | ${s.accessibility} | ${s.bestPractices} | ${(s.lcpMs / 1000).toFixed(2)} s | ${s.cls.toFixed(3)} | ${Math.round(s.tbtMs)} ms |`);
}

for (const s of scores) if (s.failed.length) console.log(`  ${s.page} — not passed: ${s.failed.join(', ')}`);

// ——— Targets: reported, not enforced ———
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const county = budgets.find((b) => b.type === '/counties/*/');
console.log('\nTargets');
if (county) console.log(`  ${mark(county.js <= 60 * 1024)} county story JavaScript ≤ 60 KB gzip (map included): ${KB(county.js)}`);
for (const s of scores) {
  console.log(`  ${mark(s.cls === 0)} CLS 0 on ${s.page}: ${s.cls.toFixed(3)}`);
  console.log(`  ${mark(s.performance >= 95)} Lighthouse mobile performance ≥ 95 on ${s.page}: ${s.performance}`);
}
if (county) {
  console.log(`  County story scripts (charts must ship none; only the map's): ${county.scripts.length ? '' : 'none'}`);
  for (const a of county.scripts) console.log(`    ${a.url} ${KB(a.gzip)}`);
}

if (values.json) {
  writeFileSync(values.json, JSON.stringify({ budgets, lighthouse: scores }, null, 2) + '\n');
  console.log(`\nWrote ${values.json}`);
}

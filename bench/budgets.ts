/**
 * Byte budgets: for one page of every type in the build, what a first visit
 * downloads in Chromium — HTML, CSS and JS bytes gzipped, number of requests,
 * the largest asset — printed as a table.
 *
 *   npm run budgets                       builds, then measures dist/
 *   node bench/budgets.ts --dir <folder>  measures an existing build
 *   … --json <file>                       also writes the numbers as JSON
 *
 * Targets (issue 6), shown as ✓/✗, and the exit code is 1 when one is missed:
 * a county story ships no chart JavaScript and at most 60 KB gzip of
 * JavaScript with its map. (Lighthouse scores were dropped with the 152 MB
 * package: they asserted nothing; accessibility is the a11y suite's job.)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_PATH, launchChromium } from '../tests/browser/chromium.ts';
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
  await site.close();
}

console.log(`\nBudgets per page type (first visit, gzip, from ${path.relative(process.cwd(), dir) || dir}/)\n`);
console.log('| page type | sample | HTML | CSS | JS | other | requests | largest asset |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const b of budgets) {
  console.log(
    `| ${b.name} | ${b.page} | ${KB(b.html)} | ${KB(b.css)} | ${KB(b.js)} | ${KB(b.other)} | ${b.requests} | ${b.largest ? `${b.largest.url} (${KB(b.largest.gzip)})` : '—'} |`,
  );
}

// ——— Targets: a miss sets the exit code ———
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const county = budgets.find((b) => b.type === '/counties/*/');
if (!county) throw new Error(`no county story in ${dir}: nothing to check the targets on`);
// The map's own client script is allowed; anything else on a story page is chart JavaScript.
const chartScripts = county.scripts.filter((a) => !/map/i.test(a.url));
const targets = [
  { ok: county.js <= 60 * 1024, what: `county story JavaScript ≤ 60 KB gzip (map included): ${KB(county.js)}` },
  { ok: chartScripts.length === 0, what: `county story ships no chart JavaScript: ${chartScripts.map((a) => a.url).join(', ') || 'none'}` },
];
console.log('\nTargets');
for (const t of targets) console.log(`  ${mark(t.ok)} ${t.what}`);
console.log(`  County story scripts: ${county.scripts.length ? '' : 'none'}`);
for (const a of county.scripts) console.log(`    ${a.url} ${KB(a.gzip)}`);

if (values.json) {
  writeFileSync(values.json, JSON.stringify({ budgets }, null, 2) + '\n');
  console.log(`\nWrote ${values.json}`);
}
if (targets.some((t) => !t.ok)) process.exitCode = 1;

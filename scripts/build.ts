/**
 * The atomic build: Astro builds into a staging folder beside the output,
 * and only a successful build replaces the output. A failed build (bad
 * data, a missing figure, a broken page) leaves the previous site exactly
 * as it was, so a deploy never ships half a site and an author never loses
 * the last good one.
 *
 *   npm run build                       → dist/
 *   node scripts/build.ts --out <dir>   → <dir> (the tests build into a temp folder)
 *   npm run build -- --verbose          → Astro's whole log as it runs
 *   npm run build -- --force            → every page rendered, none copied from the last build
 *
 * Astro renders again only the pages whose inputs or code changed since the
 * last build and copies the rest from its cache in node_modules/.astro/
 * (incremental build, src/publishing/page-keys.ts).
 *
 * The terminal gets a short summary (scripts/build-report.ts); Astro's log is
 * kept in node_modules/.cache/county-stories/last-build.log.
 *
 * After Astro, Pagefind indexes the staged site (src/publishing/search.ts); a failure
 * there fails the build the same way.
 *
 * Ctrl-C (SIGINT) or SIGTERM stops Astro, removes the staging folder and
 * leaves the output as it was.
 *
 * Exit code: Astro's, when it fails; 1 when indexing fails; 130 / 143 when
 * interrupted; 0 otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataError } from '#/authoring/errors.ts';
import { BUILD_CACHE_IN_ROOT } from '#/publishing/build-cache.ts';
import { prunePngCache } from '#/publishing/png/cache.ts';
import { DRAWN_FILE, medianCpuMs, readDrawnImages } from '#/publishing/png/svg-to-png.ts';
import { PNG_WIDTH } from '#/publishing/graphic-files.ts';
import { readRedirects, redirectsOverLivePages } from '#/publishing/published-urls.ts';
import { buildSearchIndex } from '#/publishing/search.ts';
import { placeholderWarning, publicAddress, siteUrlRequired } from '#/publishing/public-address.ts';
import { errorSection, problemLines, successSummary } from './build-report.ts';

// --verbose: Astro's whole log in the terminal, as it runs. Otherwise it goes to LOG_FILE and a summary is printed.
const { values } = parseArgs({
  options: { out: { type: 'string', default: 'dist' }, verbose: { type: 'boolean', default: false }, force: { type: 'boolean', default: false } },
});
const LOG_FILE = `${BUILD_CACHE_IN_ROOT}/last-build.log`;
/**
 * Astro's record of the last build's page keys (its incremental build: node_modules/astro/dist/core/build/incremental.js).
 * Astro overwrites a page's cached copy as soon as it renders it, but writes this record only when every
 * page is done: after a build that failed or was stopped midway, an old record could vouch for a copy
 * rendered from newer inputs (say, an edit then undone). So a build that does not finish removes it,
 * and the next build renders every page.
 */
const INCREMENTAL_RECORD = 'node_modules/.astro/incremental-build.json';
const forgetIncrementalRecord = () => rmSync(INCREMENTAL_RECORD, { force: true });
const out = path.resolve(values.out!);
// Same parent folder, so the final rename never crosses file systems. `.dist-*` is git-ignored.
const staging = path.join(path.dirname(out), `.dist-staging-${process.pid}`);
const retired = path.join(path.dirname(out), `.dist-retired-${process.pid}`);

// Interrupted: stop the step that is running, Astro or Pagefind (a Ctrl-C in a terminal reaches it too;
// a `kill` only reaches us), wait for it so it writes nothing more into the staging folder, remove that,
// and leave the output alone.
let running: ChildProcess | undefined;
const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
for (const signal of Object.keys(SIGNAL_CODES) as (keyof typeof SIGNAL_CODES)[]) {
  process.once(signal, () => {
    const stop = () => {
      rmSync(staging, { recursive: true, force: true });
      forgetIncrementalRecord();
      console.error(`\nBuild interrupted (${signal}): ${path.relative(process.cwd(), out) || out} was not changed.`);
      process.exit(SIGNAL_CODES[signal]);
    };
    if (running && running.exitCode === null && running.signalCode === null) {
      running.once('exit', stop);
      running.kill(signal);
    } else {
      stop();
    }
  });
}

// The public address first: a deploy that would publish links to the placeholder stops here (REQUIRE_SITE_URL=1).
let address: ReturnType<typeof publicAddress>;
try {
  address = publicAddress();
} catch (error) {
  console.error(`Build not started: ${(error as Error).message}`);
  process.exit(1);
}
if (address.placeholder && siteUrlRequired()) {
  console.error(`Build not started (REQUIRE_SITE_URL=1):\n${placeholderWarning()}`);
  process.exit(1);
}

const astro = path.resolve('node_modules/astro/bin/astro.mjs');
/**
 * The allocators of Astro's process, which read these once when they load (so
 * they are set here, for the child, not in Astro's config). A value already in
 * the environment wins.
 * - glibc: by default it may give each thread (the PNG workers among them)
 *   arenas of its own, up to 8 per core, and memory freed in them stays
 *   resident; with two, the render phase at N = 100 held about a quarter less
 *   at the same CPU per image (BENCHMARKS.md, "Memory").
 * - mimalloc, linked into Vite's bundler (rolldown) and Astro's compiler:
 *   it hands freed memory back only when a thread allocates again 10 ms
 *   later, and the bundler's threads are done by then, so what they freed
 *   stayed resident through the whole render (300 MB at 1,000 counties).
 *   0 hands it back at once. And where the system overcommits memory (Linux),
 *   mimalloc commits its 1 GiB arenas up front, and what it purges from them
 *   stays resident: the bundler's arena still held about 200 MB through the
 *   render of the real site. Committed as needed (ARENA_EAGER_COMMIT=0) it
 *   goes back: at most 660 → 510 MB resident (two builds each). resvg's copy
 *   keeps its freed memory a little longer (src/publishing/png/resvg.ts).
 */
const ASTRO_MALLOC = { MALLOC_ARENA_MAX: '2', MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ARENA_EAGER_COMMIT: '0' };
const started = new Date();
// Written anew by the images this build draws (src/publishing/png/svg-to-png.ts): none drawn, no file.
rmSync(DRAWN_FILE, { force: true });
let log = '';
const code = await new Promise<number>((resolve) => {
  const astroProcess = (running = spawn(process.execPath, [astro, 'build', '--outDir', staging, ...(values.force ? ['--force'] : [])], {
    // Always a production build: a NODE_ENV inherited from the caller (Vitest sets "test") would make Vite
    // build in development mode, where import.meta.env.DEV is true and the site differs from a deploy's.
    // No telemetry: a build sends nothing to a third party, and an endpoint that is slow or blocked where
    // the site is built (mainland China) must not hold a build up.
    env: { ...ASTRO_MALLOC, ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
    // Piped even with --verbose (then also passed on as it comes): the summary and the PNG cache's
    // pruning read the log (how many files the build copied from the last one).
    stdio: ['inherit', 'pipe', 'pipe'],
  }));
  astroProcess.stdout?.on('data', (d) => {
    log += d;
    if (values.verbose) process.stdout.write(d);
  });
  astroProcess.stderr?.on('data', (d) => {
    log += d;
    if (values.verbose) process.stderr.write(d);
  });
  astroProcess.on('close', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
});
const shownOut = path.relative(process.cwd(), out) || out;
const saveLog = () => {
  if (values.verbose) return '';
  mkdirSync(path.dirname(LOG_FILE), { recursive: true });
  writeFileSync(LOG_FILE, log);
  return ` Astro's full log: ${LOG_FILE}`;
};

/** The error messages, then one "[ERROR] …" line per problem, last, where a terminal leaves them in view. */
const fail = (exitCode: number, extra: string[] = []) => {
  rmSync(staging, { recursive: true, force: true });
  forgetIncrementalRecord();
  const saved = saveLog();
  if (!values.verbose) console.error(errorSection(log).join('\n').trim());
  for (const line of extra) console.error(line);
  const problems = [...problemLines(log), ...extra.map((l) => `[ERROR] ${l.split('\n')[0]}`)];
  console.error(`\nBuild failed: ${shownOut} was not changed.${saved}`);
  if (problems.length) console.error(`${problems.length} problem${problems.length > 1 ? 's' : ''}:\n${problems.join('\n')}`);
  process.exit(exitCode);
};
if (code !== 0) {
  // Astro's own message for a redirect over a page names neither the file nor the key: say which.
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  let explained: DataError[] = [];
  try {
    explained = redirectsOverLivePages(plain, readRedirects(process.cwd()));
  } catch {
    // An invalid redirects file: Astro has already said so, naming it.
  }
  if (explained.length) console.error(`\n${DataError.combine(explained).message}`);
  fail(code);
}

// The search index, once Astro has exited and freed its memory (src/publishing/search.ts).
let indexed = '';
try {
  const pages = await buildSearchIndex(staging, (pagefind) => (running = pagefind));
  indexed = Object.entries(pages)
    .map(([lang, n]) => `${n} pages (${lang})`)
    .join(', ');
  // As it happens, for whoever follows the log (npm run bench times the swap that follows from here).
  if (values.verbose) console.log(`Pagefind indexed ${indexed}`);
} catch (error) {
  fail(1, [String(error instanceof Error ? error.message : error)]);
}

// Two renames: the old site is moved aside, then the new one takes its place.
if (existsSync(out)) renameSync(out, retired);
renameSync(staging, out);
rmSync(retired, { recursive: true, force: true });

/** How many images this build drew (the rest came from the PNG cache or the last build) and their CPU. */
function drawnReport(): string | undefined {
  const drawn = readDrawnImages();
  if (!drawn) return undefined;
  const download = medianCpuMs(drawn, PNG_WIDTH);
  return `${drawn.length} images drawn: median ${medianCpuMs(drawn)!.toFixed(1)} ms CPU each${download === undefined ? '' : `, ${download.toFixed(1)} ms at ${PNG_WIDTH} px`}`;
}
const summary = successSummary(log);
// Only after a success that rendered every page: a failed build may not have reached every image, and
// an incremental one copied pages (and their images) without asking the PNG cache for them.
const pruned = summary.copied ? 0 : prunePngCache(started);
const seconds = ((Date.now() - started.getTime()) / 1000).toFixed(1);
console.log(
  [
    summary.checked && `Checked ${summary.checked}`,
    summary.pages && `${summary.pages}; ${summary.images} images`,
    summary.copied && `${summary.copied} files copied from the last build (unchanged inputs)`,
    drawnReport(),
    `Search index: ${indexed}`,
    pruned > 0 && `PNG cache: ${pruned} image(s) no longer on the site removed`,
    ...summary.warnings,
    `Site written to ${shownOut} in ${seconds} s.${saveLog()}`,
  ]
    .filter(Boolean)
    .join('\n'),
);
// Last, where it stays in view.
if (address.placeholder) console.warn(`\n[WARN] ${placeholderWarning().replace('\n', '\n       ')}`);

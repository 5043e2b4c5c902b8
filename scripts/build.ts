/**
 * The atomic build: Astro builds into a staging folder beside the output,
 * and only a successful build replaces the output. A failed build (bad
 * data, a missing figure, a broken page) leaves the previous site exactly
 * as it was, so a deploy never ships half a site and an author never loses
 * the last good one.
 *
 *   npm run build                       → dist/
 *   node scripts/build.ts --out <dir>   → <dir> (the tests build into a temp folder)
 *
 * After Astro, Pagefind indexes the staged site (src/search.ts); a failure
 * there fails the build the same way.
 *
 * Ctrl-C (SIGINT) or SIGTERM stops Astro, removes the staging folder and
 * leaves the output as it was.
 *
 * Exit code: Astro's, when it fails; 1 when indexing fails; 130 / 143 when
 * interrupted; 0 otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataError } from '../src/errors.ts';
import { prunePngCache } from '../src/png-cache.ts';
import { readRedirects, redirectsOverLivePages } from '../src/published-urls.ts';
import { buildSearchIndex } from '../src/search.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = path.resolve(values.out!);
// Same parent folder, so the final rename never crosses file systems. `.dist-*` is git-ignored.
const staging = path.join(path.dirname(out), `.dist-staging-${process.pid}`);
const retired = path.join(path.dirname(out), `.dist-retired-${process.pid}`);

// Interrupted: stop Astro (a Ctrl-C in a terminal reaches it too; a `kill` only reaches us), wait
// for it so it writes nothing more into the staging folder, remove that, and leave the output alone.
let astroProcess: ChildProcess | undefined;
const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
for (const signal of Object.keys(SIGNAL_CODES) as (keyof typeof SIGNAL_CODES)[]) {
  process.once(signal, () => {
    const stop = () => {
      rmSync(staging, { recursive: true, force: true });
      console.error(`\nBuild interrupted (${signal}): ${path.relative(process.cwd(), out) || out} was not changed.`);
      process.exit(SIGNAL_CODES[signal]);
    };
    if (astroProcess && astroProcess.exitCode === null && astroProcess.signalCode === null) {
      astroProcess.once('exit', stop);
      astroProcess.kill(signal);
    } else {
      stop();
    }
  });
}

const astro = path.resolve('node_modules/astro/bin/astro.mjs');
const started = new Date();
// Astro's output is passed through as it comes, and its tail kept to explain a failure in the authors' terms.
let astroTail = '';
const code = await new Promise<number>((resolve) => {
  astroProcess = spawn(process.execPath, [astro, 'build', '--outDir', staging], {
    stdio: ['inherit', 'pipe', 'pipe'],
    env: process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1', ...process.env } : process.env,
  });
  for (const [stream, to] of [[astroProcess.stdout!, process.stdout], [astroProcess.stderr!, process.stderr]] as const) {
    stream.on('data', (chunk: Buffer) => {
      to.write(chunk);
      astroTail = (astroTail + chunk.toString('utf8')).slice(-65_536);
    });
  }
  astroProcess.on('close', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
});

const fail = (exitCode: number) => {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed: ${path.relative(process.cwd(), out) || out} was not changed.`);
  process.exit(exitCode);
};
if (code !== 0) {
  const plain = astroTail.replace(/\x1b\[[0-9;]*m/g, '');
  let explained: DataError[] = [];
  try {
    explained = redirectsOverLivePages(plain, readRedirects(process.cwd()));
  } catch {
    // An invalid redirects file: Astro has already said so, naming it.
  }
  if (explained.length) console.error(`\n${DataError.combine(explained).message}`);
  fail(code);
}

// The search index, once Astro has exited and freed its memory (src/search.ts).
try {
  const pages = await buildSearchIndex(staging);
  console.log(`Pagefind indexed ${Object.entries(pages).map(([lang, n]) => `${n} pages (${lang})`).join(', ')}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  fail(1);
}

// Two renames: the old site is moved aside, then the new one takes its place.
if (existsSync(out)) renameSync(out, retired);
renameSync(staging, out);
rmSync(retired, { recursive: true, force: true });
console.log(`Site written to ${path.relative(process.cwd(), out) || out}`);

// Only after a success: a failed build may not have reached every image.
const pruned = prunePngCache(started);
if (pruned) console.log(`PNG cache: ${pruned} image(s) no longer on the site removed`);

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
 * Exit code: Astro's, when it fails; 1 when indexing fails; 0 otherwise.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prunePngCache } from '../src/png-cache.ts';
import { buildSearchIndex } from '../src/search.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = path.resolve(values.out!);
// Same parent folder, so the final rename never crosses file systems. `.dist-*` is git-ignored.
const staging = path.join(path.dirname(out), `.dist-staging-${process.pid}`);
const retired = path.join(path.dirname(out), `.dist-retired-${process.pid}`);

const astro = path.resolve('node_modules/astro/bin/astro.mjs');
const started = new Date();
const code = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, [astro, 'build', '--outDir', staging], { stdio: 'inherit' });
  child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
});

const fail = (exitCode: number) => {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed: ${path.relative(process.cwd(), out) || out} was not changed.`);
  process.exit(exitCode);
};
if (code !== 0) fail(code);

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

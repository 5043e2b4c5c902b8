/**
 * resvg-js, loaded with its memory allocator told to keep freed memory for a
 * second.
 *
 * resvg-js allocates with mimalloc, which hands freed memory back to the
 * system after 10 ms (its `purge_delay`). A 1,280-px image's pixels are about
 * 10 MB, and on this site's build machines touching memory the system has just
 * handed over costs more than drawing into it (BENCHMARKS.md, "One PNG"): each
 * image paid for fresh pages again. Kept, the next image, a few milliseconds
 * later, reuses them: CPU per chart PNG about 90 → 50 ms, map 195 → 78 ms,
 * social card 54 → 34 ms, the same bytes. Kept for a second rather than for
 * good (-1), what no image has reused by then goes back: a cold build at
 * 300 counties peaked 220 MB lower (1,771 → 1,552 MB) at the same CPU per
 * image (44.3 → 44.2 ms median over 6,274 images).
 *
 * mimalloc reads its options from the environment once, when the library is
 * first loaded in the process; so the variable is set here, just for the
 * require below, in the thread that loads it first (the build's main thread:
 * svg-to-png.ts imports render.ts), and put back after. Other libraries
 * link copies of mimalloc of their own (Vite's bundler, Astro's compiler),
 * which read it when they load: the build asks those to hand memory back at
 * once (scripts/build.ts).
 */
import { createRequire } from 'node:module';

const setBefore = process.env.MIMALLOC_PURGE_DELAY;
process.env.MIMALLOC_PURGE_DELAY = '1000';

const require = createRequire(import.meta.url);
export const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');

if (setBefore === undefined) delete process.env.MIMALLOC_PURGE_DELAY;
else process.env.MIMALLOC_PURGE_DELAY = setBefore;

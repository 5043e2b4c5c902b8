/**
 * What one PNG costs: `npm run bench:png`.
 *
 * Takes the SVGs the site really draws to PNG (chart and map downloads at
 * 1,280 px, social cards at 1,200 px), dumped by a build run with
 * PNG_SVG_DUMP=<folder> (src/publishing/png/svg-to-png.ts; this script runs
 * that build, with --force so every page is rendered, when the folder is
 * missing or with --dump), and draws each one the way the site does (its
 * resvg module, allocator setting included) and with the alternatives
 * measured, reporting per kind of image: CPU milliseconds per image (median
 * over the runs; before: font subset, SVG parse + text layout, rasterise;
 * now: text set as glyphs, a subset only for text left as text, unclip
 * check, parse, rasterise; and encode), output bytes, and the pixel
 * difference from the old renderer (the SVG as it is, its text laid out by
 * resvg in font subsets, resvg's own RGBA `asPng()`). "whole image" adds up
 * the phases: before, subset + parse + rasterise + asPng; otherwise the
 * site's way (src/publishing/png/render.ts) with that row's encoder.
 *
 * CPU time (process.cpuUsage: user + system, every thread of this process),
 * not wall time: the machine is shared. Single thread, images one after
 * another, with a minor GC and an event-loop turn between images as in the
 * build's workers (src/publishing/png/worker.ts); each run draws every image
 * once, in turn, so no image follows itself. The load average is printed.
 *
 *   npm run bench:png                        # every dumped SVG, 5 runs each
 *   npm run bench:png -- --runs=3 --limit=6  # 6 images per kind
 *   npm run bench:png -- --dump              # re-dump the SVGs first (a build)
 *   npm run bench:png -- --encoders          # also: other encoder settings, sharp
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { constants } from 'node:zlib';
import { PNG } from 'pngjs';
import { Resvg } from '#/publishing/png/resvg.ts';
import { fontsForText, markCjkRuns, resvgOptions, setInGlyphs, subsetFontFiles, unclipNestedSvgs } from '#/publishing/png/render.ts';
import { ENCODE, encodeOpaquePng, type EncodeOptions } from '#/publishing/png/encode.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'bench/.png-svgs' },
    runs: { type: 'string', default: '5' },
    limit: { type: 'string', default: '1000' },
    dump: { type: 'boolean', default: false },
    encoders: { type: 'boolean', default: false },
  },
});
const dir = path.resolve(values.dir);
const runs = Number(values.runs);

if (values.dump || !existsSync(dir)) {
  rmSync(dir, { recursive: true, force: true });
  console.log(`Dumping the SVGs the site draws to PNG into ${path.relative(process.cwd(), dir)} (a build with PNG_SVG_DUMP)…`);
  execFileSync('npm', ['run', 'build', '--', '--force'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PNG_SVG_DUMP: dir } });
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options: { type: 'minor' | 'major' }) => void;
const turn = () => new Promise((resolve) => setImmediate(resolve));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function timed<T>(f: () => T): [T, number] {
  const start = cpu();
  const result = f();
  return [result, cpu() - start];
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

type Kind = 'chart' | 'map' | 'card';
const kindOf = (name: string, svg: string): Kind => (name.startsWith('1200-') ? 'card' : /class="ch"/.test(svg) ? 'chart' : 'map');
const images = readdirSync(dir)
  .filter((f) => f.endsWith('.svg'))
  .sort()
  .map((name) => {
    const svg = readFileSync(path.join(dir, name), 'utf8');
    return { name, svg, width: Number(name.split('-')[0]), kind: kindOf(name, svg) };
  });
const kinds: Kind[] = ['chart', 'map', 'card'];
const chosen = kinds.flatMap((k) => images.filter((i) => i.kind === k).slice(0, Number(values.limit)));

/** A way to turn the rendered image into PNG bytes. */
interface Encoder {
  name: string;
  encode(image: { pixels: Buffer; width: number; height: number; asPng(): Buffer }): Buffer | Promise<Buffer>;
}
const zlibEncoder = (name: string, options: EncodeOptions): Encoder => ({ name, encode: (i) => encodeOpaquePng(i.pixels, i.width, i.height, options) });
const encoders: Encoder[] = [
  { name: 'before: resvg asPng (RGBA)', encode: (i) => i.asPng() },
  zlibEncoder(`site: ${ENCODE.palette ? 'palette (≤ 256 colours) or ' : ''}RGB, zlib ${ENCODE.level}, filter ${ENCODE.filter}`, ENCODE),
  zlibEncoder(`RGB only, zlib ${ENCODE.level}, filter ${ENCODE.filter}`, { ...ENCODE, palette: false }),
];
if (values.encoders) {
  for (const [level, filter] of [
    [1, 0],
    [1, 2],
    [4, 0],
    [6, 0],
    [6, 1],
    [6, 2],
    [9, 0],
  ] as const)
    encoders.push(zlibEncoder(`RGB, zlib ${level}, filter ${filter}`, { level, filter, palette: false }));
  encoders.push(zlibEncoder('RGB, zlib RLE, filter 2', { level: 6, filter: 2, strategy: constants.Z_RLE, palette: false }));
  for (const level of [1, 4, 9]) encoders.push(zlibEncoder(`palette or RGB, zlib ${level}`, { ...ENCODE, level }));
  const sharp = (await import('sharp')).default;
  sharp.concurrency(1);
  for (const [level, palette] of [
    [6, false],
    [1, false],
    [6, true],
  ] as const)
    encoders.push({
      name: `sharp: ${palette ? 'palette (lossy)' : 'RGB'}, level ${level}, adaptive filter`,
      encode: (i) =>
        sharp(i.pixels, { raw: { width: i.width, height: i.height, channels: 4 } })
          .removeAlpha()
          .png({ compressionLevel: level, adaptiveFiltering: !palette, palette })
          .toBuffer(),
    });
}

/** Pixels that differ from the old output: share of pixels with any channel different, and the largest channel difference. */
function difference(a: Buffer, b: Buffer) {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) return { share: 1, max: 255 };
  let differing = 0;
  let max = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    let d = 0;
    for (let c = 0; c < 4; c++) d = Math.max(d, Math.abs(x.data[i + c] - y.data[i + c]));
    if (d) differing++;
    max = Math.max(max, d);
  }
  return { share: differing / (x.width * x.height), max };
}

const load = loadavg();
console.log(
  `${chosen.length} images (${kinds.map((k) => `${chosen.filter((i) => i.kind === k).length} ${k}s`).join(', ')}), ${runs} runs each; load average ${load.map((l) => l.toFixed(1)).join(' ')} on this machine`,
);

interface Sample {
  subset: number[];
  parse: number[];
  rasterise: number[];
  glyphs: number[];
  subsetNow: number[];
  unclip: number[];
  parseNow: number[];
  rasteriseNow: number[];
  encode: number[][];
  bytes: number[];
  diff: { share: number; max: number }[];
  type: number[];
}
// Each run draws every image once, in turn, as a build's worker does: an image never follows itself,
// so nothing one image leaves behind (resvg's memory, the font subsets just made) flatters the next.
const perImage = chosen.map((): Sample => ({
  subset: [],
  parse: [],
  rasterise: [],
  glyphs: [],
  subsetNow: [],
  unclip: [],
  parseNow: [],
  rasteriseNow: [],
  encode: encoders.map(() => []),
  bytes: [],
  diff: [],
  type: [],
}));
const before: Buffer[] = [];
for (let run = 0; run < runs; run++) {
  for (const [n, image] of chosen.entries()) {
    const s = perImage[n];
    const [fonts, subset] = timed(() => subsetFontFiles(image.svg));
    const options = resvgOptions(fonts, image.width);
    const marked = markCjkRuns(image.svg);
    // Before: the SVG as it is, charts clipped to their own <svg>.
    const [resvg, parse] = timed(() => new Resvg(marked, options));
    const [old, rasterise] = timed(() => resvg.render());
    // Now (src/publishing/png/render.ts): text set as glyph outlines, subsets only for text left as text,
    // charts unclipped where that changes no pixel.
    const [outlined, glyphs] = timed(() => setInGlyphs(image.svg));
    const [fontsNow, subsetNow] = timed(() => fontsForText(outlined));
    const optionsNow = resvgOptions(fontsNow, image.width);
    const [unclipped, unclip] = timed(() => unclipNestedSvgs(markCjkRuns(outlined), optionsNow));
    const [resvgNow, parseNow] = timed(() => new Resvg(unclipped, optionsNow));
    const [rendered, rasteriseNow] = timed(() => resvgNow.render());
    Object.entries({ subset, parse, rasterise, glyphs, subsetNow, unclip, parseNow, rasteriseNow }).forEach(([k, v]) => (s[k as 'subset'] as number[]).push(v));
    for (const [e, encoder] of encoders.entries()) {
      const from = e === 0 ? old : rendered;
      const start = cpu();
      // `pixels` copies resvg's buffer: part of the encoder's cost.
      const png = await encoder.encode({
        get pixels() {
          return from.pixels;
        },
        width: from.width,
        height: from.height,
        asPng: () => from.asPng(),
      });
      s.encode[e].push(cpu() - start);
      if (run === 0) {
        if (e === 0) before[n] = png;
        s.bytes.push(png.length);
        s.diff.push(difference(before[n], png));
        s.type.push(png[25]);
      }
      gc({ type: 'minor' });
      await turn();
    }
  }
}
const results = new Map<Kind, Sample[]>(kinds.map((k) => [k, perImage.filter((_, n) => chosen[n].kind === k)]));

const ms = (x: number) => x.toFixed(1);
const kb = (x: number) => `${(x / 1000).toFixed(1)} kB`;
for (const kind of kinds) {
  const samples = results.get(kind);
  if (!samples?.length) continue;
  const med = (pick: (s: Sample) => number[]) => median(samples.map((s) => median(pick(s))));
  console.log(`\n${kind}s (${samples.length}): CPU ms per image, median over images of the median of ${runs} runs`);
  const m = (k: 'subset' | 'parse' | 'rasterise' | 'glyphs' | 'subsetNow' | 'unclip' | 'parseNow' | 'rasteriseNow') => median(samples.map((x) => median(x[k])));
  console.log(`  before: font subset ${ms(m('subset'))}, parse + layout ${ms(m('parse'))}, rasterise ${ms(m('rasterise'))}`);
  console.log(
    `  now:    text as glyphs ${ms(m('glyphs'))}, font subset ${ms(m('subsetNow'))}, unclip check ${ms(m('unclip'))}, parse ${ms(m('parseNow'))}, rasterise ${ms(m('rasteriseNow'))}`,
  );
  console.log('  | encoder | encode ms | whole image ms | bytes (median) | colour type | pixels differing from before (max share) | max channel difference |');
  console.log('  | --- | --- | --- | --- | --- | --- | --- |');
  for (const [e, encoder] of encoders.entries()) {
    const encode = med((s) => s.encode[e]);
    const draw = (x: Sample) =>
      e === 0
        ? median(x.subset) + median(x.parse) + median(x.rasterise)
        : median(x.glyphs) + median(x.subsetNow) + median(x.unclip) + median(x.parseNow) + median(x.rasteriseNow);
    const whole = median(samples.map((x) => draw(x) + median(x.encode[e])));
    const bytes = median(samples.map((s) => s.bytes[e]));
    const share = Math.max(...samples.map((s) => s.diff[e].share));
    const max = Math.max(...samples.map((s) => s.diff[e].max));
    console.log(
      `  | ${encoder.name} | ${ms(encode)} | ${ms(whole)} | ${kb(bytes)} | ${[...new Set(samples.map((s) => s.type[e]))].join(', ')} | ${(share * 100).toFixed(3)} % | ${max} |`,
    );
  }
}

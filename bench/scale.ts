/**
 * Scale benchmark: how the build's cost grows with the number of counties.
 *
 *   npm run bench                  N = 10, 100, 1000, 2800
 *   npm run bench -- --quick       N = 10, 100
 *   npm run bench -- --sizes=500   any sizes
 *
 * Each N is built three times, the site and the bare-Astro baseline alike:
 * cold (no caches), warm (again, with the caches the cold build left) and
 * after a one-county edit (bench/corpus.ts `editOneCounty`: one sentence of a
 * county's story and one figure's note in its dataset changed, then rebuilt
 * with the caches the warm build left; the baseline's same page edited).
 *
 *   options: --keep (leave the corpora in bench/.corpora/), --no-baseline, --no-site,
 *            --cold-only (skip the warm and edit rebuilds; --warm is accepted and is the default),
 *            --cpu-prof (write V8 CPU profiles of the build to bench/.corpora/<N>/profiles/),
 *            --patch=<file.diff> (apply a patch, made at the repo root, to each corpus's
 *            copy of the code: measures a proposed fix without touching the real files),
 *            --report=<results.json> (repeatable: print the tables of saved runs, merged by N; builds nothing)
 *
 * For each N it writes a corpus (bench/corpus.ts), runs the project's own
 * `npm run build` in it while sampling memory (bench/measure.ts), then builds
 * the same N stories as plain MDX with bare Astro (bench/baseline/) and prints
 * each figure as a ratio to the baseline's same build (cold to cold, warm to
 * warm, edit to edit). Results also go to bench/.corpora/results.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { editBaselinePage, editOneCounty, generateBaseline, generateCorpus, syntheticToken, type CorpusInfo, type CountyEdit } from './corpus.ts';
import { listFiles, measureRun, pageTypes, type PageType, type RunResult } from './measure.ts';
import { medianCpuMs, readDrawnImages } from '#/publishing/png/svg-to-png.ts';
import { successSummary } from '../scripts/build-report.ts';
import { PNG_WIDTH } from '#/publishing/graphic-files.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'bench/.corpora');

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: process.env.npm_config_quick === 'true' },
    sizes: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-baseline': { type: 'boolean', default: false },
    'no-site': { type: 'boolean', default: false },
    warm: { type: 'boolean', default: true },
    'cold-only': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    patch: { type: 'string', multiple: true, default: [] },
    report: { type: 'string', multiple: true, default: [] },
  },
});
const sizes = opts.sizes ? opts.sizes.split(',').map(Number) : opts.quick ? [10, 100] : [10, 100, 1000, 2800];

interface Phase {
  name: string;
  seconds: number;
  /** The highest memory sample of the process tree during the phase. */
  peakRssBytes: number;
}

/** The PNGs of a build: files in dist/, the images it drew (the rest came from the PNG cache or the last build), and their median CPU. */
interface Images {
  files: number;
  drawn: number;
  /** Median CPU of a drawn image, measured in its worker thread (src/publishing/png/svg-to-png.ts): all images, and the 1,280-px downloads. */
  cpuMsMedian?: number;
  cpuMs1280Median?: number;
}

interface Build extends RunResult {
  pages: number;
  images?: Images;
  /** Output files Astro's incremental build copied from the last build, and files it rendered. */
  copied: number;
  rendered: number;
  distBytes: number;
  types: PageType[];
  phases: Phase[];
  render: ReturnType<typeof renderTimes>;
}

/** Cold: no caches. Warm: the same corpus built again with the caches the cold build left. Edit: after `editOneCounty`, with the warm build's caches. */
const KINDS = ['cold', 'warm', 'edit'] as const;
type Kind = (typeof KINDS)[number];
type Builds = Partial<Record<Kind, Build>>;

interface Result {
  n: number;
  corpus: Omit<CorpusInfo, 'bodies' | 'dir'> & { seconds: number };
  edit?: CountyEdit;
  site: Builds;
  baseline: Builds;
}

/** Where the build spends its time, from the moments Astro prints its section headers. */
const PHASES: [string, RegExp][] = [
  ['start + data checks', /^/],
  ['content sync + types', /\[content\] Syncing/],
  ['bundle (vite)', /Building static entrypoints/],
  ['render pages', /generating static routes/],
  // Astro's "[build] ✓ Completed" after the routes: then the sitemap, URL check and other astro:build:done hooks.
  ['integrations (sitemap, URL check)', /\[build\] ✓ Completed in/],
  // scripts/build.ts after Astro has exited: Pagefind, then the swap into dist/, deleting the previous one, and the PNG cache pruning.
  ['search index (Pagefind)', /\[build\] Complete!/],
  ['swap, delete old dist/, prune', /^Pagefind indexed/],
];

/**
 * Render time per page type: Astro logs each route with the time since the
 * previous one finished ("├─ /counties/x/index.html (+15ms)"), so these add
 * up to the render phase. With build.concurrency > 1 several pages are in
 * flight at once: a page's figure is then its share of the wall time, not
 * its own duration.
 */
function renderTimes(lines: { text: string }[]): { pattern: string; pages: number; ms: number }[] {
  const groups = new Map<string, { pattern: string; pages: number; ms: number }>();
  for (const { text } of lines) {
    const m = /[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(text);
    if (!m) continue;
    const pattern = m[1].replace(syntheticToken, '<county>').replace(/<county>[\w-]*/g, '<county>*');
    const g = groups.get(pattern) ?? { pattern, pages: 0, ms: 0 };
    g.pages++;
    g.ms += Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    groups.set(pattern, g);
  }
  return [...groups.values()].sort((a, b) => b.ms - a.ms);
}

function phasesOf(lines: { at: number; text: string }[], memory: { at: number; bytes: number }[], total: number): Phase[] {
  const starts: { name: string; at: number }[] = [{ name: PHASES[0][0], at: 0 }];
  let from = 0;
  for (const [name, pattern] of PHASES.slice(1)) {
    const i = lines.findIndex((l, k) => k >= from && pattern.test(l.text));
    if (i === -1) continue;
    starts.push({ name, at: lines[i].at });
    from = i;
  }
  const found = new Map(starts.map((s, i) => [s.name, { from: s.at, to: starts[i + 1]?.at ?? total }]));
  return PHASES.map(([name]) => {
    const span = found.get(name);
    if (!span) return { name, seconds: 0, peakRssBytes: 0 };
    const peakRssBytes = memory.filter((m) => m.at >= span.from && m.at <= span.to).reduce((max, m) => Math.max(max, m.bytes), 0);
    return { name, seconds: span.to - span.from, peakRssBytes };
  });
}

const SITE_BUILD = 'npm run build -- --verbose';

/** `command`: the site's build with --verbose, so the log has Astro's own lines (phases, page counts, per-page times); the baseline's is plain `astro build`. */
async function build(dir: string, label: string, command = 'npm run build'): Promise<Build> {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1' };
  if (opts['cpu-prof']) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${path.join(dir, 'profiles')}`;
  const logFile = path.join(dir, 'build.log');
  const run = await measureRun(command, dir, logFile, env);
  if (run.exitCode !== 0) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${label}: the build failed (exit ${run.exitCode}); last lines of ${logFile}:\n${tail}`);
  }
  const files = listFiles(path.join(dir, 'dist'));
  const log = readFileSync(logFile, 'utf8');
  const pages = [...log.matchAll(/(\d+) page\(s\) built/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  const drawn = readDrawnImages(dir) ?? [];
  const { rendered, copied } = successSummary(log);
  const pngFiles = files.filter((f) => f.file.endsWith('.png')).length;
  return {
    ...run,
    pages,
    images:
      command === SITE_BUILD
        ? { files: pngFiles, drawn: drawn.length, cpuMsMedian: medianCpuMs(drawn), cpuMs1280Median: medianCpuMs(drawn, PNG_WIDTH) }
        : undefined,
    copied,
    rendered,
    distBytes: files.reduce((s, f) => s + f.bytes, 0),
    types: pageTypes(files, syntheticToken),
    phases: phasesOf(run.lines, run.memory, run.seconds),
    render: renderTimes(run.lines),
  };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const s = (seconds: number, digits = 1) => `${seconds.toFixed(digits)} s`;

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const dash = '—';

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? `${(a / b).toFixed(a / b < 10 ? 2 : 1)}×` : dash);

const ms = (value: number | undefined) => (value === undefined ? dash : `${value.toFixed(1)} ms`);

function summary(results: Result[]): string {
  const main = table(
    [
      'N',
      'build',
      'wall',
      'CPU',
      'peak RSS',
      'files rendered / copied',
      'PNGs (files / drawn)',
      'baseline wall',
      'baseline CPU',
      'baseline peak RSS',
      'ratio wall',
      'ratio CPU',
      'ratio peak RSS',
      'load (before / mean during)',
    ],
    results.flatMap((r) =>
      KINDS.filter((k) => r.site[k] || r.baseline[k]).map((k) => {
        const site = r.site[k];
        const base = r.baseline[k];
        const img = site?.images;
        const load = (b?: Build) => (b ? `${b.loadBefore.toFixed(1)} / ${b.loadDuring?.mean.toFixed(1) ?? dash}` : dash);
        return [
          String(r.n),
          k,
          site ? s(site.seconds) : dash,
          site ? s(site.cpuSeconds) : dash,
          site ? mb(site.peakRssBytes) : dash,
          // Runs saved before the incremental build (--report) have no counts.
          site?.rendered !== undefined ? `${site.rendered} / ${site.copied}` : dash,
          img ? `${img.files} / ${img.drawn}` : dash,
          base ? s(base.seconds) : dash,
          base ? s(base.cpuSeconds) : dash,
          base ? mb(base.peakRssBytes) : dash,
          ratio(site?.seconds, base?.seconds),
          ratio(site?.cpuSeconds, base?.cpuSeconds),
          ratio(site?.peakRssBytes, base?.peakRssBytes),
          `${load(site)}${base ? `; baseline ${load(base)}` : ''}`,
        ];
      }),
    ),
  );
  const perImage = results.some((r) => r.site.cold?.images?.drawn)
    ? table(
        [
          'N',
          'cold: CPU per image drawn (median; all / 1,280-px downloads)',
          'cold: pages',
          'cold: dist/',
          'cold: s / county',
          'cold: marginal CPU s / county',
        ],
        results.map((r, i) => {
          const cold = r.site.cold;
          const prev = results[i - 1];
          return [
            String(r.n),
            cold?.images ? `${ms(cold.images.cpuMsMedian)} / ${ms(cold.images.cpuMs1280Median)}` : dash,
            cold ? String(cold.pages) : dash,
            cold ? mb(cold.distBytes) : dash,
            cold ? (cold.seconds / r.n).toFixed(3) : dash,
            cold && prev?.site.cold ? ((cold.cpuSeconds - prev.site.cold.cpuSeconds) / (r.n - prev.n)).toFixed(3) : dash,
          ];
        }),
      )
    : '';
  const built = results.filter((r) => r.site.cold);
  const last = built.at(-1);
  const head = [
    'Each build of the site and of the bare Astro baseline, and its ratio to the baseline built the same way in the same run (cold to cold, warm to warm, edit to edit). Files rendered / copied: output files Astro rendered, and copied unchanged from the last build (incremental build). PNGs: files in dist/, and images drawn (the rest came from the PNG cache or the last build).',
    '',
    main,
    ...(perImage ? ['', perImage] : []),
  ];
  if (!last?.site.cold) return head.join('\n');
  const lastBuild = last.site.cold;
  const phases = table(
    ['N', 'build', ...lastBuild.phases.map((p) => p.name)],
    built.flatMap((r) =>
      KINDS.filter((k) => r.site[k]).map((k) => [String(r.n), k, ...r.site[k]!.phases.map((p) => `${s(p.seconds)}, peak ${mb(p.peakRssBytes ?? 0)}`)]),
    ),
  );
  const render = table(
    ['route', 'pages', 'ms / page', 'total'],
    lastBuild.render.slice(0, 15).map((r) => [`\`${r.pattern}\``, String(r.pages), (r.ms / r.pages).toFixed(1), s(r.ms / 1000)]),
  );
  const perCounty = lastBuild.types.filter((t) => t.pattern.includes('<county>')).slice(0, 20);
  const shared = lastBuild.types.filter((t) => !t.pattern.includes('<county>')).slice(0, 12);
  const types = (list: PageType[]) =>
    table(
      ['page type', 'files', 'bytes / file', 'total'],
      list.map((t) => [`\`${t.pattern}\``, String(t.files), kb(t.bytes / t.files), mb(t.bytes)]),
    );
  return [
    ...head,
    '',
    `Where the time goes (from Astro's log; the site's builds), with the peak memory of each phase:`,
    '',
    phases,
    '',
    `Render time per route at N = ${last.n}, cold (Astro's per-page timings, slowest 15):`,
    '',
    render,
    '',
    `Bytes per page type at N = ${last.n} (files of the synthetic counties; a county has several charts):`,
    '',
    types(perCounty),
    '',
    `Largest other outputs at N = ${last.n}:`,
    '',
    types(shared),
  ].join('\n');
}

/** A results.json of an earlier version of this script ({ site, warm, baseline }) in today's shape. */
function upgrade(r: Result & { warm?: Build }): Result {
  if (r.site && 'seconds' in r.site)
    return { ...r, site: { cold: r.site as unknown as Build, warm: r.warm }, baseline: r.baseline ? { cold: r.baseline as unknown as Build } : {} };
  return { ...r, site: r.site ?? {}, baseline: r.baseline ?? {} };
}

async function main() {
  if (opts.report.length) {
    const saved = opts.report.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as Result[]).map(upgrade));
    console.log(summary([...new Map(saved.map((r) => [r.n, r])).values()].sort((a, b) => a.n - b.n)));
    return;
  }
  mkdirSync(WORK, { recursive: true });
  const rebuilds = !opts['cold-only'];
  const results: Result[] = [];
  for (const n of sizes) {
    const dir = path.join(WORK, String(n));
    const t = performance.now();
    const { bodies, dir: _, ...corpus } = generateCorpus(ROOT, dir, n);
    for (const patch of opts.patch) execFileSync('patch', ['-p1', '-s', '-d', dir, '-i', path.resolve(patch)], { stdio: 'inherit' });
    const corpusSeconds = (performance.now() - t) / 1000;
    console.error(
      `N=${n}: corpus written in ${s(corpusSeconds)}: ${corpus.synthetic} synthetic counties, each with at least ${corpus.perCounty.datasets} datasets and ${corpus.perCounty.charts} charts (files: ${JSON.stringify(corpus.files)}); building…`,
    );
    const result: Result = { n, corpus: { ...corpus, seconds: corpusSeconds }, site: {}, baseline: {} };
    const said = (what: string, b: Build) =>
      console.error(
        `N=${n}: ${what} in ${s(b.seconds)} (CPU ${s(b.cpuSeconds)}), peak ${mb(b.peakRssBytes)}${b.images ? `, files rendered ${b.rendered}, copied ${b.copied}, PNGs drawn ${b.images.drawn} (median ${ms(b.images.cpuMsMedian)} CPU)` : ''}; load ${b.loadBefore.toFixed(1)} before, ${b.loadDuring.mean.toFixed(1)} during`,
      );
    if (!opts['no-site']) {
      result.site.cold = await build(dir, `site N=${n}`, SITE_BUILD);
      said(`site built cold (${result.site.cold.pages} pages)`, result.site.cold);
      if (rebuilds) {
        result.site.warm = await build(dir, `warm rebuild N=${n}`, SITE_BUILD);
        said('site rebuilt warm', result.site.warm);
        result.edit = editOneCounty(dir);
        result.site.edit = await build(dir, `one-county edit N=${n}`, SITE_BUILD);
        said(`site rebuilt after editing ${result.edit.story} and ${result.edit.dataset}`, result.site.edit);
      }
    }
    if (!opts['no-baseline']) {
      const baseDir = path.join(WORK, `baseline-${n}`);
      generateBaseline(ROOT, baseDir, bodies);
      result.baseline.cold = await build(baseDir, `baseline N=${n}`);
      said('baseline built cold', result.baseline.cold);
      if (rebuilds) {
        result.baseline.warm = await build(baseDir, `baseline warm N=${n}`);
        said('baseline rebuilt warm', result.baseline.warm);
        editBaselinePage(baseDir, result.edit?.slug ?? '');
        result.baseline.edit = await build(baseDir, `baseline edit N=${n}`);
        said('baseline rebuilt after the edit', result.baseline.edit);
      }
      if (!opts.keep) rmSync(baseDir, { recursive: true, force: true });
    }
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
    results.push(result);
    const withoutLines = (builds: Builds) => Object.fromEntries(Object.entries(builds).map(([k, b]) => [k, { ...b, lines: undefined, memory: undefined }]));
    writeFileSync(
      path.join(WORK, 'results.json'),
      JSON.stringify(
        results.map((r) => ({ ...r, site: withoutLines(r.site), baseline: withoutLines(r.baseline) })),
        null,
        2,
      ),
    );
  }
  console.log(summary(results));
}

await main();

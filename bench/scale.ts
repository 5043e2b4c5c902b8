/**
 * Scale benchmark: how the build's cost grows with the number of counties.
 *
 *   npm run bench                  N = 10, 100, 1000, 2800
 *   npm run bench -- --quick       N = 10, 100
 *   npm run bench -- --sizes=500   any sizes
 *   options: --keep (leave the corpora in bench/.corpora/), --no-baseline, --no-site,
 *            --warm (build each corpus a second time, with the caches the first build left),
 *            --cpu-prof (write V8 CPU profiles of the build to bench/.corpora/<N>/profiles/),
 *            --patch=<file.diff> (apply a patch, made at the repo root, to each corpus's
 *            copy of the code: measures a proposed fix without touching the real files),
 *            --report=<results.json> (repeatable: print the tables of saved runs, merged by N; builds nothing)
 *
 * For each N it writes a corpus (bench/corpus.ts), runs the project's own
 * `npm run build` in it while sampling memory (bench/measure.ts), then builds
 * the same N stories as plain MDX with bare Astro (bench/baseline/) and prints
 * our time as a ratio to that. Results also go to bench/.corpora/results.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateBaseline, generateCorpus, syntheticToken, type CorpusInfo } from './corpus.ts';
import { listFiles, measureRun, pageTypes, type PageType, type RunResult } from './measure.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'bench/.corpora');

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: process.env.npm_config_quick === 'true' },
    sizes: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-baseline': { type: 'boolean', default: false },
    'no-site': { type: 'boolean', default: false },
    warm: { type: 'boolean', default: false },
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

interface Build extends RunResult {
  pages: number;
  distBytes: number;
  types: PageType[];
  phases: Phase[];
  render: ReturnType<typeof renderTimes>;
}

interface Result {
  n: number;
  corpus: Omit<CorpusInfo, 'bodies' | 'dir'> & { seconds: number };
  site?: Build;
  /** The same corpus built again: content-keyed caches (rendered PNGs …) are warm. */
  warm?: Build;
  baseline?: Build;
}

/** Where the build spends its time, from the moments Astro prints its section headers. */
const PHASES: [string, RegExp][] = [
  ['start + data checks', /^/],
  ['content sync + types', /\[content\] Syncing/],
  ['bundle (vite)', /Building static entrypoints/],
  ['render pages', /generating static routes/],
  // Astro's "[build] ✓ Completed" after the routes: then the sitemap, URL check and other astro:build:done hooks.
  ['integrations (sitemap, URL check)', /\[build\] ✓ Completed in/],
  // scripts/build.ts after Astro has exited: Pagefind, then the swap into dist/ and the PNG cache pruning.
  ['search index (Pagefind)', /\[build\] Complete!/],
  ['swap + cache prune', /^Pagefind indexed/],
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
  return {
    ...run,
    pages,
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

function summary(results: Result[]): string {
  const main = table(
    [
      'N',
      'pages',
      'build (wall)',
      'CPU',
      's / county',
      'marginal s / county',
      'marginal CPU s / county',
      'peak RSS',
      'dist/',
      'baseline (wall)',
      'baseline CPU',
      'ratio',
      'CPU ratio',
      'baseline peak RSS',
      'load before',
    ],
    results.map((r, i) => {
      const { site, baseline: base } = r;
      const prev = results[i - 1]?.site;
      const marginal = site && prev ? (site.seconds - prev.seconds) / (r.n - results[i - 1].n) : undefined;
      return [
        String(r.n),
        site ? String(site.pages) : dash,
        site ? s(site.seconds) : dash,
        site ? s(site.cpuSeconds) : dash,
        site ? (site.seconds / r.n).toFixed(3) : dash,
        marginal === undefined ? dash : marginal.toFixed(3),
        site && prev ? ((site.cpuSeconds - prev.cpuSeconds) / (r.n - results[i - 1].n)).toFixed(3) : dash,
        site ? mb(site.peakRssBytes) : dash,
        site ? mb(site.distBytes) : dash,
        base ? s(base.seconds) : dash,
        base ? s(base.cpuSeconds) : dash,
        site && base ? `${(site.seconds / base.seconds).toFixed(2)}×` : dash,
        site && base ? `${(site.cpuSeconds / base.cpuSeconds).toFixed(2)}×` : dash,
        base ? mb(base.peakRssBytes) : dash,
        (site ?? base)!.loadBefore.toFixed(1),
      ];
    }),
  );
  const warm = results.some((r) => r.warm)
    ? table(
        ['N', 'warm rebuild (wall)', 'CPU', 's / county', 'ratio to baseline'],
        results
          .filter((r) => r.warm)
          .map((r) => [
            String(r.n),
            s(r.warm!.seconds),
            s(r.warm!.cpuSeconds),
            (r.warm!.seconds / r.n).toFixed(3),
            r.baseline ? `${(r.warm!.seconds / r.baseline.seconds).toFixed(2)}×` : dash,
          ]),
      )
    : '';
  const built = results.filter((r) => r.site);
  const last = built.at(-1);
  if (!last?.site) return [main, warm].join('\n\n');
  const phases = table(
    ['N', ...last.site.phases.map((p) => p.name)],
    built.map((r) => [String(r.n), ...r.site!.phases.map((p) => `${s(p.seconds)}, peak ${mb(p.peakRssBytes ?? 0)}`)]),
  );
  const render = table(
    ['route', 'pages', 'ms / page', 'total'],
    last.site.render.slice(0, 15).map((r) => [`\`${r.pattern}\``, String(r.pages), (r.ms / r.pages).toFixed(1), s(r.ms / 1000)]),
  );
  const perCounty = last.site.types.filter((t) => t.pattern.includes('<county>')).slice(0, 20);
  const shared = last.site.types.filter((t) => !t.pattern.includes('<county>')).slice(0, 12);
  const types = (list: PageType[]) =>
    table(
      ['page type', 'files', 'bytes / file', 'total'],
      list.map((t) => [`\`${t.pattern}\``, String(t.files), kb(t.bytes / t.files), mb(t.bytes)]),
    );
  return [
    main,
    '',
    ...(warm ? ['Rebuilt with the caches of the first build (images come from the content-keyed cache):', '', warm, ''] : []),
    `Where the time goes (from Astro's log; the site's build), with the peak memory of each phase:`,
    '',
    phases,
    '',
    `Render time per route at N = ${last.n} (Astro's per-page timings, slowest 15):`,
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

async function main() {
  if (opts.report.length) {
    const saved = opts.report.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as Result[]);
    console.log(summary([...new Map(saved.map((r) => [r.n, r])).values()].sort((a, b) => a.n - b.n)));
    return;
  }
  mkdirSync(WORK, { recursive: true });
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
    let site: Build | undefined;
    if (!opts['no-site']) {
      site = await build(dir, `site N=${n}`, SITE_BUILD);
      console.error(`N=${n}: site built in ${s(site.seconds)} (CPU ${s(site.cpuSeconds)}), peak ${mb(site.peakRssBytes)}, ${site.pages} pages`);
    }
    let warm: Build | undefined;
    if (site && opts.warm) {
      warm = await build(dir, `warm rebuild N=${n}`, SITE_BUILD);
      console.error(`N=${n}: rebuilt with warm caches in ${s(warm.seconds)} (CPU ${s(warm.cpuSeconds)})`);
    }
    let baseline: Build | undefined;
    if (!opts['no-baseline']) {
      const baseDir = path.join(WORK, `baseline-${n}`);
      generateBaseline(ROOT, baseDir, bodies);
      baseline = await build(baseDir, `baseline N=${n}`);
      console.error(
        `N=${n}: baseline built in ${s(baseline.seconds)} (CPU ${s(baseline.cpuSeconds)})${site ? ` → ratio ${(site.seconds / baseline.seconds).toFixed(2)}×` : ''}`,
      );
      if (!opts.keep) rmSync(baseDir, { recursive: true, force: true });
    }
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
    results.push({ n, corpus: { ...corpus, seconds: corpusSeconds }, site, warm, baseline });
    const withoutLines = (b?: Build) => b && { ...b, lines: undefined, memory: undefined };
    writeFileSync(
      path.join(WORK, 'results.json'),
      JSON.stringify(
        results.map((r) => ({ ...r, site: withoutLines(r.site), warm: withoutLines(r.warm), baseline: withoutLines(r.baseline) })),
        null,
        2,
      ),
    );
  }
  console.log(summary(results));
}

await main();

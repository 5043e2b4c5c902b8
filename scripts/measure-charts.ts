/**
 * Chart weight, measured on a build: `npm run measure:charts [-- <dir>]`
 * (build first with `npm run build`).
 *
 *   - SVG bytes per chart, as drawn inline (median and max over every chart
 *     in both editions), and gzipped, since pages are served compressed;
 *   - for every story page: its charts, their inline SVG bytes, and the
 *     JavaScript it ships, split into what belongs to charts (scripts inside a
 *     chart <figure>, or bundles Astro names after a chart component) and the
 *     rest (maps, search, embeds: other features).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadAllDatasets } from '#/data/datasets.ts';
import { loadCharts } from '#/charts/registry.ts';
import { renderChart } from '#/charts/render.ts';

const root = process.cwd();
const dist = path.resolve(process.argv[2] ?? 'dist');

const median = (xs: number[]) => {
  const s = xs.toSorted((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

// 1. Every chart, both editions, straight from the renderer.
const charts = loadCharts(root, loadAllDatasets(root));
const sizes: { id: string; lang: string; bytes: number; gzip: number }[] = [];
for (const chart of charts.values()) {
  for (const lang of ['zh', 'en'] as const) {
    const svg = Buffer.from(renderChart(chart, lang));
    sizes.push({ id: chart.id, lang, bytes: svg.length, gzip: gzipSync(svg).length });
  }
}
const bytes = sizes.map((s) => s.bytes);
const gz = sizes.map((s) => s.gzip);
const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
console.log(`charts: ${charts.size} (× 2 editions = ${sizes.length} SVGs)`);
console.log(`SVG bytes per chart: median ${median(bytes)} (${kb(median(bytes))}), max ${Math.max(...bytes)} (${largest.id}, ${largest.lang})`);
console.log(`gzipped:             median ${median(gz)}, max ${Math.max(...gz)}`);

// 2. Story pages in the build: inline chart bytes and scripts.
if (!existsSync(dist)) {
  console.log(`\n(no build at ${dist}: run "npm run build" for the per-page figures)`);
  process.exit(0);
}
function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? htmlFiles(p) : p.endsWith('.html') ? [p] : [];
  });
}
/** Executable scripts of a page: name (file, or "inline") and bytes. JSON data blocks are not code. */
function scripts(html: string): { name: string; bytes: number }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/type="application\/(ld\+)?json"/.test(m[1]))
    .map((m) => {
      const src = /\ssrc="([^"]+)"/.exec(m[1])?.[1];
      if (!src) return { name: 'inline', bytes: Buffer.byteLength(m[2]) };
      const file = path.join(dist, src);
      return { name: path.basename(src), bytes: src.startsWith('/') && existsSync(file) ? statSync(file).size : 0 };
    });
}
const pages = htmlFiles(dist)
  .filter((f) => /[/\\](counties|themes)[/\\][^/\\]+[/\\]index\.html$/.test(f))
  .map((f) => {
    const html = readFileSync(f, 'utf8');
    const figures = [...html.matchAll(/<figure class="chart"[\s\S]*?<\/figure>/g)].map((m) => m[0]);
    const all = scripts(html);
    const inCharts = figures.flatMap(scripts);
    const chartBundles = all.filter((s) => /chart/i.test(s.name));
    return {
      page: '/' + path.relative(dist, path.dirname(f)).split(path.sep).join('/') + '/',
      charts: figures.length,
      svgBytes: figures.reduce((n, f) => n + Buffer.byteLength(/<svg[\s\S]*?<\/svg>/.exec(f)![0]), 0),
      scriptsInCharts: inCharts.length,
      chartJs: [...inCharts, ...chartBundles].reduce((n, s) => n + s.bytes, 0),
      js: all.reduce((n, s) => n + s.bytes, 0),
      scripts: all.map((s) => s.name),
      html: Buffer.byteLength(html),
    };
  });
const withCharts = pages.filter((p) => p.charts > 0);
console.log(`\nstory pages: ${pages.length}, with charts: ${withCharts.length}, without: ${pages.length - withCharts.length}`);
console.log(`<script> inside chart figures: ${pages.reduce((n, p) => n + p.scriptsInCharts, 0)}`);
const chartJs = pages.reduce((n, p) => n + p.chartJs, 0);
console.log(`JavaScript shipped for charts, all story pages together: ${chartJs} bytes`);
console.log(`scripts on story pages (other features): ${[...new Set(pages.flatMap((p) => p.scripts))].join(', ') || 'none'}`);
console.log('\npage                                   charts  inline SVG   page HTML   JS (all, not only charts)');
for (const p of pages.toSorted((a, b) => a.page.localeCompare(b.page))) {
  console.log(`${p.page.padEnd(38)} ${String(p.charts).padStart(6)}  ${kb(p.svgBytes).padStart(10)}  ${kb(p.html).padStart(10)}  ${kb(p.js).padStart(10)}`);
}

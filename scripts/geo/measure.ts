/**
 * What the maps cost a reader, measured on a built site (dist/ by default):
 * geometry bytes loaded by the home page and by a story page (the TopoJSON
 * and the inline SVGs), and the JavaScript and CSS shipped for the map.
 * Raw and gzip bytes. Reports only: budgets are not asserted in tests.
 *
 *   npm run build && npm run measure:maps [-- <dist> </counties/qinglong/>]
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = path.resolve(process.argv[2] ?? 'dist');
const story = process.argv[3] ?? '/counties/qinglong/';
const read = (p: string) => readFileSync(path.join(dir, p));
const page = (p: string) => read(path.join(p, 'index.html')).toString('utf8');
const size = (b: Buffer | string) => ({ raw: Buffer.byteLength(b), gzip: gzipSync(b, { level: 9 }).length });
const row = (name: string, b: Buffer | string) => {
  const { raw, gzip } = size(b);
  return `| ${name} | ${raw.toLocaleString('en')} | ${gzip.toLocaleString('en')} |`;
};

/** The inline <svg> elements with `className` in a page, concatenated. */
const inlineSvgs = (html: string, className: string) => (html.match(new RegExp(`<svg[^>]*class="geo-map ${className}"[\\s\\S]*?</svg>`, 'g')) ?? []).join('');

/** A module and every chunk it imports, statically or dynamically, found by file name in dist/_astro. */
function chunkClosure(start: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = read(path.join('_astro', file)).toString('utf8');
    for (const [, name] of text.matchAll(/["'`(/]([\w.-]+\.js)["'`)]/g)) if (existsInAstro(name)) visit(name);
  };
  visit(start);
  return [...seen];
}
const astroFiles = readdirSync(path.join(dir, '_astro'));
const existsInAstro = (name: string) => astroFiles.includes(name);

const home = page('/');
const storyHtml = page(story);
const entry = home.match(/\/_astro\/(CountyMap[^"']+\.js)/)?.[1];
if (!entry) throw new Error(`${dir}/index.html: no CountyMap script; is the map on the home page?`);
const js = chunkClosure(entry);
const css = astroFiles.filter((f) => f.startsWith('county-map') && f.endsWith('.css'));

console.log(`Map weight in ${path.relative(process.cwd(), dir) || '.'}\n`);
console.log('| what | bytes | gzip bytes |\n| --- | --- | --- |');
console.log(row('home: /geo/national.topo.json (fetched by the Leaflet map)', read('geo/national.topo.json')));
console.log(row('home: inline static SVG map (no-JS fallback)', inlineSvgs(home, 'national-map')));
console.log(row(`story ${story}: inline locator SVG (no geometry fetched)`, inlineSvgs(storyHtml, 'locator-map')));
for (const f of js) console.log(row(`JS _astro/${f}`, read(path.join('_astro', f))));
console.log(row('JS total for the map', Buffer.concat(js.map((f) => read(path.join('_astro', f))))));
for (const f of css) console.log(row(`CSS _astro/${f} (Leaflet's, loaded with the map)`, read(path.join('_astro', f))));

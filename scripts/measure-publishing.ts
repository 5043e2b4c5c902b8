/**
 * Measurements for the publishing side, on a built site (default dist/):
 *   - bytes each embed page transfers, gzipped, before fonts (HTML + same-origin CSS/JS it loads);
 *   - PNG downloads and social cards: dimensions and sizes;
 *   - social card render time, uncached and cached.
 * Usage: npm run build && npm run measure:publishing [-- <siteDir>]
 * Reports numbers; asserts nothing (targets are checked by reading the report).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CARD_WIDTH, cardSvg } from '#/publishing/social-card.ts';
import { svgToPng } from '#/publishing/png/svg-to-png.ts';

const dir = path.resolve(process.argv[2] ?? 'dist');
const files = (readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/'));
const gz = (buf: Buffer | string) => gzipSync(buf).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

// Embed pages: the HTML and every same-origin stylesheet or script it references.
const embeds = files.filter((f) => /^(en\/)?embed\/.+\/index\.html$/.test(f));
const rows = embeds.map((f) => {
  const html = readFileSync(path.join(dir, f), 'utf8');
  const assets = [...html.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]);
  const bytes = gz(html) + assets.reduce((n, a) => n + gz(readFileSync(path.join(dir, a))), 0);
  return { page: `/${f.replace(/index\.html$/, '')}`, html: gz(html), assets: assets.length, bytes };
});
console.log(`Embed pages: ${rows.length}`);
for (const r of rows.toSorted((a, b) => b.bytes - a.bytes).slice(0, 40))
  console.log(`  ${r.page.padEnd(40)} ${kb(r.bytes).padStart(9)} gz (${r.assets} assets)`);
if (rows.length)
  console.log(
    `  max ${kb(Math.max(...rows.map((r) => r.bytes)))}, median ${kb(rows.map((r) => r.bytes).sort((a, b) => a - b)[Math.floor(rows.length / 2)])}; public/embed.js ${readFileSync(path.join(dir, 'embed.js')).length} B raw, ${gz(readFileSync(path.join(dir, 'embed.js')))} B gz`,
  );

// PNGs: dimensions from the IHDR chunk.
for (const [name, re] of [
  ['PNG downloads', /^downloads\/.+\.png$/],
  ['Social cards', /^og\/.+\.png$/],
] as const) {
  const pngs = files
    .filter((f) => re.test(f))
    .map((f) => {
      const buf = readFileSync(path.join(dir, f));
      return { f, w: buf.readUInt32BE(16), h: buf.readUInt32BE(20), size: statSync(path.join(dir, f)).size };
    });
  if (!pngs.length) continue;
  console.log(
    `${name}: ${pngs.length}, widths ${Math.min(...pngs.map((p) => p.w))}–${Math.max(...pngs.map((p) => p.w))} px, heights ${Math.min(...pngs.map((p) => p.h))}–${Math.max(...pngs.map((p) => p.h))} px, sizes ${kb(Math.min(...pngs.map((p) => p.size)))}–${kb(Math.max(...pngs.map((p) => p.size)))}`,
  );
  for (const p of pngs) console.log(`  /${p.f} ${p.w}×${p.h} ${kb(p.size)}`);
}

// Social card rendering, uncached then cached (10 cards of real-looking length).
const cards = Array.from({ length: 10 }, (_, i) =>
  cardSvg({
    lang: 'zh',
    siteName: '县域故事',
    kicker: '甘肃省 · 积石山保安族东乡族撒拉族自治县',
    title: `积石山：绣娘把刺绣带进直播间（测量 ${i}）`,
    summary: '一位乡村特派员带来了新的销路，板栗卖出了好价钱。',
    host: 'county-stories.example.org',
  }),
);
// One at a time, so the figure is the time of one card (the build runs several at once, one per core).
const time = async (cache: boolean) => {
  const t0 = performance.now();
  for (const svg of cards) await svgToPng(svg, { width: CARD_WIDTH, cache });
  return (performance.now() - t0) / cards.length;
};
await time(false); // start the worker threads and load the fonts
const cold = await time(false);
await time(true); // fill the cache
const warm = await time(true);
console.log(`Social card render: ${cold.toFixed(1)} ms per card without cache, ${warm.toFixed(2)} ms from cache`);

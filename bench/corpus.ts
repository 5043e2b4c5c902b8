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
 * Synthetic counties take real county-level codes from data/gb2260/ (so the
 * county registry check passes), spread over all provinces. Their slugs are
 * "bench-<code>", which is how the benchmark recognises their pages in dist/.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { AREAS_FILE, PROVINCES_FILE } from '#/data/counties.ts';
import { compareVersions, DATASETS_DIR, LOCK_FILE, releaseEntries } from '#/data/datasets.ts';
import { isFigure } from '#/data/lookup.ts';
import { typedQuantities } from '#/stories/prose.ts';
import { WRITTEN_IN_WORDS_FILE } from '#/data/quotes.ts';
import { cloneGeometry, type GeometryPlan } from './geometry.ts';

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
  '11': 'Beijing',
  '12': 'Tianjin',
  '13': 'Hebei',
  '14': 'Shanxi',
  '15': 'Inner Mongolia',
  '21': 'Liaoning',
  '22': 'Jilin',
  '23': 'Heilongjiang',
  '31': 'Shanghai',
  '32': 'Jiangsu',
  '33': 'Zhejiang',
  '34': 'Anhui',
  '35': 'Fujian',
  '36': 'Jiangxi',
  '37': 'Shandong',
  '41': 'Henan',
  '42': 'Hubei',
  '43': 'Hunan',
  '44': 'Guangdong',
  '45': 'Guangxi',
  '46': 'Hainan',
  '50': 'Chongqing',
  '51': 'Sichuan',
  '52': 'Guizhou',
  '53': 'Yunnan',
  '54': 'Tibet',
  '61': 'Shaanxi',
  '62': 'Gansu',
  '63': 'Qinghai',
  '64': 'Ningxia',
  '65': 'Xinjiang',
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

/** `"quote": "…"` in a dataset file: the value must stay the saved article's words, which the quote check finds in data/sources/. */
const QUOTE_VALUE = /("quote"\s*:\s*")((?:[^"\\]|\\.)*")/g;

/** `rewrite` applied to a dataset's text everywhere but inside its quotes (a county's name in a quote is the real county's). */
export function outsideQuotes(rewrite: (text: string) => string): (text: string) => string {
  return (text) => {
    let out = '';
    let last = 0;
    for (const m of text.matchAll(QUOTE_VALUE)) {
      out += rewrite(text.slice(last, m.index + m[1].length)) + m[2];
      last = m.index + m[0].length;
    }
    return out + rewrite(text.slice(last));
  };
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
  /** The county's own datasets (cited only by its stories, or named after it): cloned with the county. */
  datasets: string[];
  /** Dataset files of those ids (every version). */
  datasetFiles: string[];
  /** Chart spec files of the county (used only by its stories, or drawn from its own datasets): cloned with it. */
  charts: string[];
}

/** A dataset with its charts, that a synthetic county can take on as an extra (see `topUp`). */
export interface Extra {
  id: string;
  files: string[];
  latest: string;
  /** A figure to cite from the latest version. */
  figure: { row: string; field: string };
  charts: string[];
}

/** Ids that a file names (chart ids appear as attribute values, in front matter or in specs). */
const tokensOf = (text: string) => new Set(text.match(/[\w-]+/g) ?? []);
const baseName = (f: string) => path.basename(f).replace(/\.[^.]+$/, '');

interface Inventory {
  templates: Template[];
  extras: Extra[];
}

export function readTemplates(root: string): Inventory {
  const counties: RealCounty[] = JSON.parse(readFileSync(path.join(root, 'data/counties.json'), 'utf8'));
  const contentFiles = walk(root, 'content');
  const stories = contentFiles.filter((f) => /\.mdx?$/.test(f));
  const dataFiles = walk(root, 'data').filter((f) => !f.startsWith(`${DATASETS_DIR}/`) && f !== LOCK_FILE && f !== 'data/counties.json');
  const datasetFiles = walk(root, DATASETS_DIR).filter((f) => f.endsWith('.json'));
  const datasetId = (f: string) => f.split('/')[2];
  // Chart specs: JSON files in content/ (content/charts/<id>.json); the id is the file name, `dataset` the dataset it draws.
  const chartFiles = contentFiles.filter((f) => f.endsWith('.json'));
  const chartDataset = new Map(
    chartFiles.map((f) => [f, String((JSON.parse(readFileSync(path.join(root, f), 'utf8')) as { dataset?: unknown }).dataset ?? '')]),
  );

  // Who cites what: dataset pins from front matter, chart ids from any token of the story.
  const storyOf = new Map<string, { slug: string; pins: string[]; tokens: Set<string> }>();
  for (const file of stories) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const fm = frontMatter(text, file);
    // A county's story in any edition: its front matter names the county, or its file is named after it.
    const county = fm.county ? counties.find((c) => c.code === String(fm.county)) : counties.find((c) => c.slug === baseName(file));
    storyOf.set(file, { slug: county?.slug ?? `story:${baseName(file)}`, pins: Object.keys(fm.datasets ?? {}), tokens: tokensOf(text) });
  }
  const citers = (test: (s: { pins: string[]; tokens: Set<string> }) => boolean) => new Set([...storyOf.values()].filter(test).map((s) => s.slug));
  const onlyBy = (slug: string, by: Set<string>) => by.size === 0 || (by.size === 1 && by.has(slug));
  const named = (id: string, slug: string) => new RegExp(`(^|-)${slug}(-|$)`).test(id);

  const templates = counties
    .map((county) => {
      const own = [...storyOf.entries()].filter(([, s]) => s.slug === county.slug);
      if (!own.some(([f]) => f.startsWith('content/counties/'))) return undefined;
      const pinned = new Set(own.flatMap(([, s]) => s.pins));
      const datasets = [...pinned].filter(
        (id) =>
          named(id, county.slug) ||
          onlyBy(
            county.slug,
            citers((s) => s.pins.includes(id)),
          ),
      );
      const charts = chartFiles.filter((f) => {
        const id = baseName(f);
        const users = citers((s) => s.tokens.has(id));
        return (users.has(county.slug) || datasets.includes(chartDataset.get(f)!)) && onlyBy(county.slug, users);
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

  // Every dataset that has a figure, with its charts; those with charts first.
  const extras = [...new Set(datasetFiles.map(datasetId))]
    .map((id): Extra | undefined => {
      const files = datasetFiles.filter((f) => datasetId(f) === id);
      const versions = files.map((f) => JSON.parse(readFileSync(path.join(root, f), 'utf8')) as { version: string; rows: Record<string, unknown>[] });
      const latest = versions.sort((a, b) => compareVersions(a.version, b.version)).at(-1)!;
      const figure = latest.rows.flatMap((row) =>
        Object.entries(row)
          .filter(([, v]) => isFigure(v))
          .map(([field]) => ({ row: String(row.id), field })),
      )[0];
      if (!figure) return undefined;
      const charts = chartFiles.filter(
        (f) => chartDataset.get(f) === id && (JSON.parse(readFileSync(path.join(root, f), 'utf8')) as { version?: string }).version === latest.version,
      );
      return { id, files, latest: latest.version, figure, charts };
    })
    .filter((e): e is Extra => e !== undefined)
    .sort((a, b) => b.charts.length - a.charts.length || a.id.localeCompare(b.id));
  return { templates, extras };
}

/**
 * Add to a story's front matter pins (`datasets:` block) and, at the end of
 * its text, a citation of each extra dataset and each extra chart.
 */
function withExtras(text: string, file: string, pins: Record<string, string>, tail: string, pin: boolean): string {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!fm) throw new Error(`${file}: no front matter`);
  let head = fm[1];
  if (pin && Object.keys(pins).length) {
    const lines = Object.entries(pins)
      .map(([id, v]) => `  ${id}: "${v}"`)
      .join('\n');
    if (/^datasets:\s*$/m.test(head)) head = head.replace(/^datasets:\s*$/m, `datasets:\n${lines}`);
    else if (/^datasets:\s*\{\s*\}\s*$/m.test(head)) head = head.replace(/^datasets:.*$/m, `datasets:\n${lines}`);
    else if (!/^datasets:/m.test(head)) head = `${head}\ndatasets:\n${lines}`;
    else throw new Error(`${file}: the benchmark can only add pins to a "datasets:" block written one pin per line`);
  }
  return `---\n${head}\n---\n${text.slice(fm[0].length).trimEnd()}\n\n${tail}\n`;
}

/** `n` county-level areas of GB/T 2260 that are not real counties of the site, spread evenly over the list (and so over provinces). */
export function pickAreas(root: string, n: number, exclude: Set<string>): Area[] {
  const areas: Area[] = JSON.parse(readFileSync(path.join(root, AREAS_FILE), 'utf8'));
  // A name with a numeral in it (万州, 九台区) would read as a number typed in the prose and need an exception in each story.
  const numeralFree = (a: Area) => [a.name, shortZh(a.name)].every((name) => !typedQuantities(`在${name}的`).length);
  const pool = areas
    .filter((a) => !exclude.has(a.code) && a.name !== '市辖区' && PROVINCE_EN[a.provinceCode] && numeralFree(a))
    .sort((a, b) => a.code.localeCompare(b.code));
  if (n > pool.length) throw new Error(`asked for ${n} synthetic counties, but ${AREAS_FILE} has only ${pool.length} county-level codes left`);
  return Array.from({ length: n }, (_, i) => pool[Math.floor((i * pool.length) / n)]);
}

/** "青龙满族自治县" → "青龙"; "礼县" keeps "礼县" (a one-character name is too short to replace safely). */
const shortZh = (name: string) => {
  const short = name.replace(
    /(满族|蒙古族|回族|藏族|苗族|彝族|壮族|布依族|侗族|瑶族|土家族|哈尼族|傣族|黎族|傈僳族|佤族|畲族|拉祜族|水族|东乡族|纳西族|景颇族|柯尔克孜族|土族|达斡尔族|仫佬族|羌族|布朗族|撒拉族|毛南族|仡佬族|锡伯族|普米族|塔吉克族|怒族|鄂温克族|保安族|裕固族|京族|独龙族|鄂伦春族|各族)*(自治县|自治旗|县|区|市|旗)$/,
    '',
  );
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
  /** Files written for the synthetic counties. */
  files: { stories: number; datasets: number; charts: number; other: number };
  /** Fewest datasets and charts a synthetic county has (the benchmark's spec is three and two). */
  perCounty: { datasets: number; charts: number };
  templates: string[];
  /** Title and MDX body of every county story (zh), for the bare-Astro baseline. */
  bodies: { slug: string; title: string; body: string }[];
}

/** What each synthetic county has at least, like a full county page. */
export const SPEC = { datasets: 3, charts: 2 };

/**
 * Write a corpus with `n` county stories into `dir`: the project's real
 * counties, then synthetic clones of them (round robin) up to `n`. A clone
 * whose template has fewer than SPEC's datasets or charts takes on copies of
 * other datasets (with their charts), pinned in its front matter and cited at
 * the end of its story in every edition.
 */
export function generateCorpus(root: string, dir: string, n: number): CorpusInfo {
  copyProject(root, dir);
  const { templates, extras } = readTemplates(root);
  if (!templates.length) throw new Error('no county story in content/counties/ to clone');
  const real: RealCounty[] = JSON.parse(readFileSync(path.join(root, 'data/counties.json'), 'utf8'));
  const realWithStory = templates.length;
  const synthetic = Math.max(0, n - realWithStory);
  const areas = pickAreas(root, synthetic, new Set(real.map((c) => c.code)));
  const provinces: { code: string; name: string }[] = JSON.parse(readFileSync(path.join(root, PROVINCES_FILE), 'utf8'));
  const lock: Record<string, string> = JSON.parse(readFileSync(path.join(root, LOCK_FILE), 'utf8'));
  const registry: RealCounty[] = [...real];
  const files = { stories: 0, datasets: 0, charts: 0, other: 0 };
  const perCounty = { datasets: Infinity, charts: Infinity };
  const bodies: CorpusInfo['bodies'] = templates.map((t) =>
    storyBody(
      root,
      t.files.find((f) => f.startsWith('content/counties/'))!,
      t.county.slug,
    ),
  );
  const geometry: GeometryPlan[] = [];
  const read = (f: string) => readFileSync(path.join(root, f), 'utf8');
  const write = (f: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  };
  // Figures whose article writes the number in words are listed by dataset id: each clone needs its own entry.
  const writtenInWords: { figure: string; reason: string }[] = existsSync(path.join(root, WRITTEN_IN_WORDS_FILE))
    ? JSON.parse(readFileSync(path.join(root, WRITTEN_IN_WORDS_FILE), 'utf8'))
    : [];
  const clonedWords: typeof writtenInWords = [];
  const cloneWrittenInWords = (from: string, to: string) =>
    clonedWords.push(...writtenInWords.filter((w) => w.figure.startsWith(`${from}/`)).map((w) => ({ ...w, figure: `${to}${w.figure.slice(from.length)}` })));
  const writeDataset = (text: string) => {
    const raw = JSON.parse(text) as { id: string; version: string };
    write(`${DATASETS_DIR}/${raw.id}/${raw.version}.json`, text);
    Object.assign(lock, releaseEntries(Buffer.from(text)));
    files.datasets++;
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

    const slugToken = new RegExp(`(?<![\\w])${t.county.slug}(?![\\w])`, 'g');
    const rename = (id: string) => (slugToken.test(id) ? id.replace(slugToken, slug) : `${slug}-${id}`);
    const chartIds = t.charts.map((f) => baseName(f));
    const map = new Map<string, string>([
      [t.county.slug, slug],
      [t.county.code, area.code],
      [t.county.officialName, area.name],
      [t.county.name.zh, area.name],
      [shortZh(t.county.officialName), shortZh(area.name)],
      [t.county.name.en, county.name.en],
      [shortEn(t.county.name.en), shortEn(county.name.en)],
      ...[...t.datasets, ...chartIds].map((id) => [id, rename(id)] as [string, string]),
    ]);
    const rewrite = makeRewriter(map);
    const renamePath = (f: string) =>
      f
        .split('/')
        .map((part) => {
          const ext = path.extname(part);
          const base = part.slice(0, part.length - ext.length);
          return (map.get(base) ?? base) + ext;
        })
        .join('/');

    // Extra datasets (with their charts) until the county has SPEC's datasets and charts.
    const taken: Extra[] = [];
    let charts = t.charts.length;
    for (;;) {
      const datasetsShort = SPEC.datasets - t.datasets.length - taken.length;
      const chartsShort = SPEC.charts - charts;
      if (datasetsShort <= 0 && chartsShort <= 0) break;
      // The candidate whose charts come closest to what is missing.
      const candidates = extras.filter((e) => !t.datasets.includes(e.id) && !taken.includes(e) && (datasetsShort > 0 || e.charts.length > 0));
      const distance = (e: Extra) => Math.abs(Math.max(0, chartsShort) - e.charts.length);
      const next = candidates.sort((a, b) => distance(a) - distance(b))[0];
      if (!next) break;
      taken.push(next);
      charts += next.charts.length;
    }
    const extraId = (id: string) => `${slug}-x-${id}`;
    const pins = Object.fromEntries(taken.map((e) => [extraId(e.id), e.latest]));
    const tail = taken
      .flatMap((e) => [
        `<Fig data="${extraId(e.id)}" row="${e.figure.row}" field="${e.figure.field}" />`,
        ...e.charts.map((c) => `<Chart id="${extraId(baseName(c))}" />`),
      ])
      .join('\n\n');

    for (const f of t.files) {
      const out = renamePath(f);
      if (f.startsWith('content/') && /\.mdx?$/.test(f)) {
        let text = rewrite(read(f));
        if (taken.length) text = withExtras(text, f, pins, tail, f.startsWith('content/counties/'));
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
    for (const f of t.datasetFiles) writeDataset(outsideQuotes(rewrite)(read(f)));
    for (const id of t.datasets) cloneWrittenInWords(id, map.get(id)!);
    for (const f of t.charts) {
      write(renamePath(f), rewrite(read(f)));
      files.charts++;
    }
    for (const e of taken) {
      const rewriteExtra = makeRewriter(new Map([[e.id, extraId(e.id)], ...e.charts.map((c) => [baseName(c), extraId(baseName(c))] as [string, string])]));
      for (const f of e.files) writeDataset(rewriteExtra(read(f)));
      cloneWrittenInWords(e.id, extraId(e.id));
      for (const c of e.charts) {
        write(`${path.dirname(c)}/${extraId(baseName(c))}.json`, rewriteExtra(read(c)));
        files.charts++;
      }
    }
    perCounty.datasets = Math.min(perCounty.datasets, t.datasets.length + taken.length);
    perCounty.charts = Math.min(perCounty.charts, charts);
    geometry.push({ template: t.county, county, area });
  });

  write('data/counties.json', `${JSON.stringify(registry, null, 2)}\n`);
  if (clonedWords.length) write(WRITTEN_IN_WORDS_FILE, `${JSON.stringify([...writtenInWords, ...clonedWords], null, 2)}\n`);
  write(LOCK_FILE, `${JSON.stringify(Object.fromEntries(Object.entries(lock).sort(([a], [b]) => a.localeCompare(b))), null, 2)}\n`);
  cloneGeometry(root, dir, geometry);
  if (!synthetic) Object.assign(perCounty, { datasets: 0, charts: 0 });
  return { dir, counties: realWithStory + synthetic, synthetic, files, perCounty, templates: templates.map((t) => t.county.slug), bodies };
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

/** What `editOneCounty` changed, for the report. */
export interface CountyEdit {
  slug: string;
  story: string;
  dataset: string;
}

/** Added to a story's first paragraph and to a figure's note by the one-county edit: no numeral, so no prose check reads it as a figure. */
const EDIT_MARK = { zh: '（基准测试改过这一句。）', en: ' (Changed by the benchmark.)' };

/** The first paragraph of prose after the front matter (not a heading, an import or a component), with the sentence appended. */
function appendToFirstParagraph(text: string, sentence: string): string {
  const end = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text)?.[0].length ?? 0;
  const lines = text.slice(end).split('\n');
  const i = lines.findIndex((l) => l.trim() && !/^(#|import |export |<|---|\s*[-*>|])/.test(l));
  if (i === -1) throw new Error('no paragraph of prose to edit');
  lines[i] = lines[i].trimEnd() + sentence;
  return text.slice(0, end) + lines.join('\n');
}

/**
 * The one-county edit of the benchmark: what an editor correcting one county
 * does. In the corpus at `dir`: one sentence added to the county's story (its
 * first paragraph, in the default edition) and to one figure's note in the
 * newest dataset version its story pins, with that version's lock entries
 * recomputed (as `npm run release-datasets` would). A synthetic county when
 * the corpus has one. Returns what was changed.
 */
export function editOneCounty(dir: string): CountyEdit {
  const stories = readdirSync(path.join(dir, 'content/counties')).filter((f) => /\.mdx?$/.test(f));
  const file = stories.find((f) => f.startsWith(SYNTHETIC_PREFIX)) ?? stories[0];
  if (!file) throw new Error(`${dir}: no county story to edit`);
  const story = `content/counties/${file}`;
  const text = readFileSync(path.join(dir, story), 'utf8');
  writeFileSync(path.join(dir, story), appendToFirstParagraph(text, EDIT_MARK.zh));

  const pins = frontMatter(text, story).datasets ?? {};
  const [id, version] = Object.entries(pins)[0] ?? [];
  if (!id) throw new Error(`${story}: pins no dataset, so there is no figure note to edit`);
  const dataset = `${DATASETS_DIR}/${id}/${version}.json`;
  const before = readFileSync(path.join(dir, dataset), 'utf8');
  // The first note, edited in place so the file keeps its layout; a dataset without notes gets one on its first figure.
  let after = before.replace(
    /("note":\s*\{\s*"zh":\s*")((?:[^"\\]|\\.)*)("\s*,\s*"en":\s*")((?:[^"\\]|\\.)*)"/,
    (_, a, zh, b, en) => `${a}${zh}${EDIT_MARK.zh}${b}${en}${EDIT_MARK.en}"`,
  );
  if (after === before) {
    const raw = JSON.parse(before) as { rows: Record<string, unknown>[] };
    const cell = raw.rows.flatMap((r) => Object.values(r)).find(isFigure) as { note?: unknown } | undefined;
    if (!cell) throw new Error(`${dataset}: no figure to annotate`);
    cell.note = { zh: EDIT_MARK.zh, en: EDIT_MARK.en.trim() };
    after = `${JSON.stringify(raw, null, 2)}\n`;
  }
  writeFileSync(path.join(dir, dataset), after);
  const lockFile = path.join(dir, LOCK_FILE);
  const lock: Record<string, string> = JSON.parse(readFileSync(lockFile, 'utf8'));
  Object.assign(lock, releaseEntries(Buffer.from(after)));
  writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
  return { slug: file.replace(/\.mdx?$/, ''), story, dataset };
}

/** The baseline's one-county edit: the same sentence added to that county's page. */
export function editBaselinePage(dir: string, slug: string): void {
  const pages = path.join(dir, 'src/pages/counties');
  const file = path.join(pages, existsSync(path.join(pages, `${slug}.mdx`)) ? `${slug}.mdx` : readdirSync(pages)[0]);
  writeFileSync(file, appendToFirstParagraph(readFileSync(file, 'utf8'), EDIT_MARK.zh));
}

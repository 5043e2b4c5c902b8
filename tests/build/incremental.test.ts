/**
 * The incremental build (src/publishing/page-keys.ts) must publish exactly what
 * a full build publishes. A copy of the project is built once; then, one edit
 * at a time, it is built incrementally (pages with unchanged keys copied from
 * the last build) and again with --force (every page rendered), and the two
 * outputs must be the same, file for file and byte for byte. Each edit touches
 * one kind of input a key names: a county story with the dataset version it
 * pins (the benchmark's one-county edit), a chart spec shown in another story,
 * an English translation, and a shared file that every page may read.
 * Each file Astro caches is the output's file under a second name, not a copy
 * (src/publishing/linked-output.ts), and the next build, which replaces every
 * cached file, leaves the output that links them as it was.
 */
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editOneCounty } from '../../bench/corpus.ts';
import { copyProject, PROJECT, type Sandbox } from '../helpers/sandbox.ts';

const EPOCH = { SOURCE_DATE_EPOCH: '1795996800' };
const MARK = { zh: '（增量构建测试改过这一句。）', en: ' (Changed by the incremental build test.)' };

/** Every file under `dir`: its path and bytes. */
function files(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const file = path.join(e.parentPath, e.name);
        return [path.relative(dir, file), readFileSync(file)] as const;
      }),
  );
}

/** Paths that differ between two outputs: missing on one side, or other bytes. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !a.get(n) || !b.get(n) || !a.get(n)!.equals(b.get(n)!)).sort();
}

/** How the files under `dir` stand to Astro's cached copies: the same file (a link), or a file of its own. */
function cacheLinks(dir: string, cache: string) {
  const links = { same: 0, separate: [] as string[] };
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.relative(dir, path.join(e.parentPath, e.name));
    const copy = path.join(cache, file);
    if (!existsSync(copy)) continue;
    if (statSync(copy).ino === statSync(path.join(dir, file)).ino) links.same++;
    else links.separate.push(file);
  }
  return links;
}

const copiedCount = (output: string) => Number(/(\d+) files copied from the last build/.exec(output)?.[1] ?? 0);

describe('an incremental build publishes what a full build does', () => {
  let sb: Sandbox;
  let previous: Map<string, Buffer>;

  /** Build incrementally, then with --force; both outputs, and how many files the incremental one copied. */
  async function buildBothWays() {
    const incremental = await sb.build(EPOCH, ['--out', 'dist-incremental']);
    expect(incremental.code, incremental.output).toBe(0);
    const published = files(sb.path('dist-incremental'));
    const copied = copiedCount(incremental.output);
    const links = cacheLinks(sb.path('dist-incremental'), sb.path('node_modules/.astro/dist'));
    expect(links.separate, 'files of the output that are not the cached file but a copy').toEqual([]);
    expect(links.same, 'files rendered or copied, each also the cached file').toBeGreaterThanOrEqual(copied);
    const full = await sb.build(EPOCH, ['--out', 'dist-full', '--force']);
    expect(full.code, full.output).toBe(0);
    expect(copiedCount(full.output), 'a --force build copies nothing').toBe(0);
    const incrementalNow = files(sb.path('dist-incremental'));
    expect(differences(incrementalNow, published), 'files of the incremental output the next build changed').toEqual([]);
    return { incremental: incrementalNow, full: files(sb.path('dist-full')), copied };
  }

  beforeAll(async () => {
    sb = copyProject();
    // The project's PNG cache, if it has one, so the first build does not draw every image again.
    const pngCache = path.join(PROJECT, 'node_modules/.cache/county-stories/png');
    if (existsSync(pngCache)) cpSync(pngCache, sb.path('node_modules/.cache/county-stories/png'), { recursive: true });
    const first = await sb.build(EPOCH, ['--out', 'dist-full']);
    expect(first.code, first.output).toBe(0);
    previous = files(sb.path('dist-full'));
  }, 600_000);
  afterAll(() => sb?.dispose());

  /** One edit: the incremental output equals the full one, the edit shows, and the build copied what it could. */
  async function checkEdit(changedPage: string) {
    const { incremental, full, copied } = await buildBothWays();
    expect(differences(incremental, full), 'files that differ between the incremental and the full build').toEqual([]);
    const changed = differences(previous, full);
    expect(changed, 'the edit changed the page it was made for').toContain(changedPage);
    previous = full;
    return { copied, changed: changed.length, total: full.size };
  }

  it("a county story and the dataset version it pins (npm run bench's one-county edit)", async () => {
    const edit = editOneCounty(sb.root);
    const { copied, total } = await checkEdit(`counties/${edit.slug}/index.html`);
    // Most of the site did not read either file.
    expect(copied).toBeGreaterThan(total / 2);
  }, 600_000);

  it('a chart spec, shown in another story', async () => {
    const id = 'ai-dou-women';
    sb.editJson(`content/charts/${id}.json`, (spec: { title: { zh: string; en: string } }) => {
      spec.title.zh += MARK.zh;
      spec.title.en += MARK.en;
    });
    const { copied, total } = await checkEdit('themes/digital-jobs/index.html');
    expect(copied).toBeGreaterThan(total / 2);
  }, 600_000);

  it('an English translation: its title (listed with the charts it shows) and its text', async () => {
    sb.replace('content/en/themes/digital-jobs.mdx', /^title: "(.*)"$/m, `title: "$1${MARK.en}"`);
    sb.replace('content/en/themes/digital-jobs.mdx', /(\n\nAccording to [^\n]*?)\.\n/, `$1.${MARK.en}\n`);
    const { copied, total } = await checkEdit('en/themes/digital-jobs/index.html');
    expect(copied).toBeGreaterThan(total / 2);
  }, 600_000);

  it('after a failed build, the next build renders every page', async () => {
    // An edit the checks refuse: the build stops, and must not leave Astro's record of the last build's keys behind.
    const story = 'content/themes/digital-jobs.mdx';
    const good = sb.read(story);
    sb.replace(story, /<Fig data="ai-dou" row="2023-h1" field="centres" \/>/, '<Fig data="ai-dou" row="no-such-row" field="centres" />');
    const failed = await sb.build(EPOCH, ['--out', 'dist-incremental']);
    expect(failed.code, failed.output).not.toBe(0);
    sb.write(story, good);
    const next = await sb.build(EPOCH, ['--out', 'dist-incremental']);
    expect(next.code, next.output).toBe(0);
    expect(copiedCount(next.output)).toBe(0);
    expect(differences(files(sb.path('dist-incremental')), previous)).toEqual([]);
  }, 600_000);

  it('a shared file (a county record): every page is rendered again', async () => {
    let slug = '';
    sb.editJson('data/counties.json', (counties: { slug: string; name: { en: string } }[]) => {
      const county = counties.find((c) => sb.exists(`content/counties/${c.slug}.mdx`))!;
      county.name.en += ' (edited)';
      slug = county.slug;
    });
    const { copied } = await checkEdit(`en/counties/${slug}/index.html`);
    expect(copied).toBe(0);
  }, 600_000);
});

/**
 * The corpus of bad inputs. Each case is a small patch to a copy of the
 * project and the message it must be refused with: the file, the field and
 * what is wrong. Targets are found in the real content (the first figure the
 * first county story cites, …), so the corpus keeps working as data changes.
 *
 * Each case runs where its point is shown most directly (README.md):
 *   - `unit`: tests/unit/bad-input-messages.test.ts calls the check that
 *     refuses it on a copy of data/ and content/, in seconds;
 *   - `endToEnd`: tests/bad-inputs/bad-inputs.test.ts runs the real atomic
 *     build, which must fail with the message and keep the previous site,
 *     for one case per stage of the pipeline and for hostile input.
 *
 * A case whose feature is not in the project yet says so in `pending`; it is
 * reported as a todo until the feature lands, then it runs.
 * Cases that cannot be written yet are listed in ./README.md.
 */
import { load as parseYaml } from 'js-yaml';
import { releaseEntries } from '#/data/datasets.ts';
import { findTags } from '#/stories/mdx.ts';
import type { Sandbox } from '../helpers/sandbox.ts';

export interface Expectation {
  /** The file the message must name, project-relative. */
  file: string;
  /** What else it must say: the field, the offending value, the rule. */
  says: (string | RegExp)[];
  /** A file the patch would write if its code ever ran: it must not exist after the build. */
  neverWritten?: string;
}

/**
 * The check that refuses a case before any page renders, as
 * tests/unit/bad-input-messages.test.ts calls it:
 *   data           — what the integration runs first (src/integration.ts): the append-only files, then checkContent (src/authoring/checks.ts)
 *   citations      — each story's pins and <Fig> tags bound to the datasets (bindStory), as the story collection does
 *   translations   — every story against its English translation (checkTranslations)
 *   story charts   — each <Chart> a story shows, against its pins (getChartFor)
 *   geometry       — the map geometry and every county in it (parseGeometry, checkCountiesPresent)
 *   published URLs — the post-build URL check (checkPublishedUrls) against the previous build's URLs
 */
export type Check = 'data' | 'citations' | 'translations' | 'story charts' | 'geometry' | 'published URLs';

export interface BadInput {
  name: string;
  /** A reason this case cannot run yet (the feature is not in the project), or undefined. */
  pending?: (sb: Sandbox) => string | undefined;
  apply(sb: Sandbox, t: Targets): Expectation;
  /** The check that refuses it, called directly (no build). */
  unit?: Check;
  /** Why a real build must also run it: the pipeline stage it stands for, or the hostile input it carries. */
  endToEnd?: string;
}

/** What the cases break: real content found in the project. */
export interface Targets {
  /** A county story that cites a figure, e.g. content/counties/qinglong.mdx */
  story: string;
  /** Its English translation, e.g. content/en/counties/qinglong.mdx */
  translation: string;
  /** The first figure it cites. */
  fig: { data: string; row: string; field: string };
  /** The dataset version that figure comes from. */
  dataset: { file: string; id: string; version: string; rowIndex: number; fieldIndex: number };
}

export function findTargets(sb: Sandbox): Targets {
  for (const story of sb.list('content/counties').filter((f) => f.endsWith('.mdx'))) {
    const text = sb.read(story);
    const fig = findTags(text, 'Fig')[0];
    if (!fig) continue;
    const frontMatter = parseYaml(text.split(/^---$/m)[1]) as { datasets?: Record<string, string> };
    const version = frontMatter.datasets?.[fig.data];
    if (!version) continue;
    const file = `data/datasets/${fig.data}/${version}.json`;
    const data = sb.json(file);
    return {
      story,
      translation: story.replace(/^content\//, 'content/en/'),
      fig: { data: fig.data, row: fig.row, field: fig.field },
      dataset: {
        file,
        id: fig.data,
        version,
        rowIndex: data.rows.findIndex((r: { id: string }) => r.id === fig.row),
        fieldIndex: data.fields.findIndex((f: { key: string }) => f.key === fig.field),
      },
    };
  }
  throw new Error('No county story in content/counties/ cites a figure: the bad-input corpus needs one to break');
}

// No digit in it: a story summary carries it too, and digits in prose are refused (src/stories/prose.ts).
const XSS = '<script>alert("xss")</script><img src=x onerror="alert(document.domain)">';
export { XSS };

/** Record a dataset file's fingerprints in the copy's lock, as `npm run release-datasets` would (without its checks). */
export function release(sb: Sandbox, file: string): void {
  const entries = releaseEntries(Buffer.from(sb.read(file)), file);
  sb.editJson('data/datasets.lock.json', (lock: Record<string, string>) => Object.assign(lock, entries));
}

/** A next version of the first cited dataset, with "changes", edited by `edit` and released into the copy's lock. */
function releasedNextVersion(sb: Sandbox, t: Targets, edit: (d: any) => void): string {
  const version = nextVersion(t.dataset.version);
  const file = `data/datasets/${t.dataset.id}/${version}.json`;
  const data = { ...sb.json(t.dataset.file), version, changes: { zh: '更正', en: 'A correction' } };
  edit(data);
  sb.write(file, `${JSON.stringify(data, null, 2)}\n`);
  release(sb, file);
  return file;
}

/** The cell the first cited figure lives in. */
const cellPath = (t: Targets) => `rows[${t.dataset.rowIndex}].${t.fig.field}`;

const CHARTS = 'content/charts';

const nextVersion = (v: string) => v.replace(/\d+$/, (patch) => String(Number(patch) + 1));

/** Undefined when a page or layout matches `pattern`; otherwise why the case must wait. */
const uses = (sb: Sandbox, what: string, pattern: RegExp) =>
  [...sb.listAll('src/pages'), ...sb.listAll('src/layouts')].some((f) => /\.(astro|ts)$/.test(f) && pattern.test(sb.read(f)))
    ? undefined
    : `${what} is not used by any page yet`;

/** Undefined when stories can use the MDX component `name` (the story layout or story pages provide it). */
const storiesUse = (sb: Sandbox, name: string) =>
  [...sb.listAll('src/layouts'), ...sb.listAll('src/pages')].some(
    (f) => /Story\.astro$|\/(counties|themes)\//.test(f) && new RegExp(`\\b${name}\\b`).test(sb.read(f)),
  )
    ? undefined
    : `stories cannot use <${name}> yet (the story layout does not provide it)`;

/** An author changing a citation changes it in both editions, so only the intended error remains. */
function inBothEditions(sb: Sandbox, t: Targets, find: string, by: string): void {
  sb.replace(t.story, find, by);
  if (sb.exists(t.translation)) sb.replace(t.translation, find, by);
}

export const corpus: BadInput[] = [
  // ——— Datasets: schema, file names, the lock (checked before any page is rendered) ———
  {
    name: 'a dataset file that is not valid JSON',
    unit: 'data',
    apply: (sb, t) => {
      sb.replace(t.dataset.file, /\}\s*$/, '');
      return { file: t.dataset.file, says: ['is not valid JSON'] };
    },
  },
  {
    name: 'a figure without its quote',
    unit: 'data',
    apply: (sb, t) => {
      sb.editJson(t.dataset.file, (d) => delete d.rows[t.dataset.rowIndex][t.fig.field].quote);
      return { file: t.dataset.file, says: [`field "${cellPath(t)}`, /quote/] };
    },
  },
  {
    name: 'a figure with a qualifier the site does not know',
    unit: 'data',
    apply: (sb, t) => {
      sb.editJson(t.dataset.file, (d) => (d.rows[t.dataset.rowIndex][t.fig.field].qualifiers = ['大概']));
      return { file: t.dataset.file, says: [`field "${cellPath(t)}`, /qualifiers/] };
    },
  },
  {
    name: 'a bare number in a figure field',
    unit: 'data',
    apply: (sb, t) => {
      sb.editJson(t.dataset.file, (d) => (d.rows[t.dataset.rowIndex][t.fig.field] = 123));
      return { file: t.dataset.file, says: [`field "${cellPath(t)}"`] };
    },
  },
  {
    name: 'a figure citing a source the dataset does not list',
    unit: 'data',
    apply: (sb, t) => {
      sb.editJson(t.dataset.file, (d) => (d.rows[t.dataset.rowIndex][t.fig.field].source = 'no-such-article'));
      return { file: t.dataset.file, says: [`field "${cellPath(t)}.source"`, 'no-such-article'] };
    },
  },
  {
    name: 'a row with a field the dataset does not declare',
    unit: 'data',
    apply: (sb, t) => {
      sb.editJson(t.dataset.file, (d) => (d.rows[t.dataset.rowIndex].no_such_field = null));
      return { file: t.dataset.file, says: [`field "rows[${t.dataset.rowIndex}].no_such_field"`, "not one of the dataset's fields"] };
    },
  },
  {
    name: 'two rows with the same id',
    unit: 'data',
    apply: (sb, t) => {
      let index = 0;
      sb.editJson(t.dataset.file, (d) => {
        d.rows.push({ ...d.rows[t.dataset.rowIndex] });
        index = d.rows.length - 1;
      });
      return { file: t.dataset.file, says: [`field "rows[${index}].id"`, `duplicate row id "${t.fig.row}"`] };
    },
  },
  {
    name: 'a figure field without a unit',
    unit: 'data',
    apply: (sb, t) => {
      sb.editJson(t.dataset.file, (d) => delete d.fields[t.dataset.fieldIndex].unit);
      return { file: t.dataset.file, says: [`field "fields[${t.dataset.fieldIndex}].unit"`] };
    },
  },
  {
    name: 'a dataset saved under the wrong file name',
    unit: 'data',
    apply: (sb, t) => {
      const wrong = `data/datasets/${t.dataset.id}/9.0.0.json`;
      sb.write(wrong, sb.read(t.dataset.file));
      return { file: wrong, says: [`must be saved as ${t.dataset.file}`] };
    },
  },
  {
    name: 'a released dataset version edited in place',
    unit: 'data',
    endToEnd: 'the data checks in the integration hook (astro:config:setup) stop a real build before any page renders',
    apply: (sb, t) => {
      sb.editJson(t.dataset.file, (d) => (d.rows[t.dataset.rowIndex][t.fig.field].value += 1));
      return { file: t.dataset.file, says: [`${t.dataset.id}@${t.dataset.version} was released and must not change`] };
    },
  },
  {
    name: 'a released dataset version deleted',
    unit: 'data',
    apply: (sb, t) => {
      sb.remove(t.dataset.file);
      return { file: t.dataset.file, says: ['was released', 'the file is missing'] };
    },
  },
  {
    name: 'a new dataset version that was never released',
    unit: 'data',
    apply: (sb, t) => {
      const file = `data/datasets/${t.dataset.id}/${nextVersion(t.dataset.version)}.json`;
      sb.write(
        file,
        JSON.stringify({ ...sb.json(t.dataset.file), version: nextVersion(t.dataset.version), changes: { zh: '更正', en: 'A correction' } }, null, 2),
      );
      return { file, says: ['is not released yet', 'npm run release-datasets'] };
    },
  },
  {
    name: 'a new dataset version that does not say what changed',
    unit: 'data',
    apply: (sb, t) => {
      // Copied from the newest version, as an author would, and the note dropped.
      const file = releasedNextVersion(sb, t, (d) => delete d.changes);
      return { file, says: ['field "changes"', 'must say what changed'] };
    },
  },

  {
    name: 'a new dataset version with a misquote',
    unit: 'data',
    apply: (sb, t) => {
      const file = releasedNextVersion(sb, t, (d) => {
        const figure = d.rows[t.dataset.rowIndex][t.fig.field];
        figure.quote = `${figure.quote.slice(0, -1)}${figure.quote.endsWith('某') ? '甲' : '某'}`;
      });
      return { file, says: [`field "${cellPath(t)}.quote" (row "${t.fig.row}")`, 'the quote is not in data/sources/', '⟦某⟧'] };
    },
  },
  {
    name: 'a new dataset version with a misspelt key',
    unit: 'data',
    apply: (sb, t) => {
      const file = releasedNextVersion(sb, t, (d) => (d.rows[t.dataset.rowIndex][t.fig.field].qualifers = []));
      return { file, says: [`field "${cellPath(t)}.qualifers"`, 'unknown key "qualifers" (did you mean "qualifiers"?)'] };
    },
  },
  {
    name: 'a new dataset version with a figure that does not say who makes the claim',
    unit: 'data',
    apply: (sb, t) => {
      // Above the newest version, so the new file is the one that must name every claimant.
      const file = releasedNextVersion(sb, t, (d) => delete d.rows[t.dataset.rowIndex][t.fig.field].claimant);
      return { file, says: [`field "${cellPath(t)}.claimant"`, 'say who makes this claim', 'data/claimants.json'] };
    },
  },

  // ——— Counties and sources ———
  {
    name: 'two counties with the same slug',
    unit: 'data',
    apply: (sb) => {
      sb.editJson('data/counties.json', (c) => (c[1].slug = c[0].slug));
      return { file: 'data/counties.json', says: ['field "[1].slug"', 'is used twice'] };
    },
  },
  {
    name: 'two counties with the same GB/T 2260 code',
    unit: 'data',
    apply: (sb) => {
      sb.editJson('data/counties.json', (c) => c.push({ ...c[0], slug: `${c[0].slug}-copy` }));
      const n = sb.json('data/counties.json').length - 1;
      return { file: 'data/counties.json', says: [`field "[${n}].code"`] };
    },
  },
  {
    name: 'a county code that is not in GB/T 2260',
    unit: 'data',
    apply: (sb) => {
      sb.editJson('data/counties.json', (c) => (c[0].code = '139999'));
      return { file: 'data/counties.json', says: ['field "[0].code"', '139999 is not a county-level GB/T 2260 code'] };
    },
  },
  {
    name: "a county whose official name is not its code's",
    unit: 'data',
    apply: (sb) => {
      sb.editJson('data/counties.json', (c) => (c[0].officialName = '不存在县'));
      return { file: 'data/counties.json', says: ['field "[0].officialName"', '不存在县'] };
    },
  },
  {
    name: 'a source dated in the wrong format',
    unit: 'data',
    apply: (sb) => {
      sb.editJson('data/sources.json', (s) => (s[0].date = '2022/07/25'));
      return { file: 'data/sources.json', says: ['field "[0].date"'] };
    },
  },

  // ——— Stories: what they cite must exist (checked when the page is rendered) ———
  {
    name: 'a story citing a row that does not exist',
    unit: 'citations',
    apply: (sb, t) => {
      inBothEditions(sb, t, `row="${t.fig.row}"`, 'row="no-such-row"');
      return { file: t.story, says: ['has no row "no-such-row"', t.dataset.file] };
    },
  },
  {
    name: 'a story citing a field that does not exist',
    unit: 'citations',
    apply: (sb, t) => {
      inBothEditions(sb, t, `field="${t.fig.field}"`, 'field="no_such_field"');
      return { file: t.story, says: ['has no field "no_such_field"', t.dataset.file] };
    },
  },
  {
    name: 'a story citing a dataset it does not pin',
    unit: 'citations',
    apply: (sb, t) => {
      inBothEditions(sb, t, `data="${t.fig.data}"`, 'data="no-such-dataset"');
      return { file: t.story, says: ['cites dataset "no-such-dataset"', 'does not pin'] };
    },
  },
  {
    name: 'a story pinning a dataset that does not exist',
    unit: 'citations',
    apply: (sb, t) => {
      sb.replace(t.story, /^datasets:\s*$/m, 'datasets:\n  no-such-dataset: "1.0.0"');
      return { file: t.story, says: ['field "datasets.no-such-dataset"', 'there is no dataset'] };
    },
  },
  {
    name: 'a story pinning a dataset version that does not exist',
    unit: 'citations',
    apply: (sb, t) => {
      sb.replace(t.story, new RegExp(`^(\\s+${t.dataset.id}:\\s*)"?${t.dataset.version.replaceAll('.', '\\.')}"?`, 'm'), '$1"9.9.9"');
      return { file: t.story, says: [`field "datasets.${t.dataset.id}": ${t.dataset.id} has no version 9.9.9`] };
    },
  },
  {
    name: 'a county story whose county code is not in data/counties.json',
    endToEnd:
      "page render: checked inline in src/stories/collection.ts (allStories), which needs Astro's content layer; a unit test needs that check extracted into a function",
    apply: (sb, t) => {
      sb.replace(t.story, /^county:.*$/m, 'county: "130322"');
      return { file: t.story, says: ['field "county"', '130322'] };
    },
  },
  {
    name: 'a story filed under a theme that does not exist',
    endToEnd: "Astro's content layer checks the front matter against the story schema and writes the message (the entry and the field)",
    apply: (sb, t) => {
      sb.replace(t.story, /^themes:\s*\[/m, 'themes: [no-such-theme, ');
      // Astro's content layer names the entry ("stories → counties/qinglong") and the field.
      return { file: t.story.replace(/^content\/|\.mdx$/g, ''), says: ['themes.0', 'expected one of'] };
    },
  },
  {
    name: 'a story without its English translation',
    unit: 'translations',
    apply: (sb, t) => {
      sb.remove(t.translation);
      return { file: t.translation, says: ['missing', `${t.story} has no English translation`] };
    },
  },
  {
    name: 'a translation that leaves out a figure',
    unit: 'translations',
    apply: (sb, t) => {
      sb.replace(t.translation, new RegExp(`<Fig\\s[^>]*row="${t.fig.row}"[^>]*field="${t.fig.field}"[^>]*/>`), 'some');
      return { file: t.translation, says: [`<Fig data="${t.fig.data}" row="${t.fig.row}" field="${t.fig.field}" />`, 'not in the translation'] };
    },
  },
  {
    name: 'a number typed in a county story',
    unit: 'data',
    apply: (sb, t) => {
      const typed = '全县还建起了30个村级物流网点。';
      sb.replace(t.story, /^(## .*)$/m, `$1\n\n${typed}`);
      const lines = sb.read(t.story).split('\n');
      const line = lines.findIndex((l) => l === typed) + 1;
      return { file: `${t.story}:${line}:7`, says: ['"30" in the paragraph', 'is a number typed in the prose', '<Fig data='] };
    },
  },
  {
    name: 'a "<" typed in a county story',
    unit: 'data',
    apply: (sb, t) => {
      const typed = '贫困发生率降到<5%。';
      sb.replace(t.story, /^(## .*)$/m, `$1\n\n${typed}`);
      const line = sb.read(t.story).split('\n').indexOf(typed) + 1;
      return { file: `${t.story}:${line}:${typed.indexOf('<') + 1}`, says: ['a "<" in the text starts a tag in MDX', 'write &lt; instead'] };
    },
  },
  {
    name: 'a translation with code that would read a file of the build machine',
    unit: 'data',
    endToEnd: "hostile input: only a real build shows that the story's code never ran on the build machine",
    apply: (sb, t) => {
      const marker = 'story-code-ran.txt';
      const code = `import { readFileSync, writeFileSync } from 'node:fs'\nexport const leaked = writeFileSync('${marker}', readFileSync('package.json', 'utf8'))\n\nThe build machine's home is {process.env.HOME}.\n`;
      const before = sb.read(t.translation);
      sb.write(t.translation, `${before}\n${code}`);
      const line = before.split('\n').length + 1;
      return {
        file: `${t.translation}:${line}:1`,
        says: ['import and export are not allowed in a story', `${t.translation}:${line + 3}:29: "{process.env.HOME}"`, 'an expression in braces runs code'],
        neverWritten: marker,
      };
    },
  },
  {
    name: 'a translation that types a number instead of citing it',
    unit: 'data',
    apply: (sb, t) => {
      sb.write(t.translation, sb.read(t.translation) + '\nSales rose by 987654 yuan.\n');
      return { file: t.translation, says: ['"987654"', 'typed in the prose'] };
    },
  },

  // ——— Publishing: a URL once published never disappears (checked after the build) ———
  {
    name: 'a published URL removed without a redirect',
    unit: 'published URLs',
    endToEnd: 'after the build: the published-URL check reads the site Astro has just written (astro:build:done)',
    apply: (sb) => {
      const list = sb.exists('data/published-urls.txt') ? sb.read('data/published-urls.txt') : '';
      sb.write('data/published-urls.txt', `${list}/counties/removed-county/\n`);
      return { file: 'data/published-urls.txt', says: ['/counties/removed-county/', 'no redirect'] };
    },
  },
  {
    name: 'a redirect to a page that does not exist',
    unit: 'published URLs',
    apply: (sb) => {
      const list = sb.exists('data/published-urls.txt') ? sb.read('data/published-urls.txt') : '';
      sb.write('data/published-urls.txt', `${list}/counties/old-name/\n`);
      sb.editJson('data/redirects.json', (r) => (r['/counties/old-name/'] = '/counties/nowhere/'));
      return { file: 'data/redirects.json', says: ['"/counties/old-name/"', '/counties/nowhere/'] };
    },
  },

  // ——— Charts, maps, timeline: these run once the feature is part of the pages ———
  {
    name: 'a story using a chart id that does not exist',
    unit: 'story charts',
    pending: (sb) => storiesUse(sb, 'Chart'),
    apply: (sb, t) => {
      for (const file of [t.story, t.translation]) if (sb.exists(file)) sb.write(file, `${sb.read(file)}\n<Chart id="no-such-chart" />\n`);
      return { file: t.story, says: ['no-such-chart'] };
    },
  },
  {
    name: 'a story showing a chart drawn from another version of a dataset it pins',
    unit: 'story charts',
    apply: (sb) => {
      for (const story of sb.list('content/counties').filter((f) => f.endsWith('.mdx'))) {
        const text = sb.read(story);
        for (const { id } of findTags(text, 'Chart')) {
          const spec = sb.json<{ dataset: string; version: string }>(`${CHARTS}/${id}.json`);
          const other = sb
            .list(`data/datasets/${spec.dataset}`)
            .map((f) => f.replace(/^.*\/|\.json$/g, ''))
            .find((v) => v !== spec.version);
          const pin = new RegExp(`^(\\s+${spec.dataset}:\\s*)"?${spec.version.replaceAll('.', '\\.')}"?`, 'm');
          if (!other || !pin.test(text)) continue;
          sb.replace(story, pin, `$1"${other}"`);
          return { file: story, says: [`<Chart id="${id}" /> draws ${spec.dataset}@${spec.version}`, `the story pins ${spec.dataset}@${other}`] };
        }
      }
      throw new Error('No county story shows a chart of a dataset with two versions: this case needs one to break');
    },
  },
  {
    name: 'a chart spec that is not valid JSON',
    unit: 'data',
    pending: (sb) =>
      uses(sb, 'content/charts', /Chart\.astro|<Chart\b|charts\/registry|getCharts/) ??
      (sb.list('content/charts').some((f) => f.endsWith('.json')) ? undefined : 'content/charts/ has no chart yet'),
    apply: (sb) => {
      const file = sb.list('content/charts').find((f) => f.endsWith('.json'))!;
      sb.replace(file, /\}\s*$/, '');
      return { file, says: ['is not valid JSON'] };
    },
  },
  {
    name: 'a chart spec with a type that does not exist',
    unit: 'data',
    pending: (sb) =>
      uses(sb, 'content/charts', /Chart\.astro|<Chart\b|charts\/registry|getCharts/) ??
      (sb.list('content/charts').some((f) => f.endsWith('.json')) ? undefined : 'content/charts/ has no chart yet'),
    apply: (sb) => {
      const file = sb.list('content/charts').find((f) => f.endsWith('.json'))!;
      sb.editJson(file, (spec) => (spec.type = 'pie'));
      return { file, says: ['field "type"', '"pie" is not a chart type'] };
    },
  },
  {
    name: 'a chart spec citing a row its dataset version does not have',
    unit: 'data',
    pending: (sb) =>
      uses(sb, 'content/charts', /Chart\.astro|<Chart\b|charts\/registry|getCharts/) ??
      (sb.list('content/charts').some((f) => f.endsWith('.json')) ? undefined : 'content/charts/ has no chart yet'),
    apply: (sb) => {
      const file = sb.list('content/charts').find((f) => f.endsWith('.json'))!;
      sb.editJson(file, (spec) => {
        // Every chart type cites cells as { row, field }: break the first one found.
        const ref = [spec.items?.[0], spec.before, spec.part, spec.series?.[0]?.points?.[0]].find(Boolean);
        ref.row = 'no-such-row';
      });
      return { file, says: ['no-such-row'] };
    },
  },
  {
    name: 'a geometry file with a feature of an unknown type',
    unit: 'geometry',
    pending: (sb) => uses(sb, 'data/geo', /CountyMap|LocatorMap|geo\/(load|render)/),
    apply: (sb) => {
      const file = 'data/geo/national.topo.json';
      let name = '';
      sb.editJson(file, (topo) => {
        name = Object.keys(topo.objects)[0];
        topo.objects[name].geometries[0].type = 'Circle';
      });
      return { file, says: [`field "objects.${name}.geometries[0].type"`] };
    },
  },
  {
    name: 'a geometry file that is not valid JSON',
    unit: 'geometry',
    pending: (sb) => uses(sb, 'data/geo', /CountyMap|LocatorMap|geo\/(load|render)/),
    apply: (sb) => {
      const file = 'data/geo/national.topo.json';
      sb.replace(file, /\}\s*$/, '');
      return { file, says: ['not valid JSON'] };
    },
  },
  {
    name: 'a county missing from the map geometry',
    unit: 'geometry',
    pending: (sb) => uses(sb, 'data/geo', /CountyMap|LocatorMap|geo\/(load|render)/),
    apply: (sb) => {
      const file = 'data/geo/national.topo.json';
      const code = sb.json('data/counties.json')[0].code;
      sb.editJson(file, (topo) => {
        topo.objects.counties.geometries = topo.objects.counties.geometries.filter((g: { id: string }) => g.id !== code);
      });
      return { file, says: [code, /no (county|feature with id)/] };
    },
  },
  {
    name: 'a timeline event citing a row that does not exist',
    unit: 'data',
    pending: (sb) => (sb.exists('data/timeline.json') && sb.exists('src/pages/[...lang]/timeline.astro') ? undefined : 'the timeline is not built yet'),
    apply: (sb) => {
      sb.editJson('data/timeline.json', (tl) => {
        const ref = tl.events[0].figures[0] ?? tl.events[0].text;
        tl.events[0].figures = [{ ...ref, row: 'no-such-row' }];
      });
      return { file: 'data/timeline.json', says: ['events[0]', 'has no row "no-such-row"'] };
    },
  },
  // ——— Redirects (data/redirects.json): hostile or careless entries (H4) ———
  {
    name: 'a redirect key with ".." segments (would write a file outside the build output)',
    unit: 'data',
    apply: (sb) => {
      sb.write('data/redirects.json', JSON.stringify({ '/../../escaped/': '/' }, null, 2));
      return { file: 'data/redirects.json', says: ['key "/../../escaped/"', '".." segment'] };
    },
  },
  {
    name: 'a redirect over a live story',
    endToEnd: "Astro refuses the route conflict, and scripts/build.ts names the file and the key from Astro's output",
    apply: (sb, t) => {
      const slug = t.story.replace(/^content\/counties\/|\.mdx$/g, '');
      sb.write('data/redirects.json', JSON.stringify({ [`/counties/${slug}/`]: '/' }, null, 2));
      return { file: 'data/redirects.json', says: [`key "/counties/${slug}/" redirects a page the site still builds`] };
    },
  },
  // ——— Append-only files (src/data/append-only.ts; against git history in tests/unit/append-only.test.ts: the copies here have no .git) ———
  {
    name: 'data/published-urls.txt emptied (which would turn the URL guard off)',
    unit: 'data',
    apply: (sb) => {
      sb.write('data/published-urls.txt', '# nothing published\n');
      return { file: 'data/published-urls.txt', says: ['lists no URL: it may never be emptied'] };
    },
  },
];

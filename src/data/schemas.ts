/**
 * Every data shape of the site, declared once. TypeScript types are derived
 * from these schemas (see the `export type` lines), never written by hand.
 *
 * Imported by the content layer (src/content.config.ts), by the build-time
 * checks (src/data/datasets.ts) and by plain Node scripts, so it only depends on zod.
 */
import { z } from 'astro/zod';
import { QUALIFIERS } from './qualifiers.ts';
import { didYouMean } from '#/authoring/suggest.ts';

/**
 * An object that refuses keys it does not declare, naming the nearest known key:
 * a misspelt "qualifers" or "stauts" must not be dropped silently.
 */
export function strict<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => `unknown key "${key}"${didYouMean(key, known) || ` (the keys here are: ${known.join(', ')})`}`).join('; ')
        : undefined,
  });
}

/** Text in both editions. Chinese is the original; English is a translation. */
export const bilingual = strict({
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type Bilingual = z.infer<typeof bilingual>;

/** True when "2026-02-28", "2023-06" or "2021" names a day, month or year that exists (not 2026-02-30, not month 13). */
export function isRealDate(text: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return false;
  const [year, month = 1, day = 1] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A whole date, YYYY-MM-DD, that exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine(isRealDate, { message: 'this day does not exist (check the month, 01–12, and the day of that month)', abort: true });
/** YYYY, YYYY-MM or YYYY-MM-DD, that exists: what an article says a figure describes. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, { message: 'this date does not exist (check the month, 01–12, and the day of that month)', abort: true });
export const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and hyphens, e.g. "envoy-coverage"');
/** MAJOR.MINOR.PATCH without leading zeros, so "1.0.00" cannot stand for "1.0.0" under another file name. */
export const semver = z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, 'a semantic version such as "1.0.0" (numbers without leading zeros)');
/** GB/T 2260 administrative code of a county-level unit: six digits. */
export const adminCode = z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 code such as "130321"');

/** One article (or one story on a saved news page) that figures are taken from. */
export const source = strict({
  id: kebabId,
  title: z.string().min(1),
  byline: z.string().min(1).optional(),
  /** Only where the saved text names one. */
  outlet: z.string().min(1).optional(),
  date: isoDate,
  /** How the date was established, when the text does not print it in full. */
  dateNote: bilingual.optional(),
  /** The saved page in data/sources/ that this story is on (the bare file name). */
  file: z.string().regex(/^[\w-][\w.-]*\.txt$/, 'the bare name of a saved page in data/sources/, e.g. "003_096f2e30b87b1bab.txt"'),
});
export type Source = z.infer<typeof source>;

export const qualifier = z.enum(Object.keys(QUALIFIERS) as [keyof typeof QUALIFIERS, ...(keyof typeof QUALIFIERS)[]]);

/**
 * A single published number, with the words it came from.
 * A dataset may not hold a bare number: every number is a figure.
 */
export const figure = strict({
  value: z.number(),
  /** Exact words from the article, copied character for character. */
  quote: z.string().min(2),
  /** Id of one of the dataset's `sources`. */
  source: kebabId,
  /** Words around the number in the source (超过, 近, 累计 …), in source order. */
  qualifiers: z.array(qualifier).default([]),
  /** A plan or a hope rather than a result. */
  status: z.enum(['reported', 'target', 'expected']).default('reported'),
  /** The date the figure describes, if it differs from the article's date. */
  asOf: partialDate.optional(),
  note: bilingual.optional(),
  /**
   * Who makes the claim (an id in data/claimants.json), as distinct from the
   * article it was read in. Required in the newest version of every dataset
   * (src/data/claimants.ts); older released versions may lack it.
   */
  claimant: kebabId.optional(),
});
export type Figure = z.infer<typeof figure>;

/** Units the formatters know how to write in both languages. */
export const unit = strict({
  zh: z.string(),
  en: z.string(),
});
export type Unit = z.infer<typeof unit>;

export const field = strict({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'snake_case, e.g. "sales_yuan"'),
  label: bilingual,
  type: z.enum(['figure', 'text', 'date', 'admin-code']),
  /** For figures: what the number counts. "%" for percentages; "" for a bare count. */
  unit: unit.optional(),
  /**
   * How a figure is written: "cheng" writes 60 as 六成 (tenths), as Chinese sources do;
   * "times-higher" is a rise stated in 倍 (高出1倍), which English writes as a
   * percentage ("100% higher"), since "1 times higher" is not English.
   */
  format: z.enum(['number', 'cheng', 'times-higher']).default('number'),
});
export type Field = z.infer<typeof field>;

/** A text cell: both languages. A date cell: ISO date. A code cell: GB/T 2260. */
const cell = z.union([figure, bilingual, z.string(), z.null()], { error: describeCellError });

/**
 * A cell that is none of the allowed shapes. Zod's own message for a failed
 * union is "Invalid input"; an author needs to know which part of the figure is wrong.
 */
function describeCellError(issue: { input?: unknown; errors?: { path: PropertyKey[]; message: string }[][] }): string {
  const input = issue.input;
  if (typeof input === 'number') return 'a bare number is not allowed: give a figure { "value", "quote", "source" } (the quote is the exact words of the article)';
  if (input && typeof input === 'object' && ['value', 'quote', 'source'].some((k) => k in input)) {
    const problems = (issue.errors?.[0] ?? []).map((i) => (i.path.length ? `"${i.path.join('.')}": ${i.message}` : i.message));
    return `this figure is not valid: ${problems.join('; ')}`;
  }
  return 'a cell is a figure { "value", "quote", "source" }, a text { "zh", "en" }, a date or code string, or null';
}

export const row = z
  .object({ id: kebabId })
  .catchall(cell);
export type Row = z.infer<typeof row>;

export const dataset = strict({
    id: kebabId,
    version: semver,
    released: isoDate,
    title: bilingual,
    description: bilingual,
    license: z.string().min(1),
    /** What changed since the previous version; required from the second version on. */
    changes: bilingual.optional(),
    sources: z.array(source).min(1),
    fields: z.array(field).min(1),
    rows: z.array(row).min(1),
  })
  .superRefine((ds, ctx) => {
    const sourceIds = new Set(ds.sources.map((s) => s.id));
    const fields = new Map(ds.fields.map((f) => [f.key, f]));
    const rowIds = new Set<string>();
    ds.rows.forEach((r, i) => {
      if (rowIds.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'id'], message: `duplicate row id "${r.id}"` });
      rowIds.add(r.id);
      for (const [key, value] of Object.entries(r)) {
        if (key === 'id') continue;
        const f = fields.get(key);
        const path = ['rows', i, key];
        if (!f) {
          ctx.addIssue({ code: 'custom', path, message: `row "${r.id}" has "${key}", which is not one of the dataset's fields${didYouMean(key, fields.keys())} (${[...fields.keys()].join(', ')})` });
          continue;
        }
        if (value === null) continue;
        const isFigure = typeof value === 'object' && 'value' in value;
        if (f.type === 'figure') {
          if (!isFigure) ctx.addIssue({ code: 'custom', path, message: `"${key}" is a figure field: give { value, quote, source }` });
          else if (!sourceIds.has(value.source)) ctx.addIssue({ code: 'custom', path: [...path, 'source'], message: `source "${value.source}" is not listed in the dataset's sources (${[...sourceIds].join(', ')})` });
        } else if (f.type === 'text') {
          if (typeof value !== 'object' || isFigure) ctx.addIssue({ code: 'custom', path, message: `"${key}" is a text field: give { zh, en }` });
        } else if (f.type === 'date') {
          if (typeof value !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) ctx.addIssue({ code: 'custom', path, message: `"${key}" is a date field: write YYYY, YYYY-MM or YYYY-MM-DD` });
          else if (!isRealDate(value)) ctx.addIssue({ code: 'custom', path, message: `"${value}" is not a date that exists (check the month, 01–12, and the day of that month)` });
        } else if (f.type === 'admin-code') {
          if (typeof value !== 'string' || !/^\d{6}$/.test(value)) ctx.addIssue({ code: 'custom', path, message: `"${key}" is a GB/T 2260 code: six digits` });
        }
      }
    });
    ds.fields.forEach((f, i) => {
      if (f.type === 'figure' && !f.unit) ctx.addIssue({ code: 'custom', path: ['fields', i, 'unit'], message: `figure field "${f.key}" needs a unit ({ "zh": "", "en": "" } for a bare count)` });
    });
  });
export type Dataset = z.infer<typeof dataset>;

// ——— Who says so: data/claimants.json (src/data/claimants.ts) ———

/**
 * What kind of claimant makes a claim. `company` is the programme's own
 * company; `reporter` is the author of the article, for material the article
 * gives as its own (据了解, 据统计, or no attribution at all).
 */
export const claimantKinds = ['company', 'report', 'research-team', 'government', 'person', 'reporter'] as const;

export const claimant = strict({
  id: kebabId,
  kind: z.enum(claimantKinds),
  /** The name as it is written in an attribution: "清华大学报告" / "the Tsinghua University report". */
  name: bilingual,
  /** Who they are, for the dataset pages' list of claimants. */
  about: bilingual,
  /** True when the claimant is the programme itself (its figures are marked "supplied by" everywhere). */
  suppliedByProgramme: z.boolean(),
});
export type Claimant = z.infer<typeof claimant>;
export const claimantRegistry = z.array(claimant).min(1);

/** A county-level unit that has a story. */
export const county = strict({
  code: adminCode,
  /** Pinyin slug: the story lives at /counties/<slug>/ for ever. */
  slug: kebabId,
  name: bilingual,
  /** The official full name as in GB/T 2260 (e.g. 青龙满族自治县). */
  officialName: z.string().min(2),
  province: bilingual,
});
export type County = z.infer<typeof county>;

export const themes = ['industry', 'talent', 'technology', 'farmers', 'women', 'tourism', 'heritage', 'governance', 'philanthropy'] as const;
export const theme = z.enum(themes);

/**
 * A number typed in a story's prose that is not a quantity, allowed on purpose
 * (src/stories/prose.ts; AUTHORING.md, "Write a story"): the words exactly as
 * typed, and why. An exception that no longer matches anything is an error.
 */
export const numbersInProse = z.array(
  z.strictObject({
    text: z.string().min(1),
    reason: z.string().min(10, 'say why this is not a quantity (at least 10 characters)'),
  }),
);
export type NumberInProse = z.infer<typeof numbersInProse>[number];

/** Front matter of a story in content/. */
export const story = z.object({
  title: z.string().min(2),
  /** One or two sentences for lists, feeds and social cards. */
  summary: z.string().min(10),
  kind: z.enum(['county', 'theme']),
  /** For county stories: the county's GB/T 2260 code. */
  county: adminCode.optional(),
  /** Dataset versions the story cites: { "qinglong": "1.0.0" }. */
  datasets: z.record(kebabId, semver).default({}),
  themes: z.array(theme).default([]),
  published: z.coerce.date(),
  /** The date of the last change after publication. */
  updated: z.coerce.date().optional(),
  numbersInProse: numbersInProse.default([]),
  /**
   * Changes after publication, shown as dated notices in both editions: a correction (更正 / Correction,
   * something published was wrong) or an update (更新 / Update, e.g. a new dataset version, nothing wrong).
   */
  corrections: z.array(z.strictObject({ date: isoDate, kind: z.enum(['correction', 'update']).default('correction'), text: bilingual })).default([]),
});
export type StoryFrontmatter = z.infer<typeof story>;

// ——— English edition (src/stories/translations.ts) ———

/**
 * Front matter of an English translation in content/en/counties|themes/<slug>.mdx.
 * Only the translated prose: county, dataset pins, themes and dates come from
 * the Chinese original, so a translation cannot drift from it. Strict, so a
 * copied `datasets:` or `county:` line is an error rather than silently ignored.
 */
export const storyTranslation = z.strictObject({
  title: z.string().min(2),
  summary: z.string().min(10),
  numbersInProse: numbersInProse.default([]),
});
export type StoryTranslationFrontmatter = z.infer<typeof storyTranslation>;
export type Theme = z.infer<typeof theme>;

/** One cell of a dataset row, named as in a story's <Fig data row field />. */
export const cellRef = strict({
  data: kebabId,
  row: kebabId,
  field: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a field key, e.g. "measures"'),
});
export type CellRef = z.infer<typeof cellRef>;

/**
 * An event on the programme timeline (data/timeline.json, src/data/timeline.ts).
 * Its date and numbers are references into the pinned datasets (or, for an
 * article, the date in data/sources.json); only the headline is prose.
 */
export const timelineEvent = strict({
  id: kebabId,
  /** A date cell of a dataset row, or the date of a source in data/sources.json. */
  date: z.union([cellRef, strict({ source: kebabId })]),
  /** A short headline; numbers belong in `figures`, so it may only print years. */
  title: bilingual,
  /** A text cell that says what happened. */
  text: cellRef.optional(),
  figures: z.array(cellRef).default([]),
  /** The articles that report the event (ids in data/sources.json). */
  sources: z.array(kebabId).min(1),
});
export type TimelineEvent = z.infer<typeof timelineEvent>;

export const timeline = strict({
  /** Dataset versions the timeline cites, as in a story's front matter. */
  datasets: z.record(kebabId, semver),
  events: z.array(timelineEvent).min(1),
});
export type Timeline = z.infer<typeof timeline>;

// ——— Publishing: the saved pages behind data/sources.json (src/data/source-pages.ts) ———

/** A story printed on the same saved page as a source but deliberately not used. */
export const leftOutStory = strict({
  title: z.string().min(2),
  byline: z.string().min(1).optional(),
  /** The date as the page prints it, if it prints one ("7月23日"). */
  printedDate: z.string().min(1).optional(),
  /** Why the site does not use it. */
  reason: bilingual,
});
export type LeftOutStory = z.infer<typeof leftOutStory>;

/** One saved page in data/sources/ and the stories on it the site left out. */
export const sourcePage = strict({
  file: source.shape.file,
  leftOut: z.array(leftOutStory).default([]),
});
export type SourcePage = z.infer<typeof sourcePage>;

// ——— Geometry: the committed TopoJSON in data/geo/ (src/geo/load.ts) ———

/** Properties every map feature carries: counties and provinces are keyed by code (the feature id). */
export const geoProperties = z.object({ name: z.string().min(1) });
export type GeoProperties = z.infer<typeof geoProperties>;

const topoGeometry = z.looseObject({
  type: z.enum(['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString']),
  id: z.string().min(1),
  properties: geoProperties,
});

/** The outline of a TopoJSON topology; topojson-client decodes the arcs, src/geo/validate.ts checks the result. */
export const topology = z.looseObject({
  type: z.literal('Topology'),
  objects: z.record(z.string(), z.object({ type: z.literal('GeometryCollection'), geometries: z.array(topoGeometry).min(1) })),
  arcs: z.array(z.array(z.array(z.number()))),
  transform: z.object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) }).optional(),
});

// ————————————————————————————————————————————————————————————————
// Charts: specs in content/charts/<id>.json (src/charts/registry.ts)
// ————————————————————————————————————————————————————————————————

export const chartTypes = ['bar', 'comparison', 'slope', 'part-of-whole', 'number-card'] as const;

/** One figure a chart shows: a cell of the chart's dataset version. */
export const chartValueRef = strict({
  row: kebabId,
  field: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a field key, e.g. "sales_yuan"'),
  /** What the reader sees next to the value; by default the row's `labelField` cell, else the field's label. */
  label: bilingual.optional(),
});
export type ChartValueRef = z.infer<typeof chartValueRef>;

/**
 * A chart id: kebab-case with at least one letter, so /charts/<id>/ (the
 * chart's page) never collides with the gallery's numbered /charts/<n>/.
 */
export const chartId = kebabId.refine((id) => /[a-z]/.test(id), 'at least one letter: /charts/<digits>/ is a page of the chart gallery');

const chartCommon = {
  id: chartId,
  /** The dataset and the exact version the chart is drawn from: a chart never moves under a story. */
  dataset: kebabId,
  version: semver,
  /** The finding, in a sentence or a phrase. */
  title: bilingual,
  /** What is measured, where and when. */
  subtitle: bilingual,
  /** A text or date field of the dataset whose cell labels each value. */
  labelField: z.string().optional(),
  /** Printed under the chart: caveats, definitions. */
  notes: bilingual.optional(),
};

/**
 * A chart spec. `type` picks the form:
 *   bar           — values of one unit, side by side (long Chinese labels go above the bars)
 *   comparison    — before and after, with the source's own statement of the change;
 *                   or an unpublished "before" and a rise stated in 倍
 *   slope         — one or more series of dated values (x is each figure's date)
 *   part-of-whole — a share (unit "%" or format "cheng"), optionally of a stated whole
 *   number-card   — one to four headline figures
 */
export const chartSpec = z.discriminatedUnion('type', [
  strict({ ...chartCommon, type: z.literal('bar'), items: z.array(chartValueRef).min(1).max(12) }),
  strict({
    ...chartCommon,
    type: z.literal('comparison'),
    /**
     * The earlier value; or, where the source gives only the change ("收购价较之前一年高出了1倍"),
     * just a label for it: the earlier value is then drawn as the base and `after` (a figure
     * in 倍, "times higher") as that many times more. No number is printed for the base.
     */
    before: z.union([chartValueRef, strict({ label: bilingual })]),
    after: chartValueRef,
    /** A figure that states the change in the source's words (增长近10倍); never computed. */
    change: chartValueRef.optional(),
  }),
  strict({
    ...chartCommon,
    type: z.literal('slope'),
    series: z.array(strict({ label: bilingual.optional(), points: z.array(chartValueRef).min(2).max(8) })).min(1).max(3),
  }),
  strict({ ...chartCommon, type: z.literal('part-of-whole'), part: chartValueRef, whole: chartValueRef.optional() }),
  strict({ ...chartCommon, type: z.literal('number-card'), items: z.array(chartValueRef).min(1).max(4) }),
]);
export type ChartSpec = z.infer<typeof chartSpec>;
export type ChartType = ChartSpec['type'];

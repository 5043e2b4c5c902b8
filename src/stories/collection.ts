/** Story collection helpers: URLs, ordering and the English edition. A story's URL is permanent. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { countyByCode, getDatasets, ROOT } from '#/data/site-data.ts';
import { bindChart, bindStory, findCitations, type ResolvedFigure } from './binding.ts';
import { storyPagePath } from '#/publishing/urls.ts';
import { checkTranslation, translationFile, type StoryText } from './translations.ts';
import { storyEntryProblems } from './story-checks.ts';
import { isTranslation, type Lang } from '#/i18n/editions.ts';
import { draftPreview } from '#/authoring/live.ts';
import { DataError } from '#/authoring/errors.ts';
import { getChart, getCharts } from '#/charts/registry.ts';
import { versionKey } from '#/data/datasets.ts';

export type Story = CollectionEntry<'stories'>;
export type Translation = CollectionEntry<'translations'>;

/** content/counties/qinglong.mdx → "qinglong"; content/themes/envoys.mdx → "envoys". */
export const storySlug = (entry: Story) => entry.id.split('/').at(-1)!;

/** /counties/qinglong/ in Chinese, /en/counties/qinglong/ in English. */
export const storyPath = (entry: Story, lang: Lang = 'zh') => storyPagePath(entry.data.kind, storySlug(entry), lang);

/**
 * Computed once per build and shared by every page. Pages that list stories
 * (datasets, topics, feeds) ask for them on every render: recomputing would
 * re-check the whole collection per page, quadratic in the number of stories.
 * The dev server recomputes, so edits show up.
 */
export function oncePerBuild<T>(compute: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (import.meta.env.DEV ? compute() : (cached ??= compute()));
}

/**
 * The text whose tags are checked. The dev server reads the file as saved: the content
 * store's copy of the body can lag behind the MDX that renders, and a <Fig> or <Chart>
 * just added would be missing from what was checked.
 */
const renderedText = (content: Story | Translation) => (import.meta.env.DEV ? readFileSync(path.join(ROOT, storyFile(content)), 'utf8') : (content.body ?? ''));

/**
 * A story file's <Fig> citations bound to the original's pinned dataset
 * versions (src/stories/binding.ts), by file: once per build, like oncePerBuild,
 * so the story page reuses what checkCitations bound. The dev server rebinds.
 */
const boundFigures = new Map<string, Map<string, ResolvedFigure>>();
function bindFigures(content: Story | Translation, pins: Record<string, string>): Map<string, ResolvedFigure> {
  const file = storyFile(content);
  const bind = () => bindStory(renderedText(content), pins, getDatasets(), file);
  if (import.meta.env.DEV) return bind();
  let figures = boundFigures.get(file);
  if (!figures) boundFigures.set(file, (figures = bind()));
  return figures;
}

/**
 * Every story's dataset pins and <Fig> citations, resolved once before any
 * page uses a story: an index page or an API endpoint may render before the
 * story itself, and must not be the one to stumble on a bad pin.
 */
const checkCitations = oncePerBuild(async () => {
  // The dev server leaves this to each story's page, so one broken story breaks only its own page.
  if (draftPreview()) return;
  for (const e of await getCollection('stories')) bindFigures(e, e.data.datasets);
});

const allStories = oncePerBuild(async (): Promise<Story[]> => {
  await checkCitations();
  const all = await getCollection('stories');
  // The build checked these before rendering (src/stories/story-checks.ts); the dev server checks them here.
  if (draftPreview()) {
    const problems = all.flatMap((e) => storyEntryProblems(e.data, storyFile(e), countyByCode));
    if (problems.length) throw DataError.combine(problems);
  }
  return all.sort((a, b) => a.id.localeCompare(b.id));
});

export async function getStories(kind?: Story['data']['kind']): Promise<Story[]> {
  return (await allStories()).filter((e) => !kind || e.data.kind === kind);
}

/** The MDX file of a story or translation, from the project root. */
export const storyFile = (e: Story | Translation) => e.filePath ?? `content/${e.collection === 'translations' ? 'en/' : ''}${e.id}.mdx`;
const asText = (e: Story | Translation): StoryText => ({ file: storyFile(e), body: e.body ?? '', title: e.data.title, summary: e.data.summary });

/**
 * English translations by story id. The build has checked them before rendering
 * (src/stories/story-checks.ts): every story has a faithful translation. The dev
 * server previews a story without one as a draft (translationProblems, storyDrafts).
 */
export const getTranslations = oncePerBuild(
  async (): Promise<Map<string, Translation>> => new Map((await getCollection('translations')).map((e) => [e.id, e])),
);

/** One story's translation problems, for its own pages in the dev server (a build has stopped on them already). */
async function translationProblems(entry: Story): Promise<DataError[]> {
  const translation = (await getTranslations()).get(entry.id);
  return checkTranslation(asText(entry), translation && asText(translation));
}

/** A story as one edition shows it: the original's data, the edition's words and MDX. */
export interface EditionStory {
  entry: Story;
  lang: Lang;
  title: string;
  summary: string;
  path: string;
  /** The MDX to render: the original, or its English translation. */
  content: Story | Translation;
  file: string;
}

export async function inEdition(entry: Story, lang: Lang): Promise<EditionStory> {
  const content = isTranslation(lang) ? (await getTranslations()).get(entry.id) : entry;
  if (!content) throw (await translationProblems(entry))[0]; // only in dev: the build has stopped on the check
  return { entry, lang, title: content.data.title, summary: content.data.summary, path: storyPath(entry, lang), content, file: storyFile(content) };
}

/**
 * The charts a story's text shows, looked up before the page starts to render:
 * a chart error found mid-page would cut the page short instead of failing it.
 */
export function checkStoryCharts(story: EditionStory): void {
  for (const id of storyCharts(story)) bindChart(id, story.entry.data.datasets, getChart, story.file);
}

/** The chart ids this edition's text shows, each once, in order. */
const storyCharts = (story: EditionStory) => new Set(findCitations(renderedText(story.content), story.file).charts);

/** The figures a story cites in this edition's text, numbered in order of first citation (the edition's MDX, the original's pins). */
export const storyFigures = (story: EditionStory) => bindFigures(story.content, story.entry.data.datasets);

/** Every story (of a kind) in one edition, in the order of getStories(). In dev, a draft without its translation is left out of the English edition. */
export async function getEditionStories(lang: Lang, kind?: Story['data']['kind']): Promise<EditionStory[]> {
  const translations = isTranslation(lang) ? await getTranslations() : undefined;
  const stories = (await getStories(kind)).filter((e) => !translations || translations.has(e.id));
  return Promise.all(stories.map((e) => inEdition(e, lang)));
}

/**
 * What a story page shows that is not released yet (dev only; a build refuses
 * all of it): dataset versions it pins or its charts draw that are not in the
 * lock file, and a missing English translation. A translation that does not
 * match its original stops the English page, and only that page.
 */
export async function storyDrafts(story: EditionStory): Promise<string[]> {
  if (!draftPreview()) return [];
  if (isTranslation(story.lang)) {
    const problems = await translationProblems(story.entry);
    if (problems.length) throw DataError.combine(problems);
  }
  const unreleased = new Map(getDatasets().unreleased.map((d) => [versionKey(d.data.id, d.data.version), d.file]));
  const drafts = Object.entries(story.entry.data.datasets)
    .map(([id, version]) => versionKey(id, version))
    .filter((key) => unreleased.has(key))
    .map((key) => `${key} is not released yet (${unreleased.get(key)}): when it is final, run "npm run release-datasets"`);
  const charts = getCharts();
  for (const id of storyCharts(story)) {
    const chart = charts.get(id);
    if (chart && unreleased.has(chart.datasetKey)) drafts.push(`<Chart id="${id}" /> draws ${chart.datasetKey}, not released yet (${chart.file})`);
  }
  if (!isTranslation(story.lang) && !(await getTranslations()).has(story.entry.id))
    drafts.push(`no English translation yet: write ${translationFile(story.file)} (the English page appears once it exists)`);
  return drafts;
}

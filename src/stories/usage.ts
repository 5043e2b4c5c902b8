/**
 * Which stories pin a dataset version and which show a chart, in each
 * edition. Indexed once per build: dataset pages and the chart gallery look
 * up their stories instead of scanning every story on every page (O(N) per
 * page, O(N²) per build).
 */
import { findCitations } from './binding.ts';
import type { Lang } from '#/i18n/editions.ts';
import { getEditionStories, oncePerBuild, type EditionStory } from './collection.ts';

interface StoryIndex {
  /** By "<id>@<version>": the stories whose front matter pins that version. */
  byDataset: Map<string, EditionStory[]>;
  /** By chart id: the stories whose MDX has <Chart id="…" />. */
  byChart: Map<string, EditionStory[]>;
}

const versionKey = (id: string, version: string) => `${id}@${version}`;

async function indexStories(lang: Lang): Promise<StoryIndex> {
  const index: StoryIndex = { byDataset: new Map(), byChart: new Map() };
  const add = (map: Map<string, EditionStory[]>, key: string, story: EditionStory) => {
    const list = map.get(key);
    if (list) list.push(story);
    else map.set(key, [story]);
  };
  // In getEditionStories() order, so each list is in that order too.
  for (const story of await getEditionStories(lang)) {
    for (const [id, version] of Object.entries(story.entry.data.datasets)) add(index.byDataset, versionKey(id, version), story);
    for (const id of new Set(findCitations(story.content.body ?? '', story.file).charts)) add(index.byChart, id, story);
  }
  return index;
}

const indexes = { zh: oncePerBuild(() => indexStories('zh')), en: oncePerBuild(() => indexStories('en')) };

/** Stories (in one edition) that pin this dataset version. */
export async function storiesCitingDataset(lang: Lang, id: string, version: string): Promise<EditionStory[]> {
  return (await indexes[lang]()).byDataset.get(versionKey(id, version)) ?? [];
}

/** Every chart shown in one edition, with the stories that show it. */
export async function storiesByChart(lang: Lang): Promise<ReadonlyMap<string, EditionStory[]>> {
  return (await indexes[lang]()).byChart;
}

/** Stories (in one edition) that show this chart. */
export async function storiesShowingChart(lang: Lang, chartId: string): Promise<EditionStory[]> {
  return (await indexes[lang]()).byChart.get(chartId) ?? [];
}

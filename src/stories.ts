/** Story collection helpers: URLs and ordering. A story's URL is permanent. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { countyByCode } from './site.ts';

export type Story = CollectionEntry<'stories'>;

/** content/counties/qinglong.mdx → "qinglong"; content/themes/envoys.mdx → "envoys". */
export const storySlug = (entry: Story) => entry.id.split('/').at(-1)!;

export const storyPath = (entry: Story) => (entry.data.kind === 'county' ? `/counties/${storySlug(entry)}/` : `/themes/${storySlug(entry)}/`);

export async function getStories(kind?: Story['data']['kind']): Promise<Story[]> {
  const all = await getCollection('stories', (e) => !kind || e.data.kind === kind);
  for (const e of all) {
    const folder = e.id.split('/')[0];
    if (folder !== (e.data.kind === 'county' ? 'counties' : 'themes')) {
      throw new Error(`${e.filePath}: field "kind" is "${e.data.kind}" but the story is in content/${folder}/`);
    }
    if (e.data.kind === 'county') {
      if (!e.data.county) throw new Error(`${e.filePath}: field "county": a county story needs its GB/T 2260 code`);
      const county = countyByCode(e.data.county);
      if (!county) throw new Error(`${e.filePath}: field "county": ${e.data.county} is not in data/counties.json`);
      if (county.slug !== storySlug(e)) throw new Error(`${e.filePath}: the story of ${county.name.zh} must be saved as content/counties/${county.slug}.mdx`);
    }
  }
  return all.sort((a, b) => a.id.localeCompare(b.id));
}

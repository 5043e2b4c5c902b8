/**
 * The checks of a story's front matter and of its translation, run before any
 * page renders (src/authoring/checks.ts): the story's folder matches its kind,
 * a county story names a county of data/counties.json and is saved under its
 * slug, corrections fall between publication and "updated", and every story
 * has a faithful English translation (src/stories/translations.ts).
 *
 * The stories are read as files, not through Astro's content layer (which has
 * not run yet). A front matter its schema refuses is left to the content
 * layer, which names the entry and the field. The dev server runs the same
 * rules per story (src/stories/collection.ts) and previews a missing
 * translation as a draft.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { collect, DataError } from '#/authoring/errors.ts';
import { COUNTIES_FILE } from '#/data/site-data.ts';
import { story as storySchema, type County, type StoryFrontmatter } from '#/data/schemas.ts';
import { checkCorrections } from './corrections.ts';
import { MdxSyntaxError, parseMdx } from './mdx.ts';
import { isTranslation, listStoryFiles } from './prose.ts';
import { checkTranslations, type StoryText } from './translations.ts';

/** The problems of one original story's front matter. `file` is content/<folder>/<slug>.mdx. */
export function storyEntryProblems(data: StoryFrontmatter, file: string, countyByCode: (code: string) => County | undefined): DataError[] {
  const [, folder, slug] = /content\/([^/]+)\/([^/]+)\.mdx$/.exec(file) ?? [];
  const errors = checkCorrections(data, file);
  if (folder !== (data.kind === 'county' ? 'counties' : 'themes'))
    errors.push(new DataError(file, `field "kind" is "${data.kind}" but the story is in content/${folder}/`));
  else if (data.kind === 'county') {
    const county = data.county && countyByCode(data.county);
    if (!data.county) errors.push(new DataError(file, `field "county": a county story needs its GB/T 2260 code`));
    else if (!county) errors.push(new DataError(file, `field "county": ${data.county} is not in ${COUNTIES_FILE}`));
    else if (county.slug !== slug) errors.push(new DataError(file, `the story of ${county.name.zh} must be saved as content/counties/${county.slug}.mdx`));
  }
  return errors;
}

/** A story file's front matter (unchecked) and its MDX body, or undefined when either cannot be read (the prose check reports it). */
function readStory(root: string, file: string): { front: Record<string, unknown>; body: string } | undefined {
  const source = readFileSync(path.join(root, file), 'utf8');
  try {
    const yaml = parseMdx(source).children?.find((n) => n.type === 'yaml');
    const front = yaml?.value ? parseYaml(yaml.value) : {};
    if (!front || typeof front !== 'object') return undefined;
    return { front: front as Record<string, unknown>, body: source.slice(yaml?.position?.end.offset ?? 0) };
  } catch (error) {
    if (error instanceof MdxSyntaxError || (error as Error).name === 'YAMLException') return undefined;
    throw error;
  }
}

/**
 * Every story's front matter rules and, unless `drafts` (the dev server, which
 * previews an untranslated story), the translation check.
 */
export function checkStories(root: string, counties: County[], { drafts = false } = {}): DataError[] {
  const byCode = new Map(counties.map((c) => [c.code, c]));
  const errors: DataError[] = [];
  const originals: StoryText[] = [];
  const translations: StoryText[] = [];
  for (const file of listStoryFiles(root)) {
    const story = readStory(root, file);
    if (!story) continue;
    const text = { file, body: story.body, title: String(story.front.title ?? ''), summary: String(story.front.summary ?? '') };
    if (isTranslation(file)) {
      translations.push(text);
      continue;
    }
    originals.push(text);
    const parsed = storySchema.safeParse(story.front);
    if (parsed.success) errors.push(...storyEntryProblems(parsed.data, file, (code) => byCode.get(code)));
  }
  if (!drafts) collect(errors, () => checkTranslations(originals, translations));
  return errors.flatMap((e) => e.parts);
}

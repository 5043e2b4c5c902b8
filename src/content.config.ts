/**
 * Content collections. Stories are MDX in content/; their front matter is
 * the `story` schema from src/data/schemas.ts. English translations are MDX in
 * content/en/, with only their translated prose in front matter.
 * Datasets are read by src/data/datasets.ts (they need the lock check and
 * cross-version rules the content layer cannot do).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { story, storyTranslation } from '#/data/schemas.ts';

const stories = defineCollection({
  loader: glob({ pattern: ['counties/*.mdx', 'themes/*.mdx'], base: './content' }),
  schema: story,
});

/** English translations: content/en/counties/<slug>.mdx mirrors content/counties/<slug>.mdx (checked by src/stories/translations.ts). */
const translations = defineCollection({
  loader: glob({ pattern: ['counties/*.mdx', 'themes/*.mdx'], base: './content/en' }),
  schema: storyTranslation,
});

export const collections = { stories, translations };

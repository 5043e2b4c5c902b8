/**
 * Content collections. Stories are MDX in content/; their front matter is
 * the `story` schema from src/schemas.ts. Datasets are read by src/datasets.ts
 * (they need the lock check and cross-version rules the content layer cannot do).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { story } from './schemas.ts';

const stories = defineCollection({
  loader: glob({ pattern: ['counties/*.mdx', 'themes/*.mdx'], base: './content' }),
  schema: story,
});

export const collections = { stories };

/**
 * The live preview (`npm run dev`): state shared by the integration, which
 * watches data/ and content/charts/, and the pages, which read the data.
 *
 * Astro loads the integration and the pages as separate module instances in
 * one process, so the state lives on globalThis. In a build nothing here is
 * ever set: caches hold for the whole build and drafts are refused.
 */
const GENERATION = Symbol.for('county-stories.data-generation');
const PREVIEW = Symbol.for('county-stories.draft-preview');
type Live = typeof globalThis & { [GENERATION]?: number; [PREVIEW]?: boolean };
const live = globalThis as Live;

/** The dev server calls this for `astro dev`: unreleased versions and missing translations preview as drafts. */
export function enableDraftPreview(): void {
  live[PREVIEW] = true;
}

/** True only in the dev server: drafts are shown with a banner instead of stopping everything. */
export const draftPreview = (): boolean => live[PREVIEW] === true;

/** A file under data/ or content/charts/ changed: every cached reading of them is stale. */
export function dataChanged(): void {
  live[GENERATION] = (live[GENERATION] ?? 0) + 1;
}

/**
 * `compute()`, cached until the data next changes (in a build: cached for good).
 * A failure is not cached, so fixing the file is enough to recover.
 */
export function cachedUntilDataChanges<T>(compute: () => T): () => T {
  let cached: { value: T; generation: number } | undefined;
  return () => {
    const generation = live[GENERATION] ?? 0;
    if (cached?.generation !== generation) cached = { value: compute(), generation };
    return cached.value;
  };
}

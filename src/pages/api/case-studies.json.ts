/**
 * /api/case-studies.json — the case studies for partners' own sites: one
 * entry per county story, with its permanent URLs (both editions), summary,
 * the dataset versions it cites with their download URLs (JSON, CSV, tidy CSV) and who makes the
 * claims in them (claimants), and the story's corrections.
 * Fields are only ever added, never renamed or removed (see "schema"). Its
 * shape is the zod schema in src/publishing/api.ts, which also writes its
 * OpenAPI description (/api/openapi.json): the body is parsed with it before
 * it is published, so the two cannot drift.
 */
import type { APIContext } from 'astro';
import { getEditionStories } from '#/stories/collection.ts';
import { countyByCode, getClaimants, getDatasets, officialCountyName } from '#/data/site-data.ts';
import { attribution, claimantIds } from '#/data/claimants.ts';
import { absoluteUrl, datasetBundlePath, datasetDownloadPath, datasetPagePath, datasetTidyCsvPath, cardPath, editionPagePath } from '#/publishing/urls.ts';
import { caseStudiesResponse } from '#/publishing/api.ts';
import { buildTime } from '#/publishing/build-time.ts';

export async function GET({ site }: APIContext) {
  const [zh, en] = await Promise.all([getEditionStories('zh', 'county'), getEditionStories('en', 'county')]);
  const url = (path: string) => absoluteUrl(path, site);
  const caseStudies = zh.map((story, i) => {
    const english = en[i];
    const county = countyByCode(story.entry.data.county!)!;
    return {
      slug: county.slug,
      code: county.code,
      county: officialCountyName(county),
      province: county.province,
      title: { zh: story.title, en: english.title },
      summary: { zh: story.summary, en: english.summary },
      url: { zh: url(story.path), en: url(english.path) },
      image: { zh: url(cardPath(story.path)), en: url(cardPath(english.path)) },
      published: story.entry.data.published.toISOString().slice(0, 10),
      updated: story.entry.data.updated?.toISOString().slice(0, 10) ?? null,
      corrections: story.entry.data.corrections,
      datasets: Object.entries(story.entry.data.datasets).map(([id, version]) => {
        const { data, hash } = getDatasets().get(id, version)!;
        return {
          id,
          version,
          title: data.title,
          released: data.released,
          hash,
          url: url(datasetPagePath(id, version)),
          json: url(datasetDownloadPath(id, version, 'json')),
          csv: url(datasetDownloadPath(id, version, 'csv')),
          // Added: the tidy CSV for people, one line per figure (PUBLISHING.md).
          tidyCsv: url(datasetTidyCsvPath(id, version)),
          // Added: the bundle (JSON, CSV, tidy CSV, README, CITATION.cff).
          zip: url(datasetBundlePath(id, version)),
          // Each figure's "claimant" in the JSON is one of these ids.
          claimants: claimantIds(data).map((claimantId) => {
            const c = getClaimants().get(claimantId)!;
            return {
              id: c.id,
              kind: c.kind,
              name: c.name,
              says: { zh: attribution(c, 'zh'), en: attribution(c, 'en') },
              suppliedByProgramme: c.suppliedByProgramme,
            };
          }),
        };
      }),
    };
  });
  // Parsed, not just typed: a field the schema (and so the OpenAPI document) lacks stops the build.
  const body = caseStudiesResponse.parse({
    schema: 1,
    site: url(editionPagePath('/', 'zh')),
    // When this file was built (ISO 8601); the URLs in it are permanent.
    generated: buildTime().toISOString(),
    caseStudies,
  });
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

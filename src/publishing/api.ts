/**
 * The case-studies API (/api/case-studies.json) as one zod schema, and its
 * OpenAPI 3.1 description (/api/openapi.json) generated from that schema
 * (z.toJSONSchema, JSON Schema 2020-12, the dialect OpenAPI 3.1 uses). The
 * endpoint parses what it is about to publish with the same schema, so the
 * description cannot drift from the response: a field added to one and not
 * the other stops the build. Fields are only ever added, never renamed or removed.
 */
import { z } from 'zod';
import { adminCode, bilingual, claimantKinds, isoDate, kebabId, semver } from '#/data/schemas.ts';
import { absoluteUrl, CASE_STUDIES_API_ROUTE, sitePath } from './urls.ts';

const url = z.url({ protocol: /^https?$/ }).describe('An absolute, permanent URL.');
const both = (inner: z.ZodType) => z.strictObject({ zh: inner, en: inner });

const apiClaimant = z.strictObject({
  id: kebabId,
  kind: z.enum(claimantKinds),
  name: bilingual,
  says: bilingual.describe('How the site attributes a figure to them: "阿里巴巴称" / "Alibaba says".'),
  suppliedByProgramme: z.boolean().describe('True when the claimant is the programme itself.'),
});

const apiDataset = z.strictObject({
  id: kebabId,
  version: semver,
  title: bilingual,
  released: isoDate,
  hash: z.string().describe("The released JSON file's content hash, as in data/datasets.lock.json."),
  url: url.describe("The dataset version's page (Chinese edition)."),
  json: url.describe('The released JSON file, byte for byte.'),
  csv: url.describe('The same rows as CSV (UTF-8 with BOM, CRLF).'),
  tidyCsv: url.describe('One line per figure, for people.'),
  zip: url.describe('Everything in one file: JSON, CSV, tidy CSV, README and CITATION.cff.'),
  claimants: z.array(apiClaimant).describe('Who makes the claims in this version; each figure\'s "claimant" in the JSON is one of these ids.'),
});

const apiCorrection = z.strictObject({ date: isoDate, kind: z.enum(['correction', 'update']), text: bilingual });

export const caseStudy = z.strictObject({
  slug: kebabId,
  code: adminCode.describe('GB/T 2260 code of the county.'),
  county: bilingual.describe('Official county name (Chinese) and its English name.'),
  province: bilingual,
  title: bilingual,
  summary: bilingual,
  url: both(url),
  image: both(url).describe("The story's social card (1200×630 PNG)."),
  published: isoDate,
  updated: isoDate.nullable(),
  corrections: z.array(apiCorrection),
  datasets: z.array(apiDataset),
});

export const caseStudiesResponse = z.strictObject({
  schema: z.literal(1).describe("The response's schema version."),
  site: url,
  generated: z.iso.datetime().describe('When this file was built (ISO 8601).'),
  caseStudies: z.array(caseStudy),
});
export type CaseStudiesResponse = z.infer<typeof caseStudiesResponse>;

/** The OpenAPI 3.1 document for the API, at /api/openapi.json. */
export function openApiDocument(site: URL | string | undefined) {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(caseStudiesResponse, { target: 'draft-2020-12', io: 'output' });
  return {
    openapi: '3.1.1',
    info: {
      title: 'County Stories case studies · 县域故事案例',
      version: '1',
      description:
        'Case studies for partners: one entry per county story, with its permanent URLs in both editions, summary, corrections and the dataset versions it cites with their downloads and who makes the claims in them. A static file, rebuilt with the site; fields are only ever added.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    // The server is the site's root (under its base); the path below is relative to it.
    servers: [{ url: absoluteUrl(sitePath('/'), site).replace(/\/$/, '') }],
    paths: {
      [CASE_STUDIES_API_ROUTE]: {
        get: {
          operationId: 'getCaseStudies',
          summary: 'Every county story as a case study',
          responses: {
            '200': {
              description: 'The case studies',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/CaseStudies' } } },
            },
          },
        },
      },
    },
    components: { schemas: { CaseStudies: schema } },
  };
}

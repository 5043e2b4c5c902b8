/**
 * The OpenAPI 3.1 description of /api/case-studies.json (/api/openapi.json,
 * src/publishing/api.ts) on the built site: the built API response validates
 * against the schema the document gives (ajv, JSON Schema 2020-12), and a
 * response that drifted from it does not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { pageFile, siteDir } from '../helpers/site.ts';

const file = (urlPath: string) => readFileSync(pageFile(siteDir(), urlPath));
const site = () => JSON.parse(file('/api/case-studies.json').toString('utf8')).site as string;

describe('/api/openapi.json', () => {
  const doc = () => JSON.parse(file('/api/openapi.json').toString('utf8'));
  const validator = () => {
    const d = doc();
    const ref: string = d.paths['/api/case-studies.json'].get.responses['200'].content['application/json'].schema.$ref;
    const schema = d.components.schemas[ref.split('/').at(-1)!];
    // Formats (uri, date-time) are annotations here: ajv would need ajv-formats to check them.
    return new Ajv2020({ strict: true, validateFormats: false }).compile(schema);
  };

  it('is OpenAPI 3.1 and the built API response validates against it', () => {
    const d = doc();
    expect(d.openapi).toMatch(/^3\.1\./);
    expect(d.servers[0].url).toBe(site().replace(/\/$/, ''));
    const validate = validator();
    const api = JSON.parse(file('/api/case-studies.json').toString('utf8'));
    expect(validate(api), JSON.stringify(validate.errors)).toBe(true);
    expect(api.caseStudies.length).toBeGreaterThan(0);
  });

  it('refuses a response that drifted from it (a field renamed, a field added)', () => {
    const validate = validator();
    const api = JSON.parse(file('/api/case-studies.json').toString('utf8'));
    const renamed = structuredClone(api);
    renamed.caseStudies[0].countyCode = renamed.caseStudies[0].code;
    delete renamed.caseStudies[0].code;
    expect(validate(renamed)).toBe(false);
    const dataset = structuredClone(api);
    dataset.caseStudies[0].datasets[0].parquet = 'https://example.org/x.parquet';
    expect(validate(dataset)).toBe(false);
  });
});

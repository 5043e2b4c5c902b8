/**
 * The bundle of each dataset version (/data/<id>/<version>.zip,
 * src/publishing/dataset-bundle.ts) on the built site: unzipped with the same
 * library, its data files are byte for byte the standalone downloads, its
 * CITATION.cff is CFF 1.2.0 YAML with the required keys, its README names
 * every figure's claimant, quote and source and the licence, and the zip is
 * byte-deterministic (made again here, in another process and at another
 * time and time zone, it is the same bytes). Linked from the dataset pages
 * and the datasets index.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import yaml from 'js-yaml';
import { loadAllDatasets } from '#/data/datasets.ts';
import { loadClaimants } from '#/data/claimants.ts';
import { bundleMembers, datasetBundle } from '#/publishing/dataset-bundle.ts';
import { tidyRecords } from '#/publishing/dataset-files.ts';
import { pageFile, readPage, siteDir } from '../helpers/site.ts';

const root = process.cwd();
const datasets = loadAllDatasets(root);
const claimants = loadClaimants(root);
const file = (urlPath: string) => readFileSync(pageFile(siteDir(), urlPath));
const site = () => JSON.parse(file('/api/case-studies.json').toString('utf8')).site as string;
const versions = datasets.all.map((d) => [`${d.data.id}@${d.data.version}`, d] as const);

describe('/data/<id>/<version>.zip', () => {
  it.each(versions)('%s: JSON, CSV and tidy CSV byte for byte, README, CITATION.cff', (_, dataset) => {
    const { id, version } = dataset.data;
    const members = unzipSync(file(`/data/${id}/${version}.zip`));
    const names = bundleMembers(id, version);
    expect(Object.keys(members)).toEqual([names.readme, names.citation, names.json, names.csv, names.tidyCsv]);
    expect(Buffer.from(members[names.json]).equals(file(`/data/${id}/${version}.json`))).toBe(true);
    expect(Buffer.from(members[names.csv]).equals(file(`/data/${id}/${version}.csv`))).toBe(true);
    expect(Buffer.from(members[names.tidyCsv]).equals(file(`/data/${id}/${version}.tidy.csv`))).toBe(true);

    const cff = yaml.load(strFromU8(members[names.citation])) as Record<string, any>;
    for (const key of ['cff-version', 'message', 'title', 'authors']) expect(cff[key], key).toBeTruthy();
    expect(cff['cff-version']).toBe('1.2.0');
    expect(cff).toMatchObject({ type: 'dataset', version, 'date-released': dataset.data.released, license: dataset.data.license });
    expect(cff.authors.length).toBeGreaterThan(0);
    for (const a of cff.authors) expect(a.name ?? a['family-names']).toBeTruthy();

    const readme = strFromU8(members[names.readme]);
    expect(readme).toContain(dataset.data.license);
    for (const f of dataset.data.fields) expect(readme).toContain(`\`${f.key}\``);
    for (const s of dataset.data.sources) expect(readme).toContain(s.title);
    for (const r of tidyRecords(dataset.data, claimants)) {
      expect(readme).toContain(r.quote);
      if (r.claimant_zh) expect(readme).toContain(r.claimant_zh);
      if (r.claimant_en) expect(readme).toContain(r.claimant_en);
    }
    // Both languages: the title in each.
    expect(readme).toContain(`# ${dataset.data.title.zh}`);
    expect(readme).toContain(`# ${dataset.data.title.en}`);
  });

  it('is byte-deterministic: made again now, in another time zone, it is the same bytes', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      for (const [key, dataset] of versions) {
        const again = datasetBundle(root, dataset, claimants, site());
        expect(Buffer.from(again).equals(file(`/data/${dataset.data.id}/${dataset.data.version}.zip`)), key).toBe(true);
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('is linked from each version page and the datasets index, in both editions', () => {
    for (const [, d] of versions) {
      const href = `href="/data/${d.data.id}/${d.data.version}.zip"`;
      for (const prefix of ['', '/en']) {
        expect(readPage(siteDir(), `${prefix}/datasets/${d.data.id}/${d.data.version}/`)).toContain(href);
        expect(readPage(siteDir(), `${prefix}/datasets/`)).toContain(href);
      }
    }
  });
});

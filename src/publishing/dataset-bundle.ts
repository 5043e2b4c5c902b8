/**
 * A dataset version's bundle for archiving, /data/<id>/<version>.zip
 * (datasetBundlePath): in one folder <id>-<version>/, the JSON, the CSV and
 * the tidy CSV (the same bytes as the standalone downloads), a README.md in
 * Chinese and English (each column, who says each figure and where, the
 * licence, how to cite) and a CITATION.cff (Citation File Format 1.2.0).
 *
 * Byte-deterministic: members in a fixed order, each stamped with the
 * version's release date (00:00, written as local date fields, so the DOS
 * timestamp is the same in every time zone), no other metadata. Two builds
 * of the same version give the same zip. Zipped by fflate (zipSync).
 */
import { zipSync, strToU8 } from 'fflate';
import yaml from 'js-yaml';
import type { LoadedDataset } from '#/data/datasets.ts';
import type { Claimant, Dataset } from '#/data/schemas.ts';
import { LANGS, type Lang } from '#/i18n/editions.ts';
import { t } from '#/i18n/words.ts';
import { inParens, punctuation } from '#/i18n/punctuation.ts';
import { sourceCredit } from '#/data/source-pages.ts';
import { citations, citationText } from './cite.ts';
import { datasetCsv, datasetJsonText, tidyCsv, tidyRecords } from './dataset-files.ts';
import { licenseUrl } from './structured-data.ts';
import { absoluteUrl, sitePath, datasetBundlePath, datasetPagePath } from './urls.ts';

type Site = URL | string | undefined;

/** The folder the members are in, and each member's name in it. */
export function bundleMembers(id: string, version: string) {
  const base = `${id}-${version}`;
  return {
    folder: base,
    json: `${base}/${base}.json`,
    csv: `${base}/${base}.csv`,
    tidyCsv: `${base}/${base}.tidy.csv`,
    readme: `${base}/README.md`,
    citation: `${base}/CITATION.cff`,
  };
}

/** The README, Chinese then English. */
export function bundleReadme(ds: Dataset, claimants: ReadonlyMap<string, Claimant>, site: Site): string {
  const names = bundleMembers(ds.id, ds.version);
  const file = (path: string) => path.split('/').at(-1)!;
  const records = tidyRecords(ds, claimants);
  const section = (lang: Lang): string[] => {
    const { colon, comma } = punctuation(lang);
    const url = absoluteUrl(datasetPagePath(ds.id, ds.version, lang), site);
    const cite = citations(
      { kind: 'dataset', title: ds.title[lang], released: ds.released, version: ds.version, url },
      { lang, siteName: t(lang, 'siteName'), accessed: t(lang, 'bundleAccessed') },
    );
    return [
      `# ${ds.title[lang]} · ${ds.id}@${ds.version}`,
      '',
      ds.description[lang],
      '',
      `${t(lang, 'released')}${colon}${ds.released} · ${url}`,
      '',
      `## ${t(lang, 'bundleFiles')}`,
      '',
      `- \`${file(names.json)}\`${colon}${t(lang, 'bundleFileJson')}`,
      `- \`${file(names.csv)}\`${colon}${t(lang, 'bundleFileCsv')}`,
      `- \`${file(names.tidyCsv)}\`${colon}${t(lang, 'bundleFileTidyCsv')}`,
      `- \`${file(names.citation)}\`${colon}${t(lang, 'bundleFileCitation')}`,
      '',
      `## ${t(lang, 'fields')}`,
      '',
      ...ds.fields.map((f) => `- \`${f.key}\`${colon}${f.label[lang]}${inParens(f.type + (f.unit?.[lang] ? `${comma}${f.unit[lang]}` : ''), lang)}`),
      '',
      t(lang, 'csvNote'),
      '',
      t(lang, 'tidyCsvNote'),
      '',
      `## ${t(lang, 'bundleFigures')}`,
      '',
      ...records.map(
        (r) =>
          `- \`${r.row}\` · \`${r.field}\`${colon}${r[`as_printed_${lang}`]}${inParens(r[`claimant_${lang}`] || t(lang, 'bundleNoClaimant'), lang)} — “${r.quote}” — ${r.source_title}${comma}${r.source_date}`,
      ),
      '',
      `## ${t(lang, 'sourceArticles')}`,
      '',
      ...ds.sources.map((s) => `- \`${s.id}\`${colon}${s.title}${sourceCredit(s, lang)}`),
      '',
      `## ${t(lang, 'license')}`,
      '',
      `${ds.license}${inParens(licenseUrl(ds.license), lang)}`,
      '',
      `## ${t(lang, 'bundleCite')}`,
      '',
      ...cite.map((c) => `- ${citationText(c)}`),
      '',
      t(lang, 'bundleCitationFile'),
      '',
    ];
  };
  return LANGS.flatMap((lang) => section(lang as Lang)).join('\n');
}

/** CITATION.cff (Citation File Format 1.2.0) for the dataset version. */
export function bundleCitation(ds: Dataset, site: Site): string {
  const author = { name: `${t('zh', 'siteName')} (${t('en', 'siteName')})`, website: absoluteUrl(sitePath('/'), site) };
  const cff = {
    'cff-version': '1.2.0',
    // English first: reference managers and GitHub show this line as it is.
    message: (['en', 'zh'] as const).map((lang) => t(lang, 'cffMessage')).join(' '),
    type: 'dataset',
    title: `${ds.title.zh} / ${ds.title.en}`,
    abstract: ds.description.en,
    version: ds.version,
    'date-released': ds.released,
    license: ds.license,
    url: absoluteUrl(datasetPagePath(ds.id, ds.version, 'en'), site),
    identifiers: [{ type: 'url', value: absoluteUrl(datasetBundlePath(ds.id, ds.version), site), description: `${ds.id}@${ds.version}` }],
    authors: [author],
  };
  return yaml.dump(cff, { lineWidth: -1, noRefs: true, sortKeys: false });
}

/** The release date at 00:00 local time: zip stores local date fields, so this gives the same bytes in any time zone. */
const stamp = (isoDay: string) => {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Date(y, m - 1, d);
};

/** The zip's bytes. */
export function datasetBundle(root: string, dataset: LoadedDataset, claimants: ReadonlyMap<string, Claimant>, site: Site): Uint8Array<ArrayBuffer> {
  const ds = dataset.data;
  const names = bundleMembers(ds.id, ds.version);
  const mtime = stamp(ds.released);
  const members: [string, string][] = [
    [names.readme, bundleReadme(ds, claimants, site)],
    [names.citation, bundleCitation(ds, site)],
    [names.json, datasetJsonText(root, dataset)],
    [names.csv, datasetCsv(ds)],
    [names.tidyCsv, tidyCsv(ds, claimants)],
  ];
  return zipSync(Object.fromEntries(members.map(([name, text]) => [name, [strToU8(text), { mtime, level: 9 }]])), { mtime });
}

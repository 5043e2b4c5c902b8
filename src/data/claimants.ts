/**
 * Who says so. Every figure names its claimant (data/claimants.json): the
 * company, a report or research team, a government body, a person, or the
 * reporter. The article a figure was read in is its `source`; the claimant is
 * who makes the claim in that article. This module is the one home for the
 * wording a reader sees ("阿里巴巴称" / "Alibaba says").
 */
import { claimantRegistry, type Claimant, type Dataset, type Figure } from './schemas.ts';
import { figureCells, type DatasetIndex } from './datasets.ts';
import { DataError, describeIssues } from '#/authoring/errors.ts';
import { readJsonFile } from './json-file.ts';
import { didYouMean } from '#/authoring/suggest.ts';
import { t } from '#/i18n/words.ts';
import type { Lang } from '#/i18n/editions.ts';

export const CLAIMANTS_FILE = 'data/claimants.json';

/** Read and validate the registry. Throws a DataError naming the file and field. */
export function loadClaimants(root: string): Map<string, Claimant> {
  const raw = readJsonFile(root, CLAIMANTS_FILE).value;
  const parsed = claimantRegistry.safeParse(raw);
  if (!parsed.success) throw new DataError(CLAIMANTS_FILE, describeIssues(parsed.error.issues));
  const byId = new Map<string, Claimant>();
  const errors: DataError[] = [];
  parsed.data.forEach((c, i) => {
    if (byId.has(c.id)) errors.push(new DataError(CLAIMANTS_FILE, `field "[${i}].id": "${c.id}" is used twice`));
    byId.set(c.id, c);
  });
  if (errors.length) throw DataError.combine(errors);
  return byId;
}

/**
 * "阿里巴巴称" / "Alibaba says", "记者称" / "the reporter says": one rule for
 * every claimant. (Not "据了解" for the reporter: most of the reporter's
 * figures come with no attribution at all, and the words would be put in the
 * article's mouth.)
 */
export function attribution(claimant: Claimant, lang: Lang, { start = false } = {}): string {
  const words = t(lang, 'claimantSays', { claimant: claimant.name[lang] });
  // At the start of a sentence English needs a capital: "The Tsinghua University report says" (Chinese has no case).
  return start ? words[0].toUpperCase() + words.slice(1) : words;
}

/** The line a chart draws under its source when its figures come from the programme itself. */
export function suppliedByLine(claimant: Claimant, lang: Lang): string {
  return t(lang, 'suppliedBy', { claimant: claimant.name[lang] });
}

/** The claimant ids a dataset version names, once each, in order of first use. */
export const claimantIds = (data: Dataset): string[] => [...new Set([...figureCells(data)].flatMap((c) => (c.figure.claimant ? [c.figure.claimant] : [])))];

/**
 * The newest version of every dataset gives every figure a claimant that is in
 * the registry. Any version that names a claimant must name a known one.
 * Older released versions are immutable and may lack claimants.
 */
export function checkClaimants(datasets: DatasetIndex, claimants: ReadonlyMap<string, Claimant>): DataError[] {
  const errors: DataError[] = [];
  const known = [...claimants.keys()];
  for (const d of datasets.all) {
    const newest = datasets.latest(d.data.id) === d;
    for (const { rowIndex, row, field, figure } of figureCells(d.data)) {
      const where = `field "rows[${rowIndex}].${field.key}.claimant" (row "${row.id}")`;
      if (figure.claimant === undefined) {
        if (newest) errors.push(new DataError(d.file, `${where}: say who makes this claim — one of ${known.join(', ')} (see ${CLAIMANTS_FILE}); the newest version of a dataset gives every figure a claimant`));
      } else if (!claimants.has(figure.claimant)) {
        errors.push(new DataError(d.file, `${where}: "${figure.claimant}" is not in ${CLAIMANTS_FILE}${didYouMean(figure.claimant, known)}: use one of ${known.join(', ')}, or add the claimant to the registry`));
      }
    }
  }
  return errors;
}

/** The programme claimants among the figures a chart draws, once each, in order. */
export function programmeClaimants(figures: readonly Figure[], claimants: ReadonlyMap<string, Claimant>): Claimant[] {
  const seen = new Map<string, Claimant>();
  for (const f of figures) {
    const c = f.claimant ? claimants.get(f.claimant) : undefined;
    if (c?.suppliedByProgramme) seen.set(c.id, c);
  }
  return [...seen.values()];
}

/**
 * The sources page's model: each article in data/sources.json, the saved page
 * it is on (data/source-pages.json lists the stories on that page the site
 * deliberately left out), and every figure each dataset took from it.
 */
import { z } from 'astro/zod';
import type { DatasetIndex, LoadedDataset } from './datasets.ts';
import { DataError, describeIssues } from '#/authoring/errors.ts';
import { formatDate, type Lang } from '#/i18n/format.ts';
import { readJsonFile } from './json-file.ts';
import { isFigure } from './lookup.ts';
import { inParens, punctuation } from '#/i18n/punctuation.ts';
import { sourcePage, type Field, type Figure, type Row, type Source, type SourcePage } from './schemas.ts';

export const SOURCE_PAGES_FILE = 'data/source-pages.json';

/**
 * Read and check data/source-pages.json against the sources: every source's
 * file has an entry, every entry is a page some source is on, and no story
 * is both used and left out.
 */
export function loadSourcePages(root: string, sources: Source[]): SourcePage[] {
  const parsed = z.array(sourcePage).safeParse(readJsonFile(root, SOURCE_PAGES_FILE).value);
  if (!parsed.success) throw new DataError(SOURCE_PAGES_FILE, describeIssues(parsed.error.issues));
  const pages = parsed.data;
  const files = new Set(pages.map((p) => p.file));
  for (const s of sources) {
    if (!files.has(s.file)) throw new DataError(SOURCE_PAGES_FILE, `has no entry for "${s.file}", the page of source "${s.id}" in data/sources.json: add { "file": "${s.file}", "leftOut": [] }`);
  }
  pages.forEach((p, i) => {
    const onPage = sources.filter((s) => s.file === p.file);
    if (!onPage.length) throw new DataError(SOURCE_PAGES_FILE, `field "[${i}].file": no source in data/sources.json is on "${p.file}"`);
    p.leftOut.forEach((story, j) => {
      const used = onPage.find((s) => s.title === story.title);
      if (used) throw new DataError(SOURCE_PAGES_FILE, `field "[${i}].leftOut[${j}].title": "${story.title}" is source "${used.id}" in data/sources.json, so it is not left out`);
    });
  });
  return pages;
}

/** "（皮磊），2022年7月25日" / " (皮磊), 25 July 2022": who and when, after a title. */
export function sourceCredit(s: Pick<Source, 'byline' | 'outlet' | 'date'>, lang: Lang): string {
  const date = formatDate(s.date, lang);
  const { comma } = punctuation(lang);
  return `${s.byline ? inParens(s.byline, lang) : ''}${s.outlet ? `${comma}${s.outlet}` : ''}${comma}${date}`;
}

export interface TakenFigure {
  row: Row;
  field: Field;
  figure: Figure;
}

export interface TakenFrom {
  dataset: LoadedDataset;
  figures: TakenFigure[];
}

/** For one source: each dataset (its latest version) and the figures it took from the source. */
export function takenFromSource(sourceId: string, datasets: DatasetIndex): TakenFrom[] {
  const ids = [...new Set(datasets.all.map((d) => d.data.id))].sort();
  return ids
    .map((id) => datasets.latest(id)!)
    .map((dataset) => {
      const figures: TakenFigure[] = [];
      for (const row of dataset.data.rows) {
        for (const field of dataset.data.fields) {
          const cell = row[field.key];
          if (isFigure(cell) && cell.source === sourceId) figures.push({ row, field, figure: cell });
        }
      }
      return { dataset, figures };
    })
    .filter((t) => t.figures.length > 0);
}

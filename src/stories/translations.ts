/**
 * The translation check, run before any story page is rendered.
 *
 * Every Chinese story content/<kind>/<slug>.mdx has an English translation
 * content/en/<kind>/<slug>.mdx that
 *   - cites exactly the same set of figures (<Fig data row field />) and charts (<Chart id />),
 *   - types no number the Chinese prose does not also type (figures come only
 *     through <Fig>; a year or a date written in both is fine).
 * A missing translation, a mismatch, or a translation without an original stops
 * the build with an error naming the file. (Policy: AUTHORING.md, "For translators".)
 *
 * Pure: takes file names and texts, so it is tested without Astro.
 */
import { DataError } from '#/authoring/errors.ts';
import { findCitations, refKey } from './binding.ts';
import { proseOf } from './prose.ts';

/** One story file as the check sees it: its MDX body and translated prose fields. */
export interface StoryText {
  /** Project-relative path, e.g. "content/counties/qinglong.mdx". */
  file: string;
  body: string;
  title: string;
  summary: string;
}

/** content/counties/qinglong.mdx → content/en/counties/qinglong.mdx */
export function translationFile(originalFile: string): string {
  const match = /^(.*\/)?content\/((?:counties|themes)\/[^/]+\.mdx)$/.exec(originalFile);
  if (!match) throw new Error(`${originalFile}: not a story file (expected content/counties/<slug>.mdx or content/themes/<slug>.mdx)`);
  return `${match[1] ?? ''}content/en/${match[2]}`;
}

/** content/en/counties/qinglong.mdx → content/counties/qinglong.mdx */
export const originalFile = (translation: string) => translation.replace(/(^|\/)content\/en\//, '$1content/');

/** What a story cites: figure keys ("qinglong/chestnut-drive/tonnes_sold") and chart ids. */
export function citations(story: StoryText): { figures: Set<string>; charts: Set<string> } {
  const { figures, charts } = findCitations(story.body, story.file);
  return { figures: new Set(figures.map(refKey)), charts: new Set(charts) };
}

/**
 * Numbers typed in a story's prose (title, summary, body), as the MDX parser
 * sees it: outside tags, link targets and code: "38", "2.3", "2021".
 */
export function typedNumbers(story: StoryText): string[] {
  const prose = [story.title, story.summary, ...proseOf(story.body)].join('\n');
  return [...prose.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0].replace(/,/g, ''));
}

const difference = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x));

/** Problems with one story's translation; empty when it is complete and faithful to the figures. */
export function checkTranslation(original: StoryText, translation: StoryText | undefined): DataError[] {
  const expected = translationFile(original.file);
  if (!translation) {
    return [
      new DataError(
        expected,
        `missing: ${original.file} has no English translation. Translate it into ${expected} (front matter: title and summary only; see AUTHORING.md, "For translators")`,
      ),
    ];
  }
  const errors: DataError[] = [];
  const zh = citations(original);
  const en = citations(translation);
  const describe = (what: string, tag: (x: string) => string, only: string[], where: string) =>
    `${what} ${only.map(tag).join(', ')} ${only.length === 1 ? 'is' : 'are'} cited ${where}`;
  const figTag = (key: string) => {
    const [data, row, field] = key.split('/');
    return `<Fig data="${data}" row="${row}" field="${field}" />`;
  };
  const chartTag = (id: string) => `<Chart id="${id}" />`;
  const missingFigures = difference(zh.figures, en.figures);
  const extraFigures = difference(en.figures, zh.figures);
  const missingCharts = difference(zh.charts, en.charts);
  const extraCharts = difference(en.charts, zh.charts);
  if (missingFigures.length)
    errors.push(new DataError(translation.file, describe('figure', figTag, missingFigures, `in ${original.file} but not in the translation`)));
  if (extraFigures.length)
    errors.push(new DataError(translation.file, describe('figure', figTag, extraFigures, `in the translation but not in ${original.file}`)));
  if (missingCharts.length)
    errors.push(new DataError(translation.file, describe('chart', chartTag, missingCharts, `in ${original.file} but not in the translation`)));
  if (extraCharts.length)
    errors.push(new DataError(translation.file, describe('chart', chartTag, extraCharts, `in the translation but not in ${original.file}`)));

  const zhNumbers = new Set(typedNumbers(original));
  const typed = [...new Set(typedNumbers(translation))].filter((n) => !zhNumbers.has(n));
  if (typed.length) {
    errors.push(
      new DataError(
        translation.file,
        `the number${typed.length > 1 ? 's' : ''} ${typed.map((n) => `"${n}"`).join(', ')} ${typed.length > 1 ? 'are' : 'is'} typed in the prose but not in ${original.file}: cite a figure with <Fig …/>, never type it`,
      ),
    );
  }
  return errors;
}

/** Check every story against its translation; throws one error listing every problem. */
export function checkTranslations(originals: StoryText[], translations: StoryText[]): void {
  const byFile = new Map(translations.map((t) => [t.file, t]));
  const originalFiles = new Set(originals.map((o) => o.file));
  const errors = originals.flatMap((o) => checkTranslation(o, byFile.get(translationFile(o.file))));
  for (const t of translations) {
    const original = originalFile(t.file);
    if (!originalFiles.has(original))
      errors.push(
        new DataError(t.file, `is a translation of ${original}, which does not exist (a story's slug never changes; remove or rename the translation)`),
      );
  }
  if (errors.length) throw DataError.combine(errors);
}

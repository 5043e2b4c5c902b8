/**
 * Fact binding: what a story cites, checked before anything is rendered.
 *
 * A story names dataset versions in its front matter
 *   datasets: { qinglong: "1.0.0" }
 * and cites figures in its text
 *   <Fig data="qinglong" row="chestnut-drive" field="tonnes_sold" />
 * Every citation must resolve to a figure in a pinned, released version.
 * Notes are numbered in order of first citation; citing the same figure
 * twice reuses its number.
 */
import { missingVersionError, type DatasetIndex, type LoadedDataset } from '#/data/datasets.ts';
import { DataError } from '#/authoring/errors.ts';
import { findTags, MdxSyntaxError } from './mdx.ts';
import { didYouMeanOrList } from '#/authoring/suggest.ts';
import type { Figure, Field, Row, Source } from '#/data/schemas.ts';

export interface FigureRef {
  data: string;
  row: string;
  field: string;
}

export interface ResolvedFigure {
  ref: FigureRef;
  dataset: LoadedDataset;
  row: Row;
  field: Field;
  figure: Figure;
  source: Source;
  /** 1-based note number on the page. */
  note: number;
}

export const refKey = (r: FigureRef) => `${r.data}/${r.row}/${r.field}`;

export function findFigureRefs(body: string, file: string): FigureRef[] {
  let tags: Record<string, string>[];
  try {
    tags = findTags(body, 'Fig');
  } catch (error) {
    // A story that is not valid MDX cites nothing readable. It is never published: the content
    // check stops the build, and in dev the MDX compiler's check reports it at its line.
    if (error instanceof MdxSyntaxError) return [];
    throw error;
  }
  return tags.map((attrs, i) => {
    for (const key of ['data', 'row', 'field'] as const) {
      if (!attrs[key]) throw new DataError(file, `figure ${i + 1} (<Fig …/>) has no ${key}="…" attribute`);
    }
    return { data: attrs.data, row: attrs.row, field: attrs.field };
  });
}

export function isFigure(value: unknown): value is Figure {
  return typeof value === 'object' && value !== null && 'value' in value && 'quote' in value;
}

/** Look up one citation in the story's pinned datasets, or explain precisely what is missing. */
export function resolveFigure(ref: FigureRef, pins: Record<string, string>, datasets: DatasetIndex, file: string): Omit<ResolvedFigure, 'note'> {
  const where = `<Fig data="${ref.data}" row="${ref.row}" field="${ref.field}" />`;
  const version = pins[ref.data];
  if (!version) throw new DataError(file, `${where} cites dataset "${ref.data}", which the front matter's "datasets" does not pin (add ${ref.data}: "<version>")`);
  const dataset = datasets.get(ref.data, version);
  if (!dataset) throw missingVersionError(datasets, ref.data, version, file, `datasets.${ref.data}`);
  const row = dataset.data.rows.find((r) => r.id === ref.row);
  if (!row) throw new DataError(file, `${where}: ${dataset.file} has no row "${ref.row}"${didYouMeanOrList(ref.row, dataset.data.rows.map((r) => r.id), 'rows')}`);
  const field = dataset.data.fields.find((f) => f.key === ref.field);
  if (!field) throw new DataError(file, `${where}: ${dataset.file} has no field "${ref.field}"${didYouMeanOrList(ref.field, dataset.data.fields.map((f) => f.key), 'fields')}`);
  const figure = row[ref.field];
  if (!isFigure(figure)) throw new DataError(file, `${where}: row "${ref.row}" of ${dataset.file} has no figure in "${ref.field}"`);
  const source = dataset.data.sources.find((s) => s.id === figure.source)!;
  return { ref, dataset, row, field, figure, source };
}

/** Every figure a story cites, numbered, or the first reference that does not resolve. */
export function bindStory(body: string, pins: Record<string, string>, datasets: DatasetIndex, file: string): Map<string, ResolvedFigure> {
  for (const [id, version] of Object.entries(pins)) {
    if (!datasets.get(id, version)) throw missingVersionError(datasets, id, version, file, `datasets.${id}`);
  }
  const notes = new Map<string, ResolvedFigure>();
  for (const ref of findFigureRefs(body, file)) {
    const key = refKey(ref);
    if (!notes.has(key)) notes.set(key, { ...resolveFigure(ref, pins, datasets, file), note: notes.size + 1 });
  }
  return notes;
}

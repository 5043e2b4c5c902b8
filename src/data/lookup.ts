/**
 * The one lookup of a cited value: a dataset version pinned by a story or the
 * timeline, then a row, a field and the figure in that cell. Stories
 * (src/stories/binding.ts), chart specs (src/charts/resolve.ts) and the
 * timeline (src/data/timeline.ts) all look values up here, so an author sees
 * the same words, with the same "did you mean", whichever file cites them.
 *
 * A lookup returns what it found or the problem; the caller says where the
 * reference was written (its file, and its field or tag).
 */
import { DataError } from '#/authoring/errors.ts';
import { didYouMean, didYouMeanOrList } from '#/authoring/suggest.ts';
import { missingVersionError, type DatasetIndex, type LoadedDataset } from './datasets.ts';
import type { Field, Figure, Row, Source } from './schemas.ts';

export function isFigure(value: unknown): value is Figure {
  return typeof value === 'object' && value !== null && 'value' in value && 'quote' in value;
}

/** What is wrong with a reference, and which of its parts (the row or the field) to fix. */
export interface LookupProblem {
  on: 'row' | 'field';
  problem: string;
}

export interface FoundCell {
  row: Row;
  field: Field;
}

export interface FoundFigure extends FoundCell {
  figure: Figure;
  /** The article the figure is quoted from (the dataset's schema guarantees it is listed). */
  source: Source;
}

export const isProblem = (found: object): found is LookupProblem => 'problem' in found;

/** The row and field a reference names in `dataset`, or which one is not there (with the nearest name, or every name). */
export function lookupCell(dataset: LoadedDataset, rowId: string, fieldKey: string): FoundCell | LookupProblem {
  const { rows } = dataset.data;
  const row = rows.find((r) => r.id === rowId);
  if (!row) return { on: 'row', problem: `${dataset.file} has no row "${rowId}"${didYouMeanOrList(rowId, rows.map((r) => r.id), 'rows')}` };
  const field = lookupField(dataset, fieldKey);
  return isProblem(field) ? field : { row, field };
}

/** The field `key` of `dataset`, or the problem (with the nearest key, or every key). */
export function lookupField(dataset: LoadedDataset, key: string): Field | LookupProblem {
  const { fields } = dataset.data;
  return fields.find((f) => f.key === key) ?? { on: 'field', problem: `${dataset.file} has no field "${key}"${didYouMeanOrList(key, fields.map((f) => f.key), 'fields')}` };
}

/** The figure a reference names: its cell must be in a figure field and hold a figure. */
export function lookupFigure(dataset: LoadedDataset, rowId: string, fieldKey: string): FoundFigure | LookupProblem {
  const found = lookupCell(dataset, rowId, fieldKey);
  if (isProblem(found)) return found;
  const { row, field } = found;
  if (field.type !== 'figure') return { on: 'field', problem: `"${fieldKey}" is a ${field.type} field of ${dataset.file}, not a figure: only figures can be cited or drawn` };
  const figure = row[fieldKey];
  if (!isFigure(figure)) return { on: 'field', problem: `row "${rowId}" of ${dataset.file} has no figure in "${fieldKey}"` };
  return { row, field, figure, source: dataset.data.sources.find((s) => s.id === figure.source)! };
}

/**
 * The version of dataset `id` that `pins` names (a story's front matter, the
 * timeline's "datasets"), or the error: not pinned, or no such version.
 * `where` is the citing tag or field; `pinsField` is where the pins are written.
 */
export function pinnedDataset(id: string, pins: Record<string, string>, datasets: DatasetIndex, at: { file: string; where: string; pinsField: string }): LoadedDataset {
  const version = pins[id];
  if (!version) {
    throw new DataError(at.file, `${at.where} cites dataset "${id}", which ${at.pinsField} does not pin${didYouMean(id, Object.keys(pins))} (add ${id}: "<version>")`);
  }
  const dataset = datasets.get(id, version);
  if (!dataset) throw missingVersionError(datasets, id, version, at.file, `datasets.${id}`);
  return dataset;
}

/**
 * What changed between two versions of a dataset, row by row and cell by
 * cell, computed from the released files (the `changes` note says why; this
 * says exactly what). Shown on every version page after the first.
 */
import type { Dataset, Field, Row } from './schemas.ts';
import { isFigure } from './lookup.ts';

/** One part of a cell that differs: a figure's value, quote, claimant …, or one language of a text. */
export type Aspect = 'value' | 'quote' | 'source' | 'qualifiers' | 'status' | 'asOf' | 'claimant' | 'note.zh' | 'note.en' | 'zh' | 'en' | 'cell';

export interface CellChange {
  row: string;
  field: string;
  /** Added: there was no value before; removed: there is none now; changed: see `parts`. */
  kind: 'added' | 'removed' | 'changed';
  parts: { aspect: Aspect; before: string; after: string }[];
}

export interface FieldChange {
  field: string;
  aspect: 'label.zh' | 'label.en' | 'type' | 'unit.zh' | 'unit.en' | 'format';
  before: string;
  after: string;
}

export interface MetaChange {
  aspect: 'title.zh' | 'title.en' | 'description.zh' | 'description.en' | 'license';
  before: string;
  after: string;
}

export interface DatasetDiff {
  from: string;
  to: string;
  /** The dataset's own title, description and licence. */
  meta: MetaChange[];
  rowsAdded: string[];
  rowsRemoved: string[];
  fieldsAdded: string[];
  fieldsRemoved: string[];
  fieldChanges: FieldChange[];
  cells: CellChange[];
}

type Cell = Row[string];

/** A cell as named parts, each a string: what is compared, and what the page prints. */
function parts(cell: Cell): Map<Aspect, string> {
  if (cell === null || cell === undefined) return new Map();
  if (isFigure(cell)) {
    return new Map<Aspect, string>([
      ['value', String(cell.value)],
      ['quote', cell.quote],
      ['source', cell.source],
      ['qualifiers', (cell.qualifiers ?? []).join(' ')],
      ['status', cell.status ?? 'reported'],
      ['asOf', cell.asOf ?? ''],
      ['claimant', cell.claimant ?? ''],
      ['note.zh', cell.note?.zh ?? ''],
      ['note.en', cell.note?.en ?? ''],
    ]);
  }
  if (typeof cell === 'object') return new Map<Aspect, string>([['zh', cell.zh], ['en', cell.en]]);
  return new Map<Aspect, string>([['cell', cell]]);
}

const present = (cell: Cell) => cell !== null && cell !== undefined;

function diffCell(row: string, field: string, before: Cell, after: Cell): CellChange | undefined {
  if (!present(before) && !present(after)) return undefined;
  const a = parts(before);
  const b = parts(after);
  const aspects = [...new Set([...a.keys(), ...b.keys()])];
  const changed = aspects.map((aspect) => ({ aspect, before: a.get(aspect) ?? '', after: b.get(aspect) ?? '' })).filter((p) => p.before !== p.after);
  if (!changed.length) return undefined;
  const kind = !present(before) ? 'added' : !present(after) ? 'removed' : 'changed';
  return { row, field, kind, parts: changed };
}

function fieldChanges(before: Field, after: Field): FieldChange[] {
  const pairs: [FieldChange['aspect'], string, string][] = [
    ['label.zh', before.label.zh, after.label.zh],
    ['label.en', before.label.en, after.label.en],
    ['type', before.type, after.type],
    ['unit.zh', before.unit?.zh ?? '', after.unit?.zh ?? ''],
    ['unit.en', before.unit?.en ?? '', after.unit?.en ?? ''],
    ['format', before.format, after.format],
  ];
  return pairs.filter(([, x, y]) => x !== y).map(([aspect, x, y]) => ({ field: after.key, aspect, before: x, after: y }));
}

/** Every difference between two versions of one dataset, in the order of the newer file (removed rows and fields last). */
export function diffDatasets(before: Dataset, after: Dataset): DatasetDiff {
  const oldRows = new Map(before.rows.map((r) => [r.id, r]));
  const newRows = new Map(after.rows.map((r) => [r.id, r]));
  const oldFields = new Map(before.fields.map((f) => [f.key, f]));
  const newFields = new Map(after.fields.map((f) => [f.key, f]));
  const cells: CellChange[] = [];
  for (const row of after.rows) {
    const old = oldRows.get(row.id);
    if (!old) continue;
    const keys = [...new Set([...after.fields.map((f) => f.key), ...before.fields.map((f) => f.key)])];
    for (const key of keys) {
      const change = diffCell(row.id, key, old[key], row[key]);
      if (change) cells.push(change);
    }
  }
  const meta: [MetaChange['aspect'], string, string][] = [
    ['title.zh', before.title.zh, after.title.zh],
    ['title.en', before.title.en, after.title.en],
    ['description.zh', before.description.zh, after.description.zh],
    ['description.en', before.description.en, after.description.en],
    ['license', before.license, after.license],
  ];
  return {
    from: before.version,
    to: after.version,
    meta: meta.filter(([, x, y]) => x !== y).map(([aspect, x, y]) => ({ aspect, before: x, after: y })),
    rowsAdded: after.rows.filter((r) => !oldRows.has(r.id)).map((r) => r.id),
    rowsRemoved: before.rows.filter((r) => !newRows.has(r.id)).map((r) => r.id),
    fieldsAdded: after.fields.filter((f) => !oldFields.has(f.key)).map((f) => f.key),
    fieldsRemoved: before.fields.filter((f) => !newFields.has(f.key)).map((f) => f.key),
    fieldChanges: after.fields.flatMap((f) => (oldFields.has(f.key) ? fieldChanges(oldFields.get(f.key)!, f) : [])),
    cells,
  };
}

/** True when nothing but the version, its date and its `changes` note differs. */
export const isEmptyDiff = (d: DatasetDiff) => !d.meta.length && !d.rowsAdded.length && !d.rowsRemoved.length && !d.fieldsAdded.length && !d.fieldsRemoved.length && !d.fieldChanges.length && !d.cells.length;

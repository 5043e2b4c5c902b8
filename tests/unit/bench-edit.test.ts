/**
 * The benchmark's one-county edit (bench/corpus.ts `editOneCounty`) must be an
 * edit the build accepts: the story and one figure's note change, and the
 * dataset lock still holds, so `npm run bench` measures a rebuild, not a
 * refused build. Checked on a real small corpus (N = 10: one synthetic county).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editBaselinePage, editOneCounty, generateBaseline, generateCorpus, SYNTHETIC_PREFIX, type CorpusInfo, type CountyEdit } from '../../bench/corpus.ts';
import { loadAllDatasets } from '#/data/datasets.ts';
import { PROJECT } from '../helpers/sandbox.ts';

describe('the one-county edit of npm run bench', () => {
  let dir: string;
  let corpus: CorpusInfo;
  let edit: CountyEdit;
  const before = new Map<string, string>();
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bench-edit-'));
    corpus = generateCorpus(PROJECT, path.join(dir, 'site'), 10);
    const stories = corpus.bodies.map((b) => `content/counties/${b.slug}.mdx`);
    for (const f of [...stories, ...loadAllDatasets(corpus.dir).all.map((d) => d.file)]) before.set(f, readFileSync(path.join(corpus.dir, f), 'utf8'));
    edit = editOneCounty(corpus.dir);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('edits a synthetic county: one story and one dataset file, nothing else', () => {
    expect(edit.slug.startsWith(SYNTHETIC_PREFIX)).toBe(true);
    const changed = [...before].filter(([f, text]) => readFileSync(path.join(corpus.dir, f), 'utf8') !== text).map(([f]) => f);
    expect(changed.sort()).toEqual([edit.dataset, edit.story].sort());
  });

  it("changes a figure's note, in both languages, and keeps every figure's value and quote", () => {
    const after = JSON.parse(readFileSync(path.join(corpus.dir, edit.dataset), 'utf8'));
    const old = JSON.parse(before.get(edit.dataset)!);
    const figures = (d: { rows: Record<string, unknown>[] }) =>
      d.rows.flatMap((r) =>
        Object.values(r).filter(
          (c): c is { value: unknown; quote: string; note?: { zh: string; en: string } } => typeof c === 'object' && c !== null && 'quote' in c,
        ),
      );
    const [a, b] = [figures(after), figures(old)];
    expect(a.map((f) => [f.value, f.quote])).toEqual(b.map((f) => [f.value, f.quote]));
    const notes = a.map((f, i) => [f.note, b[i].note]).filter(([x, y]) => JSON.stringify(x) !== JSON.stringify(y));
    expect(notes).toHaveLength(1);
    const [[note, was]] = notes;
    expect(note!.zh).not.toBe(was?.zh);
    expect(note!.en).not.toBe(was?.en);
  });

  it('leaves a corpus whose datasets and lock still load (the build would accept it)', () => {
    expect(() => loadAllDatasets(corpus.dir)).not.toThrow();
  });

  it("edits the same county's page of the baseline", () => {
    const base = path.join(dir, 'baseline');
    generateBaseline(PROJECT, base, corpus.bodies);
    const page = path.join(base, 'src/pages/counties', `${edit.slug}.mdx`);
    const text = readFileSync(page, 'utf8');
    editBaselinePage(base, edit.slug);
    const after = readFileSync(page, 'utf8');
    expect(after).not.toBe(text);
    expect(after.length).toBeGreaterThan(text.length);
  });
});

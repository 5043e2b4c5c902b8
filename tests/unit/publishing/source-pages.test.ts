import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSourcePages, sourceCredit, takenFromSource } from '#/data/source-pages.ts';
import { loadAllDatasets } from '#/data/datasets.ts';
import { getSources } from '#/data/site-data.ts';

function withPages(pages: unknown): string {
  const root = mkdtempSync(path.join(tmpdir(), 'source-pages-'));
  mkdirSync(path.join(root, 'data'));
  writeFileSync(path.join(root, 'data/source-pages.json'), JSON.stringify(pages));
  return root;
}

describe('data/source-pages.json', () => {
  const sources = getSources();

  it('covers the page of every source', () => {
    const pages = loadSourcePages(process.cwd(), sources);
    for (const s of sources) expect(pages.map((p) => p.file)).toContain(s.file);
  });

  it('names the file and the missing page when a source has no entry', () => {
    const root = withPages([]);
    expect(() => loadSourcePages(root, sources)).toThrow(`data/source-pages.json: has no entry for "${sources[0].file}"`);
  });

  it('refuses a left-out story that is in fact a source', () => {
    const s = sources[0];
    const pages = [...new Set(sources.map((x) => x.file))].map((file) => ({
      file,
      leftOut: file === s.file ? [{ title: s.title, reason: { zh: '无关', en: 'unrelated' } }] : [],
    }));
    expect(() => loadSourcePages(withPages(pages), sources)).toThrow(/field "\[\d+\]\.leftOut\[0\]\.title"/);
  });

  it('names the field when an entry breaks the schema', () => {
    expect(() => loadSourcePages(withPages([{ file: 'x.txt', leftOut: [{ title: '某报道' }] }]), sources)).toThrow(
      /data\/source-pages\.json: field "\[0\]\.leftOut\[0\]\.reason"/,
    );
  });
});

describe('what was taken from each source', () => {
  it('finds every figure of the latest dataset versions under its own source', () => {
    const datasets = loadAllDatasets(process.cwd());
    const total = getSources()
      .flatMap((s) => takenFromSource(s.id, datasets))
      .reduce((n, t) => n + t.figures.length, 0);
    const latest = [...new Set(datasets.all.map((d) => d.data.id))].map((id) => datasets.latest(id)!);
    const figures = latest.flatMap((d) => d.data.rows.flatMap((r) => d.data.fields.filter((f) => f.type === 'figure' && r[f.key]).map(() => 1)));
    expect(total).toBe(figures.length);
  });

  it('writes byline, outlet and date in each edition', () => {
    expect(sourceCredit({ byline: '皮磊', date: '2022-07-25' }, 'zh')).toBe('（皮磊），2022年7月25日');
    expect(sourceCredit({ outlet: '经济参考网', date: '2023-09-22' }, 'en')).toBe(', 经济参考网, 22 September 2023');
  });
});

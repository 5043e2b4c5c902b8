/**
 * The sources registry (data/sources.json) and the copies of its entries in
 * each dataset: they must agree, every source must be used, and every source
 * must point at a saved page that exists. The saved pages themselves must stay
 * byte for byte as saved (data/sources/README.md records their SHA-256).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { loadAllDatasets } from '#/data/datasets.ts';
import { isFigure } from '#/data/lookup.ts';
import { source as sourceSchema } from '#/data/schemas.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_TEXTS_DIR = path.join(ROOT, 'data/sources');
const registry = z.array(sourceSchema).parse(JSON.parse(readFileSync(path.join(ROOT, 'data/sources.json'), 'utf8')));
const byId = new Map(registry.map((s) => [s.id, s]));
const datasets = loadAllDatasets(ROOT).all;

describe('data/sources.json', () => {
  it('has unique ids', () => {
    expect(byId.size).toBe(registry.length);
  });

  it('every source is cited by at least one figure', () => {
    const cited = new Set(
      datasets.flatMap(({ data }) =>
        data.rows.flatMap((r) =>
          Object.values(r)
            .filter(isFigure)
            .map((f) => f.source),
        ),
      ),
    );
    expect(registry.map((s) => s.id).filter((id) => !cited.has(id))).toEqual([]);
  });

  it('every source points at a saved page in data/sources/', () => {
    for (const s of registry) expect(existsSync(path.join(SOURCE_TEXTS_DIR, s.file)), `${s.id}: ${s.file} is not in ${SOURCE_TEXTS_DIR}`).toBe(true);
  });
});

describe('sources copied into datasets', () => {
  const copies = datasets.flatMap(({ file, data }) => data.sources.map((s) => ({ file, id: s.id, copy: s })));
  it.each(copies)('$file: $id is the registry entry, unchanged', ({ id, copy }) => {
    expect(byId.get(id), `source "${id}" is not in data/sources.json`).toBeDefined();
    expect(copy).toEqual(byId.get(id));
  });
});

describe('data/sources/', () => {
  const readme = readFileSync(path.join(SOURCE_TEXTS_DIR, 'README.md'), 'utf8');
  const pages = readdirSync(SOURCE_TEXTS_DIR).filter((f) => f.endsWith('.txt'));

  it('holds every saved page the registry names, and no other', () => {
    expect(pages.sort()).toEqual([...new Set(registry.map((s) => s.file))].sort());
  });

  it.each(pages)('%s is unchanged since it was saved (its SHA-256 is the one in the README)', (file) => {
    const sha = createHash('sha256')
      .update(readFileSync(path.join(SOURCE_TEXTS_DIR, file)))
      .digest('hex');
    expect(readme).toContain(`| \`${file}\` |`);
    expect(readme, `${file}: its SHA-256 is ${sha}, not the one recorded in data/sources/README.md: restore the saved page`).toContain(sha);
  });
});

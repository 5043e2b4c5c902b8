/**
 * The lock file makes released versions immutable. Each case works on a
 * throw-away copy of tests/fixtures/datasets/good (never on the real data/).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAllDatasets, LOCK_FILE } from '../../src/datasets.ts';

const GOOD = path.resolve(import.meta.dirname, '../fixtures/datasets/good');
const RELEASE_SCRIPT = path.resolve(import.meta.dirname, '../../scripts/release-datasets.ts');
const RELEASED = 'data/datasets/sample/1.0.0.json';

const roots: string[] = [];
function copyOfGood(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'datasets-lock-'));
  cpSync(GOOD, root, { recursive: true });
  roots.push(root);
  return root;
}
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

const read = (root: string, file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const write = (root: string, file: string, value: unknown, indent = 2) => writeFileSync(path.join(root, file), `${JSON.stringify(value, null, indent)}\n`);
const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};
/** Runs `npm run release-datasets` in a fixture root; returns its exit code and output. */
function release(root: string): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [RELEASE_SCRIPT], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

describe('the lock check', () => {
  it('accepts the released fixture, and a re-formatted copy of it', () => {
    const root = copyOfGood();
    expect(loadAllDatasets(root).all).toHaveLength(1);
    write(root, RELEASED, read(root, RELEASED), 4);
    expect(loadAllDatasets(root).all).toHaveLength(1);
  });

  it('fails on an edited released version, naming the file', () => {
    const root = copyOfGood();
    const ds = read(root, RELEASED);
    ds.rows[0].tonnes_sold.value = 39;
    write(root, RELEASED, ds);
    const message = errorOf(() => loadAllDatasets(root));
    expect(message).toContain(`${RELEASED}: sample@1.0.0 was released and must not change`);
  });

  it('fails on a deleted released version, naming the file', () => {
    const root = copyOfGood();
    rmSync(path.join(root, RELEASED));
    expect(errorOf(() => loadAllDatasets(root))).toContain(`${RELEASED}: sample@1.0.0 was released and is listed in ${LOCK_FILE}, but the file is missing`);
  });

  it('says a released file with a JSON syntax error does not parse, and not that it is missing', () => {
    const root = copyOfGood();
    const file = path.join(root, RELEASED);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/,\s*"version"/, ' "version"'));
    const message = errorOf(() => loadAllDatasets(root));
    expect(message).toContain(`${RELEASED}: is not valid JSON`);
    expect(message).not.toContain('the file is missing');
  });

  it('previews for the dev server: an unreleased version loads as a draft, a broken one is kept aside with its error', () => {
    const root = copyOfGood();
    const ds = read(root, RELEASED);
    ds.version = '1.1.0';
    ds.changes = { zh: '草稿', en: 'A draft' };
    write(root, 'data/datasets/sample/1.1.0.json', ds);
    const drafts = loadAllDatasets(root, { preview: true });
    expect(drafts.unreleased.map((d) => d.file)).toEqual(['data/datasets/sample/1.1.0.json']);
    expect(drafts.get('sample', '1.1.0')).toBeDefined();

    writeFileSync(path.join(root, 'data/datasets/sample/1.1.0.json'), '{ "id": "sample" "version": "1.1.0" }');
    const broken = loadAllDatasets(root, { preview: true });
    expect(broken.get('sample', '1.1.0')).toBeUndefined();
    expect(broken.get('sample', '1.0.0')).toBeDefined();
    expect(broken.broken.get('sample@1.1.0')?.message).toContain('data/datasets/sample/1.1.0.json: is not valid JSON');
    // The build refuses both.
    expect(errorOf(() => loadAllDatasets(root))).toContain('is not valid JSON');
  });

  it('fails on an unreleased file with the release instruction', () => {
    const root = copyOfGood();
    const ds = read(root, RELEASED);
    ds.id = 'other';
    cpSync(path.join(root, 'data/datasets/sample'), path.join(root, 'data/datasets/other'), { recursive: true });
    write(root, 'data/datasets/other/1.0.0.json', ds);
    expect(errorOf(() => loadAllDatasets(root))).toContain('data/datasets/other/1.0.0.json: other@1.0.0 is not released yet: run "npm run release-datasets"');
  });

  it('fails on a new version without "changes", and accepts it with them once released', () => {
    const root = copyOfGood();
    const next = 'data/datasets/sample/1.1.0.json';
    const ds = read(root, RELEASED);
    ds.version = '1.1.0';
    ds.rows[0].tonnes_sold.note = { zh: '补充说明', en: 'A note' };
    write(root, next, ds);
    expect(errorOf(() => loadAllDatasets(root))).toContain(`${next}: field "changes"`);
    const refused = release(root);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain(`${next}: field "changes"`);

    ds.changes = { zh: '为板栗销量加注释。', en: 'Adds a note to the chestnut tonnage.' };
    write(root, next, ds);
    expect(errorOf(() => loadAllDatasets(root))).toContain('sample@1.1.0 is not released yet');
    const released = release(root);
    expect(released.output).toContain('Released: sample@1.1.0');
    expect(Object.keys(read(root, LOCK_FILE))).toEqual(['sample@1.0.0', 'sample@1.1.0']);
    expect(loadAllDatasets(root).latest('sample')?.data.version).toBe('1.1.0');
  });

  it('release refuses to re-record an edited released version', () => {
    const root = copyOfGood();
    const before = readFileSync(path.join(root, LOCK_FILE), 'utf8');
    const ds = read(root, RELEASED);
    ds.rows[0].sales_yuan.value = 2_400_000;
    write(root, RELEASED, ds);
    const result = release(root);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`${RELEASED}: sample@1.0.0 is already released and has been edited since`);
    expect(readFileSync(path.join(root, LOCK_FILE), 'utf8')).toBe(before);
  });
});

/**
 * The lock file makes released versions immutable, byte for byte; releasing
 * runs every dataset check first, and may re-record only what git has not
 * committed. Each case works on a throw-away copy of
 * tests/fixtures/datasets/good plus the real saved pages (never on the real data/).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesKey, collectDatasets, loadAllDatasets, LOCK_FILE, readLock, readLockOrError, versionKey } from '#/data/datasets.ts';
import { errorOf } from '../helpers/errors.ts';
import { copyFolders, PROJECT, type Sandbox } from '../helpers/sandbox.ts';
import { releaseDatasets } from '#/data/release.ts';

const GOOD = path.join(PROJECT, 'tests/fixtures/datasets/good');
const RELEASE_SCRIPT = path.join(PROJECT, 'scripts/release-datasets.ts');
const RELEASED = 'data/datasets/sample/1.0.0.json';
const NEXT = 'data/datasets/sample/1.1.0.json';

const copies: Sandbox[] = [];
/** The good fixture plus the real saved pages its quotes come from. */
function copyOfGood(): string {
  const sb = copyFolders(['data'], { from: GOOD });
  cpSync(path.join(PROJECT, 'data/sources'), sb.path('data/sources'), { recursive: true });
  copies.push(sb);
  return sb.root;
}
afterEach(() => copies.splice(0).forEach((sb) => sb.dispose()));

const readText = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');
const read = (root: string, file: string) => JSON.parse(readText(root, file));
const writeText = (root: string, file: string, text: string | Buffer) => writeFileSync(path.join(root, file), text);
const write = (root: string, file: string, value: unknown, indent = 2) => writeText(root, file, `${JSON.stringify(value, null, indent)}\n`);
/** Every error the datasets of `root` give against its lock, as messages. */
const errorsOf = (root: string) =>
  collectDatasets(root, readLockOrError(root))
    .errors.map((e) => e.message)
    .join('\n');
const released = (root: string) => {
  const { done, problems } = releaseDatasets(root);
  return { done: done.join('\n'), problems: problems.map((p) => p.message).join('\n') };
};

/** A next version of the fixture, with "changes", written as 1.1.0. */
function writeNext(root: string, edit: (ds: any) => void = () => {}) {
  const ds = read(root, RELEASED);
  ds.version = '1.1.0';
  ds.changes = { zh: '为板栗销量加注释。', en: 'Adds a note to the chestnut tonnage.' };
  ds.rows[0].tonnes_sold.note = { zh: '补充说明', en: 'A note' };
  // The newest version says who makes every claim (src/data/claimants.ts).
  for (const row of ds.rows)
    for (const cell of Object.values(row)) if (cell && typeof cell === 'object' && 'value' in cell) Object.assign(cell, { claimant: 'reporter' });
  edit(ds);
  write(root, NEXT, ds);
}

const git = (root: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=test@example.org', '-c', 'user.name=test', ...args], { cwd: root, stdio: 'pipe' });
function commitAll(root: string) {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'commit');
}

describe('the lock check', () => {
  it('accepts the released fixture', () => {
    expect(errorsOf(copyOfGood())).toBe('');
  });

  it.each([
    ['re-indented', (t: string) => JSON.stringify(JSON.parse(t), null, 4)],
    ['with CRLF line endings', (t: string) => t.replaceAll('\n', '\r\n')],
    ['without its final newline', (t: string) => t.trimEnd()],
  ])('refuses the released file %s, naming the file (its data unchanged)', (_, change) => {
    const root = copyOfGood();
    writeText(root, RELEASED, change(readText(root, RELEASED)));
    expect(errorsOf(root)).toBe(
      `${RELEASED}: sample@1.0.0 was released and its bytes have changed, though its data has not (line endings, a byte-order mark, indentation, spacing or key order): the download must stay byte for byte what was released. Restore the file exactly (git checkout -- ${RELEASED}).`,
    );
  });

  it('refuses the released file with a BOM or a duplicate key, naming the file', () => {
    const root = copyOfGood();
    const text = readText(root, RELEASED);
    writeText(root, RELEASED, `\uFEFF${text}`);
    expect(errorsOf(root)).toContain(`${RELEASED}: starts with a byte-order mark`);
    writeText(root, RELEASED, text.replace('"license": "CC-BY-4.0",', '"license": "CC-BY-4.0", "license": "CC-BY-4.0",'));
    expect(errorsOf(root)).toMatch(new RegExp(`^${RELEASED}: field "license" \\(line \\d+, column \\d+\\): the key "license" is written twice`));
    // The file is there: it is not also reported as deleted.
    expect(errorsOf(root)).not.toContain('the file is missing');
  });

  it('fails on an edited released version, naming the file', () => {
    const root = copyOfGood();
    const ds = read(root, RELEASED);
    ds.rows[0].tonnes_sold.value = 39;
    write(root, RELEASED, ds);
    expect(errorsOf(root)).toContain(`${RELEASED}: sample@1.0.0 was released and must not change`);
  });

  it('fails on a deleted released version, naming the file', () => {
    const root = copyOfGood();
    rmSync(path.join(root, RELEASED));
    expect(errorsOf(root)).toContain(`${RELEASED}: sample@1.0.0 was released and is listed in ${LOCK_FILE}, but the file is missing`);
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
    writeNext(root);
    expect(errorsOf(root)).toContain(`${NEXT}: sample@1.1.0 is not released yet: run "npm run release-datasets"`);
  });

  it('asks for a byte fingerprint where the lock has only the content hash', () => {
    const root = copyOfGood();
    const lock = read(root, LOCK_FILE);
    delete lock[bytesKey('sample', '1.0.0')];
    write(root, LOCK_FILE, lock);
    expect(errorsOf(root)).toContain(`${RELEASED}: sample@1.0.0 has no byte fingerprint "sample@1.0.0#bytes"`);
    // Outside git the entry counts as committed: release adds the fingerprint, never changes the hash.
    expect(released(root).done).toBe('Fingerprinted the released bytes of sample@1.0.0');
    expect(read(root, LOCK_FILE)).toEqual(read(GOOD, LOCK_FILE));
  });

  it.each([
    ['null', 'null', 'field "(top level)"'],
    ['a list', '[]', 'field "(top level)"'],
    ['not JSON', '{ "sample@1.0.0": ', 'is not valid JSON at line 1, column 19: a value is expected'],
    ['a key that is no version', '{ "sample": "sha256-x" }', 'field "sample"'],
  ])('names the lock file when it is %s', (_, text, says) => {
    const root = copyOfGood();
    writeText(root, LOCK_FILE, text);
    expect(errorsOf(root)).toContain(`${LOCK_FILE}: `);
    expect(errorsOf(root)).toContain(says);
    expect(released(root).problems).toContain(`${LOCK_FILE}: `);
  });
});

describe('npm run release-datasets', () => {
  it('refuses a new version without "changes", then releases it with both fingerprints', () => {
    const root = copyOfGood();
    writeNext(root, (ds) => delete ds.changes);
    expect(released(root).problems).toContain(`${NEXT}: field "changes"`);
    writeNext(root);
    expect(released(root).done).toBe('Released sample@1.1.0');
    expect(Object.keys(readLock(root))).toEqual(['sample@1.0.0', 'sample@1.0.0#bytes', 'sample@1.1.0', 'sample@1.1.0#bytes']);
    expect(errorsOf(root)).toBe('');
  });

  it('refuses a version whose "changes" note is copied word for word from the previous version', () => {
    const root = copyOfGood();
    writeNext(root);
    const copied = read(root, NEXT);
    copied.version = '1.2.0';
    write(root, 'data/datasets/sample/1.2.0.json', copied);
    expect(released(root).problems).toContain(
      'data/datasets/sample/1.2.0.json: field "changes": says word for word what version 1.1.0 says; write what changed in 1.2.0',
    );
  });

  it('refuses a newest version with a figure that names no claimant, naming the file and field', () => {
    const root = copyOfGood();
    const before = readText(root, LOCK_FILE);
    writeNext(root, (ds) => delete ds.rows[0].tonnes_sold.claimant);
    expect(released(root).problems).toContain(`${NEXT}: field "rows[0].tonnes_sold.claimant" (row "chestnut-drive"): say who makes this claim`);
    expect(readText(root, LOCK_FILE)).toBe(before);
  });

  it('refuses a misquote and a misspelt key in a new version, naming the file, and writes nothing', () => {
    const root = copyOfGood();
    const before = readText(root, LOCK_FILE);
    writeNext(root, (ds) => {
      ds.rows[0].sales_yuan.quote = ds.rows[0].sales_yuan.quote.replace(',', '，');
      ds.rows[0].tonnes_sold.qualifers = [];
    });
    const { problems } = released(root);
    expect(problems).toContain(`${NEXT}: field "rows[0].tonnes_sold.qualifers": unknown key "qualifers" (did you mean "qualifiers"?)`);
    expect(readText(root, LOCK_FILE)).toBe(before);
    writeNext(root, (ds) => (ds.rows[0].sales_yuan.quote = ds.rows[0].sales_yuan.quote.replace(',', '，')));
    expect(released(root).problems).toContain(
      `${NEXT}: field "rows[0].sales_yuan.quote" (row "chestnut-drive"): the quote is not in data/sources/003_096f2e30b87b1bab.txt`,
    );
    expect(readText(root, LOCK_FILE)).toBe(before);
  });

  it('outside git, refuses to re-record an edited released version: make a new version', () => {
    const root = copyOfGood();
    const before = readText(root, LOCK_FILE);
    const ds = read(root, RELEASED);
    ds.rows[0].sales_yuan.value = 2_400_000;
    write(root, RELEASED, ds);
    const { problems } = released(root);
    expect(problems).toContain(`${RELEASED}: sample@1.0.0 is released and committed (it may already be published), so it never changes.`);
    expect(problems).toContain('make a new version');
    expect(problems).not.toContain('must not change'); // said once, not twice
    expect(readText(root, LOCK_FILE)).toBe(before);
  });

  it('in git, re-records a version until its lock entry is committed, then refuses', () => {
    const root = copyOfGood();
    git(root, 'init', '-q');
    commitAll(root);
    writeNext(root);
    expect(released(root).done).toBe('Released sample@1.1.0');
    // A typo found in preview, before the commit: fix and release again.
    writeNext(root, (ds) => (ds.rows[0].tonnes_sold.note.en = 'A better note'));
    expect(released(root).done).toBe('Re-recorded sample@1.1.0 (released but not yet committed)');
    expect(errorsOf(root)).toBe('');
    // Committed: it may be published, so it is frozen.
    commitAll(root);
    writeNext(root, (ds) => (ds.rows[0].tonnes_sold.note.en = 'Yet another note'));
    expect(released(root).problems).toContain(`${NEXT}: sample@1.1.0 is released and committed`);
  });

  it('forgets an uncommitted release whose file is gone', () => {
    const root = copyOfGood();
    git(root, 'init', '-q');
    commitAll(root);
    writeNext(root);
    released(root);
    rmSync(path.join(root, NEXT));
    expect(released(root).done).toBe('Dropped sample@1.1.0 from the lock (never committed, and its file is gone)');
    expect(read(root, LOCK_FILE)).toEqual(read(GOOD, LOCK_FILE));
  });

  it('runs as a command: exit code and messages', () => {
    const root = copyOfGood();
    writeNext(root, (ds) => (ds.rows[0].tonnes_sold.stauts = 'target'));
    let refused = { status: 0, output: '' };
    try {
      execFileSync(process.execPath, [RELEASE_SCRIPT], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      refused = { status: e.status, output: e.stdout + e.stderr };
    }
    expect(refused.status).toBe(1);
    expect(refused.output).toContain(
      `Nothing released. Fix these first:\n  - ${NEXT}: field "rows[0].tonnes_sold.stauts": unknown key "stauts" (did you mean "status"?)`,
    );
    writeNext(root);
    expect(execFileSync(process.execPath, [RELEASE_SCRIPT], { cwd: root, encoding: 'utf8' })).toContain('Released sample@1.1.0');
    expect(readLock(root)[versionKey('sample', '1.1.0')]).toMatch(/^sha256-/);
  });
});

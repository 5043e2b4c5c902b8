/**
 * The append-only guards (src/data/append-only.ts): in a throw-away git
 * repository, an edit is checked against every committed version, including
 * an edit committed together with its own "justification"; and on this
 * repository itself, which must be a git clone with its full history (in CI
 * too: a clone without history fails here instead of skipping the guard).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAppendOnly, FIRST_RELEASE, historyUnavailable } from '#/data/append-only.ts';

const repos: string[] = [];
afterEach(() => repos.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const HEADER = '# Every URL this site has published.\n';
const LOCK = { 'a@1.0.0': 'sha256-aaa', 'b@1.0.0': 'sha256-bbb' };

/** A git repository with the two files committed once. */
function repo() {
  const root = mkdtempSync(path.join(tmpdir(), 'append-only-'));
  repos.push(root);
  mkdirSync(path.join(root, 'data'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 't@example.org');
  git('config', 'user.name', 'Test');
  const write = (file: string, text: string) => writeFileSync(path.join(root, file), text);
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
  };
  write('data/published-urls.txt', `${HEADER}/\n/counties/qinglong/\n`);
  write('data/datasets.lock.json', JSON.stringify(LOCK, null, 2));
  commit('first release');
  const messages = () => checkAppendOnly(root).errors.map((e) => e.message);
  return { root, write, commit, messages };
}

describe('append-only files against git history', () => {
  it('accepts new lines and new keys, committed or not', () => {
    const r = repo();
    r.write('data/published-urls.txt', `${HEADER}/\n/counties/qinglong/\n/counties/yijun/\n`);
    r.write('data/datasets.lock.json', JSON.stringify({ ...LOCK, 'a@1.1.0': 'sha256-ccc' }));
    expect(r.messages()).toEqual([]);
    r.commit('second release');
    expect(r.messages()).toEqual([]);
  });

  it('names a published URL line removed, even when the removal is committed', () => {
    const r = repo();
    r.write('data/published-urls.txt', `${HEADER}/\n`);
    const says = 'data/published-urls.txt: line "/counties/qinglong/" (committed in ';
    expect(r.messages().join('\n')).toContain(says);
    r.commit('drop a page');
    expect(r.messages()).toHaveLength(1);
    expect(r.messages()[0]).toContain(says);
    expect(r.messages()[0]).toContain('was removed: a published URL is never deleted');
  });

  it('fails when the list is emptied or deleted, committed or not', () => {
    const r = repo();
    r.write('data/published-urls.txt', HEADER);
    expect(r.messages()).toEqual([
      'data/published-urls.txt: lists no URL: it may never be emptied; restore it from git (git checkout -- data/published-urls.txt)',
    ]);
    unlinkSync(path.join(r.root, 'data/published-urls.txt'));
    r.commit('delete the list');
    expect(r.messages()[0]).toMatch(/^data\/published-urls\.txt: is missing/);
  });

  it('names a lock key whose value changed, even when the dataset and its hash change in the same commit', () => {
    const r = repo();
    r.write('data/datasets.lock.json', JSON.stringify({ ...LOCK, 'a@1.0.0': 'sha256-edited' }));
    r.commit('edit a released value with its lock hash');
    expect(r.messages()).toEqual([
      expect.stringMatching(
        /^data\/datasets\.lock\.json: key "a@1\.0\.0" changed from "sha256-aaa" \(committed in [0-9a-f]{10}\) to "sha256-edited": a released version never changes/,
      ),
    ]);
  });

  it('names a lock key removed', () => {
    const r = repo();
    r.write('data/datasets.lock.json', JSON.stringify({ 'a@1.0.0': 'sha256-aaa' }));
    expect(r.messages()).toEqual([expect.stringContaining('data/datasets.lock.json: key "b@1.0.0" (committed in ')]);
  });

  it('counts history only from the first release on', () => {
    const r = repo();
    r.write('data/datasets.lock.json', JSON.stringify({ ...LOCK, 'a@1.0.0': 'sha256-released' }));
    r.commit('the first release replaces a sample value');
    const since = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: r.root, encoding: 'utf8' }).trim();
    expect(r.messages()).toHaveLength(1);
    expect(checkAppendOnly(r.root, since)).toEqual({ errors: [] });
  });

  it('says when there is no history to check against, instead of passing silently', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'no-git-'));
    repos.push(root);
    expect(historyUnavailable(root)).toMatch(/not a git/);
  });
});

describe('this repository', () => {
  it('is a git clone with its full history (CI must clone with it: the guards need it)', () => {
    expect(historyUnavailable(process.cwd(), FIRST_RELEASE)).toBeUndefined();
  });

  it('keeps every published URL and every released lock entry ever committed', () => {
    expect(checkAppendOnly(process.cwd(), FIRST_RELEASE)).toEqual({ errors: [] });
  });
});

/**
 * The two append-only files, checked against every version of them ever
 * committed, so an edit cannot vouch for itself in the same commit:
 *
 *   data/published-urls.txt  every URL line ever committed is still there;
 *                            the file exists and lists at least one URL;
 *   data/datasets.lock.json  every key ever committed keeps its value (new keys are fine).
 *
 * Uncommitted changes are compared with history like any other edit (lines
 * and keys not yet committed are not constrained). The build runs this where
 * the project is a git clone with its history, and says so loudly where it is
 * not; tests/unit/append-only.test.ts runs it on the repository in CI and fails
 * on a clone without git or without its history, rather than skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '#/authoring/errors.ts';
import { PUBLISHED_FILE } from '#/publishing/published-urls.ts';

export const LOCK_FILE = 'data/datasets.lock.json';

/**
 * History starts at the first release: "Datasets 1.0.0 from the three source
 * articles". The scaffold commit before it held sample datasets that were
 * never published, and its lock values were replaced.
 */
export const FIRST_RELEASE = '62ac75daaa31cac4d01b2406b28033278bdde354';

const git = (root: string, args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });

/** Why the history cannot be read (no git, not a repository, a shallow clone), or undefined when it can. */
export function historyUnavailable(root: string, since?: string): string | undefined {
  try {
    if (git(root, ['rev-parse', '--is-inside-work-tree']).trim() !== 'true') return 'not a git work tree';
    if (git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true') return 'a shallow clone (run "git fetch --unshallow", or clone with full history: fetch-depth 0)';
    git(root, ['rev-parse', '--verify', 'HEAD']);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : `not a git repository with commits (${((error as { stderr?: string }).stderr ?? String(error)).trim().split('\n')[0]})`;
  }
  if (!since) return undefined;
  try {
    git(root, ['merge-base', '--is-ancestor', since, 'HEAD']);
    return undefined;
  } catch {
    return `the first release ${since.slice(0, 10)} is not in this clone's history of HEAD (a partial clone, or a rewritten history)`;
  }
}

/** Each committed version of `file` reachable from HEAD, oldest first, with its commit; from `since` on when given. */
function committedVersions(root: string, file: string, since?: string): { commit: string; text: string }[] {
  const range = since ? ['HEAD', `^${since}~1`] : ['HEAD'];
  const commits = git(root, ['log', '--format=%H', '--reverse', ...range, '--', file]).split('\n').filter(Boolean);
  const versions: { commit: string; text: string }[] = [];
  for (const commit of commits) {
    try {
      versions.push({ commit, text: git(root, ['show', `${commit}:${file}`]) });
    } catch {
      // The commit deleted the file.
    }
  }
  return versions;
}

const urlLines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const short = (commit: string) => commit.slice(0, 10);

/** The list exists and lists a URL: deleting or emptying it would turn the URL guard off. Needs no history. */
export function checkPublishedFile(root: string): DataError[] {
  const file = path.join(root, PUBLISHED_FILE);
  if (!existsSync(file)) return [new DataError(PUBLISHED_FILE, 'is missing: it lists every URL the site has published and may never be deleted; restore it from git (git checkout -- data/published-urls.txt)')];
  if (!urlLines(readFileSync(file, 'utf8')).length) return [new DataError(PUBLISHED_FILE, 'lists no URL: it may never be emptied; restore it from git (git checkout -- data/published-urls.txt)')];
  return [];
}

export function checkPublishedHistory(root: string, since?: string): DataError[] {
  const file = path.join(root, PUBLISHED_FILE);
  const current = new Set(existsSync(file) ? urlLines(readFileSync(file, 'utf8')) : []);
  const errors: DataError[] = [];
  const seen = new Set<string>();
  for (const { commit, text } of committedVersions(root, PUBLISHED_FILE, since)) {
    for (const url of urlLines(text)) {
      if (seen.has(url)) continue;
      seen.add(url);
      if (!current.has(url)) errors.push(new DataError(PUBLISHED_FILE, `line "${url}" (committed in ${short(commit)}) was removed: a published URL is never deleted; put the line back, and if the page moved add "${url}": "<new path>" to data/redirects.json`));
    }
  }
  return errors;
}

const parseLock = (text: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

export function checkLockHistory(root: string, since?: string): DataError[] {
  const file = path.join(root, LOCK_FILE);
  // A missing or malformed lock is reported by the lock's own check (src/data/datasets.ts).
  const current = existsSync(file) ? parseLock(readFileSync(file, 'utf8')) : undefined;
  if (!current) return [];
  const errors: DataError[] = [];
  const first = new Map<string, { value: unknown; commit: string }>();
  for (const { commit, text } of committedVersions(root, LOCK_FILE, since)) {
    for (const [key, value] of Object.entries(parseLock(text) ?? {})) {
      if (!first.has(key)) first.set(key, { value, commit });
    }
  }
  for (const [key, { value, commit }] of first) {
    if (!(key in current)) errors.push(new DataError(LOCK_FILE, `key "${key}" (committed in ${short(commit)}) was removed: a released version's entry is never deleted; put it back as ${JSON.stringify(value)}`));
    else if (current[key] !== value) errors.push(new DataError(LOCK_FILE, `key "${key}" changed from ${JSON.stringify(value)} (committed in ${short(commit)}) to ${JSON.stringify(current[key])}: a released version never changes; restore the value and its dataset file, and release the change as a new version (npm run release-datasets)`));
  }
  return errors;
}

/** Every append-only problem, or the reason the history could not be read. `since`: the first commit that counts. */
export function checkAppendOnly(root: string, since?: string): { errors: DataError[]; unavailable?: string } {
  const errors = checkPublishedFile(root);
  const unavailable = historyUnavailable(root, since);
  if (unavailable) return { errors, unavailable };
  // A deleted or emptied list is one error, not one per line.
  return { errors: [...errors, ...(errors.length ? [] : checkPublishedHistory(root, since)), ...checkLockHistory(root, since)] };
}

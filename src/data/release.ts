/**
 * Releasing dataset versions (`npm run release-datasets`, scripts/release-datasets.ts):
 * record each new version's fingerprints (content hash and byte hash, see
 * src/data/datasets.ts) in data/datasets.lock.json — but only when every dataset
 * check passes (strict JSON, schema, file names, "changes", the lock, and the
 * quote check against data/sources/). Otherwise nothing is written.
 *
 * A version whose lock entry is not yet committed to git (compared with
 * `git show HEAD:data/datasets.lock.json`) was never published, so it may be
 * re-recorded after a fix. A committed entry never changes: the fix is a new
 * version. Outside git, every entry in the lock counts as committed.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkDatasets } from '#/authoring/checks.ts';
import { bytesKey, collectDatasets, LOCK_FILE, parseLock, readLock, versionKey, type Lock } from './datasets.ts';
import { DataError } from '#/authoring/errors.ts';
import { parseJsonBytes } from './json-file.ts';

/** The lock as committed in HEAD; undefined outside git (then the lock on disk counts as committed). */
function committedLock(root: string): Lock | undefined {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    git('rev-parse', '--is-inside-work-tree');
  } catch {
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = git('show', `HEAD:./${LOCK_FILE}`);
  } catch {
    return {}; // No commit yet, or the lock was never committed.
  }
  const file = `${LOCK_FILE} (as committed in HEAD)`;
  return parseLock(parseJsonBytes(bytes, file), file);
}

export interface ReleaseResult {
  /** What was done, one line each (empty: nothing new). */
  done: string[];
  /** Why nothing was released (empty when the lock was written). */
  problems: DataError[];
}

export function releaseDatasets(root: string): ReleaseResult {
  let current: Lock;
  let committed: Lock | undefined;
  try {
    current = readLock(root);
    committed = committedLock(root);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return { done: [], problems: [error] };
  }
  const isCommitted = (key: string) => (committed ? key in committed : key in current);

  const next: Lock = { ...current };
  const done: string[] = [];
  const refused: DataError[] = [];
  const { loaded } = collectDatasets(root);
  for (const d of loaded) {
    const key = versionKey(d.data.id, d.data.version);
    const bytes = bytesKey(d.data.id, d.data.version);
    if (isCommitted(key)) {
      const recorded = (committed ?? current)[key];
      const recordedBytes = committed?.[bytes] ?? current[bytes];
      if (recorded !== d.hash || (recordedBytes && recordedBytes !== d.bytesHash)) {
        refused.push(
          new DataError(
            d.file,
            `${key} is released and committed (it may already be published), so it never changes. Undo the edit (git checkout -- ${d.file}) ` +
              `and make a new version: copy it to data/datasets/${d.data.id}/<next version>.json, set "version" and "released", and say what changed in "changes".`,
          ),
        );
        continue;
      }
      next[key] = recorded;
      if (!recordedBytes) done.push(`Fingerprinted the released bytes of ${key}`);
      next[bytes] = d.bytesHash;
    } else if (current[key] !== d.hash || current[bytes] !== d.bytesHash) {
      done.push(current[key] ? `Re-recorded ${key} (released but not yet committed)` : `Released ${key}`);
      Object.assign(next, { [key]: d.hash, [bytes]: d.bytesHash });
    }
  }
  // An uncommitted release whose file has since been deleted or renamed was never published: forget it.
  const present = new Set(loaded.map((d) => versionKey(d.data.id, d.data.version)));
  for (const key of Object.keys(current)) {
    if (key.endsWith('#bytes') || isCommitted(key) || present.has(key)) continue;
    delete next[key];
    delete next[`${key}#bytes`];
    done.push(`Dropped ${key} from the lock (never committed, and its file is gone)`);
  }

  // Every dataset check, against the lock about to be written. The refusals above already explain their files.
  const { errors } = checkDatasets(root, next);
  const explained = new Set(refused.map((e) => e.file));
  const problems = [...refused, ...errors.filter((e) => !(explained.has(e.file) && /was released and/.test(e.detail)))];
  if (problems.length) return { done: [], problems };

  const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path.join(root, LOCK_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
  return { done, problems: [] };
}

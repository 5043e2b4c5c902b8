/**
 * Release new dataset versions: records the content hash of every dataset
 * file that is not yet in data/datasets.lock.json. It never changes or
 * removes an existing entry: a released version is immutable.
 *
 *   npm run release-datasets
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { listDatasetFiles, loadDatasetFile, readLock, versionKey, LOCK_FILE, checkVersions, indexDatasets } from '../src/datasets.ts';
import { checkClaimants, loadClaimants } from '../src/claimants.ts';
import { DataError } from '../src/errors.ts';

const root = process.cwd();
const lock = readLock(root);
const added: string[] = [];
const problems: string[] = [];
const loaded = [];
for (const file of listDatasetFiles(root)) {
  try {
    const d = loadDatasetFile(root, file);
    loaded.push(d);
    const key = versionKey(d.data.id, d.data.version);
    if (!lock[key]) {
      lock[key] = d.hash;
      added.push(key);
    } else if (lock[key] !== d.hash) {
      problems.push(`${file}: ${key} is already released and has been edited since. Undo the edit; publish the change as a new version.`);
    }
  } catch (error) {
    if (error instanceof DataError) problems.push(error.message);
    else throw error;
  }
}
problems.push(...checkVersions(loaded).map((e) => e.message));
try {
  problems.push(...checkClaimants(indexDatasets(loaded), loadClaimants(root)).map((e) => e.message));
} catch (error) {
  if (error instanceof DataError) problems.push(error.message);
  else throw error;
}
if (problems.length) {
  console.error(`Nothing released. Fix these first:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
const sorted = Object.fromEntries(Object.entries(lock).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(path.join(root, LOCK_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
console.log(added.length ? `Released: ${added.join(', ')}` : 'Nothing new to release: every dataset version is already in the lock file.');

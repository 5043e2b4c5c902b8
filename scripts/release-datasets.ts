/**
 * Release new dataset versions (src/data/release.ts): every dataset check must
 * pass, then their fingerprints are recorded in data/datasets.lock.json.
 * A version not yet committed may be re-recorded; a committed one never changes.
 *
 *   npm run release-datasets
 */
import { LOCK_FILE } from '#/data/datasets.ts';
import { DataError } from '#/authoring/errors.ts';
import { releaseDatasets } from '#/data/release.ts';

const { done, problems } = releaseDatasets(process.cwd());
if (problems.length) {
  console.error(
    `Nothing released. Fix these first:\n${DataError.combine(problems)
      .parts.map((e) => `  - ${e.message}`)
      .join('\n')}`,
  );
  process.exit(1);
}
console.log(
  done.length
    ? `${done.join('\n')}\nCommit the dataset files together with ${LOCK_FILE}; once committed, a version never changes (a fix is a new version).`
    : 'Nothing new to release: every dataset version is already in the lock file.',
);

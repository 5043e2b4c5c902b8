/**
 * npm run urls:record — after a build, add every new URL in dist/ to
 * data/published-urls.txt. Never removes a URL: a published link is for ever.
 */
import path from 'node:path';
import { PUBLISHED_FILE, recordUrls } from '#/publishing/published-urls.ts';

const root = process.cwd();
const added = recordUrls(root, path.join(root, 'dist'));
console.log(
  added.length ? `${added.length} URLs added to ${PUBLISHED_FILE}:\n  ${added.join('\n  ')}` : `${PUBLISHED_FILE} already lists every URL of this build`,
);

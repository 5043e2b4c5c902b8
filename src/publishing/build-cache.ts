/**
 * Where the build keeps what it learns for the next build (drawn PNGs, page
 * policies, its log), from the project root. Under node_modules/.cache/, the
 * folder tools agree to keep out of version control and a CI cache step can
 * save and restore (PUBLISHING.md).
 */
import path from 'node:path';

export const BUILD_CACHE_IN_ROOT = 'node_modules/.cache/county-stories';
/** The folder, for the project in the working directory. */
export const BUILD_CACHE_DIR = path.join(process.cwd(), BUILD_CACHE_IN_ROOT);

/**
 * Where the build keeps what it learns for the next build (drawn PNGs, page
 * policies, its log), from the project root. Under node_modules/.cache/, the
 * folder tools agree to keep out of version control and a CI cache step can
 * save and restore (PUBLISHING.md).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const BUILD_CACHE_IN_ROOT = 'node_modules/.cache/county-stories';
/** The folder, for the project in the working directory. */
export const BUILD_CACHE_DIR = path.join(process.cwd(), BUILD_CACHE_IN_ROOT);

/**
 * Writes `file` (making its folder if need be) through a temporary file
 * beside it, renamed into place: a build stopped mid-write (Ctrl-C, a full
 * disk) leaves the old file or none, never half of one. The temporary name is this writer's own, so concurrent
 * writers of the same file never write into each other's.
 */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(temp, data);
  renameSync(temp, file);
}

/**
 * A digest of a module's source and of every project module it imports, in
 * turn: what a cache of that code's output must be keyed by, so that editing
 * any of it never serves output of the old code.
 *
 * The PNG cache needs it (src/publishing/png/render.ts RENDERER): its worker
 * runs from source, and Astro's incremental build, which hashes each route's
 * bundled code, would render an image route again after such an edit but
 * then find the old image under the same SVG.
 *
 * Only the project's own files are followed (`./`, `../` and `#/` imports);
 * packages are named by their versions where they matter.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Every `from '…'`, `import '…'` and `import('…')` of a relative or `#/` path (package.json "imports": `#/*` is `./src/*`). */
const PROJECT_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]((?:\.{1,2}\/|#\/)[^'"]+)['"]/g;

/** The project files `entry` (a path from `root`) loads, itself first, as paths from `root`. */
export function moduleFiles(entry: string, root = process.cwd()): string[] {
  const seen = new Set<string>();
  const visit = (file: string, importer?: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    let source: string;
    try {
      source = readFileSync(path.join(root, file), 'utf8');
    } catch {
      throw new Error(importer ? `${importer} imports ${file}, which is not there` : `${file}: not found`);
    }
    for (const [, specifier] of source.matchAll(PROJECT_IMPORT)) {
      const target = specifier.startsWith('#/') ? path.join('src', specifier.slice(2)) : path.join(path.dirname(file), specifier);
      visit(target.split(path.sep).join('/'), file);
    }
  };
  visit(entry);
  return [...seen];
}

/** A short digest of `entry`'s source and everything of the project it imports. */
export function codeDigest(entry: string, root = process.cwd()): string {
  const hash = createHash('sha256');
  for (const file of moduleFiles(entry, root).sort())
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

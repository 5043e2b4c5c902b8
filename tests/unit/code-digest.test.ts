import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeDigest, moduleFiles } from '#/publishing/code-digest.ts';
import { PNG_WORKER, RENDERER } from '#/publishing/png/render.ts';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A small project: files by path from its root. */
function project(files: Record<string, string>): string {
  root = mkdtempSync(path.join(tmpdir(), 'code-digest-'));
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), source);
  }
  return root;
}

describe('the digest of a module and what it imports', () => {
  it("follows the PNG worker's imports to the site's own drawing code, and no further", () => {
    const files = moduleFiles(PNG_WORKER);
    expect(files[0]).toBe(PNG_WORKER);
    for (const file of ['render.ts', 'glyph-paths.ts', 'encode.ts', 'font-subset.ts', 'resvg.ts']) expect(files).toContain(`src/publishing/png/${file}`);
    expect(files).toContain('src/svg/markup.ts');
    expect(files).toContain('src/svg/text.ts');
    // The cache and the pool are the build's side, not the worker's.
    expect(files).not.toContain('src/publishing/png/cache.ts');
    expect(files).not.toContain('src/publishing/png/svg-to-png.ts');
  });

  it('is part of every PNG cache key', () => {
    expect(RENDERER.endsWith(`/code-${codeDigest(PNG_WORKER)}`)).toBe(true);
  });

  it('changes when any imported file changes, through relative, #/ and multi-line imports, and only then', () => {
    const dir = project({
      'src/entry.ts': "import { b } from './b.ts';\nimport {\n  c,\n} from '#/lib/c.ts';\nimport 'node:fs';\nexport const a = b + c;\n",
      'src/b.ts': "export { d as b } from '../src/lib/d.ts';\n",
      'src/lib/c.ts': 'export const c = 1;\n',
      'src/lib/d.ts': 'export const d = 2;\n',
      'src/unrelated.ts': 'export const u = 3;\n',
    });
    expect(moduleFiles('src/entry.ts', dir).sort()).toEqual(['src/b.ts', 'src/entry.ts', 'src/lib/c.ts', 'src/lib/d.ts']);
    const before = codeDigest('src/entry.ts', dir);
    writeFileSync(path.join(dir, 'src/unrelated.ts'), 'export const u = 4;\n');
    expect(codeDigest('src/entry.ts', dir)).toBe(before);
    writeFileSync(path.join(dir, 'src/lib/d.ts'), 'export const d = 5;\n');
    expect(codeDigest('src/entry.ts', dir)).not.toBe(before);
  });

  it('names the importing file when an import is missing', () => {
    const dir = project({ 'src/entry.ts': "import { gone } from './gone.ts';\n" });
    expect(() => codeDigest('src/entry.ts', dir)).toThrow('src/entry.ts imports src/gone.ts, which is not there');
  });
});

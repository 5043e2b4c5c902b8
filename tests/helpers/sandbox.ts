/**
 * A throw-away copy of the project (or of part of it) to break on purpose.
 *
 * copyProject: the whole working tree (without dist/, .git, caches and
 * benchmarks; node_modules is linked entry by entry, so each copy keeps its
 * own Astro/Vite cache), for tests that build it or run a server in it.
 * copyFolders: only the folders a check reads (data/, content/, a fixture),
 * for tests that call the check itself: no build, no node_modules.
 * Either is copied again per case with `copy()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The working tree the tests run in. */
export const PROJECT = path.resolve(import.meta.dirname, '../..');
/** Not part of what a build reads. */
const LEAVE_OUT = new Set(['node_modules', '.git', 'dist', '.astro', 'bench', 'test-results']);
/** Caches that must not be shared between copies building at the same time. */
const PRIVATE_CACHES = new Set(['.astro', '.vite', '.cache', '.vite-temp']);

/**
 * The environment of an author's shell, for the builds and servers tests start: without the variables
 * Vitest adds (NODE_ENV=test, DEV=1, MODE=test, VITEST…), which Vite reads and which would build or
 * serve the site in test mode, not as a deploy or an author sees it.
 */
export const authorEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST.*|NODE_ENV|TEST|DEV|PROD|MODE|SSR|BASE_URL)$/.test(k))),
  ...extra,
});

export interface BuildResult {
  code: number;
  /** stdout and stderr, without colours. */
  output: string;
}

export class Sandbox {
  readonly root: string;
  constructor(root: string) {
    this.root = root;
  }

  path = (file: string) => path.join(this.root, file);
  exists = (file: string) => existsSync(this.path(file));
  read = (file: string) => readFileSync(this.path(file), 'utf8');
  write = (file: string, text: string) => {
    mkdirSync(path.dirname(this.path(file)), { recursive: true });
    writeFileSync(this.path(file), text);
  };
  remove = (file: string) => unlinkSync(this.path(file));
  /** Replace text in a file; fails loudly if the text is not there (the corpus must not silently stop breaking anything). */
  replace(file: string, find: string | RegExp, by: string): void {
    const before = this.read(file);
    const after = before.replace(find, by);
    if (after === before) throw new Error(`${file}: ${String(find)} not found, so the patch would change nothing`);
    this.write(file, after);
  }
  json<T = any>(file: string): T {
    return JSON.parse(this.read(file));
  }
  editJson<T = any>(file: string, edit: (data: T) => void): void {
    const data = this.json<T>(file);
    edit(data);
    this.write(file, JSON.stringify(data, null, 2) + '\n');
  }
  /** Every file under `dir`, project-relative. */
  listAll(dir: string): string[] {
    if (!existsSync(this.path(dir))) return [];
    return readdirSync(this.path(dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(this.root, path.join(e.parentPath, e.name)))
      .sort();
  }
  /** The entries of `dir`, project-relative. */
  list(dir: string): string[] {
    return existsSync(this.path(dir))
      ? readdirSync(this.path(dir))
          .sort()
          .map((f) => `${dir}/${f}`)
      : [];
  }

  /** `node scripts/build.ts` in the copy, as `npm run build` would run it; `env` adds to the environment (e.g. SITE_URL), `args` to its arguments (e.g. --force). */
  build(env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<BuildResult> {
    return this.startBuild(env, args).done;
  }

  /** The same, started: the process (to signal it) and its result. */
  startBuild(env: NodeJS.ProcessEnv = {}, args: string[] = []): { child: ChildProcess; done: Promise<BuildResult> } {
    const child = spawn(process.execPath, ['scripts/build.ts', ...args], { cwd: this.root, env: authorEnv({ ...env, NO_COLOR: '1', FORCE_COLOR: '0' }) });
    const done = new Promise<BuildResult>((resolve) => {
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
    });
    return { child, done };
  }

  /** A hash of every file under dist/ (names and bytes): equal before and after means the output was left intact. */
  distFingerprint(): string {
    const dist = this.path('dist');
    if (!existsSync(dist)) return 'no dist/';
    const hash = createHash('sha256');
    const files = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dist, path.join(e.parentPath, e.name)))
      .sort();
    for (const f of files)
      hash
        .update(f)
        .update('\0')
        .update(readFileSync(path.join(dist, f)))
        .update('\0');
    return `${files.length} files, sha256 ${hash.digest('hex')}`;
  }

  /** Take a finished build as this copy's dist/: the "previous build" a failed build must leave intact. */
  adoptBuild(siteDir: string): void {
    cpSync(siteDir, this.path('dist'), { recursive: true });
  }

  /** Staging folders the atomic build left behind (there should be none). */
  leftovers = () => readdirSync(this.root).filter((f) => f.startsWith('.dist-'));

  copy(): Sandbox {
    const root = mkdtempSync(path.join(tmpdir(), 'sandbox-'));
    // The template's own caches come along (warm, and private to the copy); packages stay links.
    cpSync(this.root, root, { recursive: true, verbatimSymlinks: true });
    return new Sandbox(root);
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A copy of the working tree with node_modules linked in, not yet built. */
export function copyProject(): Sandbox {
  const root = mkdtempSync(path.join(tmpdir(), 'project-copy-'));
  for (const entry of readdirSync(PROJECT)) {
    if (LEAVE_OUT.has(entry) || entry.startsWith('.dist-')) continue;
    cpSync(path.join(PROJECT, entry), path.join(root, entry), { recursive: true });
  }
  mkdirSync(path.join(root, 'node_modules'));
  for (const entry of readdirSync(path.join(PROJECT, 'node_modules'))) {
    if (!PRIVATE_CACHES.has(entry)) symlinkSync(path.join(PROJECT, 'node_modules', entry), path.join(root, 'node_modules', entry));
  }
  return new Sandbox(root);
}

/**
 * A temp folder with copies of `folders` (relative to `from`, kept at the same
 * relative path): what a check reads, without node_modules. `skip` leaves out
 * files and folders by project-relative path (e.g. data/geo, which the content checks never read).
 */
export function copyFolders(folders: string[], { from = PROJECT, skip = [] as string[] } = {}): Sandbox {
  const sb = new Sandbox(mkdtempSync(path.join(tmpdir(), 'sandbox-')));
  const skipped = new Set(skip.map((s) => path.join(from, s)));
  for (const folder of folders) cpSync(path.join(from, folder), sb.path(folder), { recursive: true, filter: (src) => !skipped.has(src) });
  return sb;
}

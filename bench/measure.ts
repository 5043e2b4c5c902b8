/**
 * Measuring one build: wall time, peak memory of the whole process tree
 * (npm → astro → workers …) and what it wrote to dist/.
 *
 * Peak memory is sampled from /proc (no GNU time needed): every SAMPLE_MS we
 * sum the resident set of the build process and all its descendants and keep
 * the maximum. A spike shorter than the sampling interval can be missed, so
 * the figure is a slight underestimate.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SAMPLE_MS = 100;
const PAGE_SIZE = 4096;

/** Resident bytes of `root` and every process below it, read from /proc. */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the ")" that closes the command name: state ppid … (rss is field 24 overall).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * PAGE_SIZE);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // The process ended while we were reading it.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface RunResult {
  seconds: number;
  /** CPU seconds (user + system) of the whole process tree: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  /** The 1-minute load average just before the run: other work on the machine skews wall times. */
  loadBefore: number;
  /** The 1-minute load average sampled every second during the run, averaged, and its highest sample. */
  loadDuring: { mean: number; max: number };
  peakRssBytes: number;
  exitCode: number;
  /** The build's own log (stdout and stderr), kept for errors. */
  logFile: string;
  /** Each line of output with the second it arrived, for phase timings. */
  lines: { at: number; text: string }[];
  /** Every memory sample of the tree (second, bytes): peaks per phase are read from these. */
  memory: { at: number; bytes: number }[];
}

const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

/** bash's `times` prints the shell's then its children's user and system time, e.g. "1m2.345s 0m3.210s". */
function cpuFromTimes(lines: { text: string }[]): number {
  const times = lines.filter((l) => /^\d+m[\d.]+s \d+m[\d.]+s$/.test(l.text.trim())).at(-1);
  if (!times) return NaN;
  return times.text
    .trim()
    .split(' ')
    .reduce((sum, t) => {
      const [, m, sec] = /^(\d+)m([\d.]+)s$/.exec(t)!;
      return sum + Number(m) * 60 + Number(sec);
    }, 0);
}

/**
 * Run a shell command in `cwd`, logging to `logFile`, while sampling the
 * memory of its process tree; bash reports the tree's CPU time at the end.
 */
export function measureRun(command: string, cwd: string, logFile: string, env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile);
    const loadBefore = loadAverage();
    const started = process.hrtime.bigint();
    const child = spawn('bash', ['-c', `${command}; code=$?; times; exit $code`], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: RunResult['lines'] = [];
    const since = () => Number(process.hrtime.bigint() - started) / 1e9;
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream.on('data', (chunk: Buffer) => {
        log.write(chunk);
        const parts = (partial + chunk.toString('utf8')).split('\n');
        partial = parts.pop()!;
        const at = since();
        for (const text of parts) lines.push({ at, text });
      });
    }
    let peak = 0;
    const memory: RunResult['memory'] = [];
    const loads: number[] = [];
    let samples = 0;
    const sample = () => {
      if (!child.pid) return;
      if (samples++ % (1000 / SAMPLE_MS) === 0) loads.push(loadAverage());
      const bytes = treeRss(child.pid);
      memory.push({ at: since(), bytes });
      peak = Math.max(peak, bytes);
    };
    const timer = setInterval(sample, SAMPLE_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = since();
      const loadDuring = { mean: loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length), max: Math.max(loadBefore, ...loads) };
      log.end(() =>
        resolve({ seconds, cpuSeconds: cpuFromTimes(lines), loadBefore, loadDuring, peakRssBytes: peak, exitCode: code ?? 1, logFile, lines, memory }),
      );
    });
  });
}

export interface FileEntry {
  /** Path relative to the directory that was walked, with "/" separators. */
  file: string;
  bytes: number;
}

export function listFiles(dir: string): FileEntry[] {
  const out: FileEntry[] = [];
  const walk = (rel: string) => {
    for (const d of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) walk(child);
      else if (d.isFile()) out.push({ file: child, bytes: statSync(path.join(dir, child)).size });
    }
  };
  walk('');
  return out;
}

export interface PageType {
  pattern: string;
  files: number;
  bytes: number;
}

/**
 * Group dist/ files into page types by replacing per-county path parts with
 * <county> (`counties/<county>/index.html`, `og/<county>.png` …) and hashed
 * asset names with `*`. `countyToken` matches a county's slug or code.
 */
export function pageTypes(files: FileEntry[], countyToken: RegExp): PageType[] {
  const groups = new Map<string, PageType>();
  for (const { file, bytes } of files) {
    // A county's files differ only after its slug (its charts: <county>-x-envoy-coverage.png): one type.
    let pattern = file.replace(countyToken, '<county>').replace(/<county>[\w-]*/g, '<county>*');
    if (pattern.startsWith('_astro/')) pattern = `_astro/*${path.extname(file)}`;
    else if (pattern.startsWith('pagefind/')) pattern = `pagefind/**${path.extname(file)}`;
    const g = groups.get(pattern) ?? { pattern, files: 0, bytes: 0 };
    g.files++;
    g.bytes += bytes;
    groups.set(pattern, g);
  }
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes);
}

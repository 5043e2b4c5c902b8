/**
 * Summarise V8 CPU profiles (from `npm run bench -- --cpu-prof --keep`):
 * self time by function and by file, heaviest first.
 *
 *   node bench/profile.ts bench/.corpora/100/profiles/*.cpuprofile
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
for (const file of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const where = url.replace(/^file:\/\/.*?\/(node_modules|src|dist)\//, '$1/') || '(native)';
    const fn = `${functionName || '(anonymous)'}  ${where}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    const pkg = where.replace(/^(node_modules\/(@[^/]+\/)?[^/]+).*$/, '$1').replace(/^(dist\/\.prerender\/chunks\/).*$/, '$1*');
    byFile.set(pkg, (byFile.get(pkg) ?? 0) + ms);
    total += ms;
  });
}
const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `${(ms / 1000).toFixed(2).padStart(8)} s ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
console.log(`total sampled: ${(total / 1000).toFixed(1)} s\n\nby package or file:\n${top(byFile, 20)}\n\nby function (self time):\n${top(byFunction, 30)}`);

// --callers=<function name>: whose calls the time of that function is spent in (three frames up).
const wanted = process.argv.find((a) => a.startsWith('--callers='))?.slice('--callers='.length);
if (wanted) {
  const stacks = new Map<string, number>();
  for (const file of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const name = (id: number) => {
      const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
      return `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|src|chunks)\//, '$1/')}:${lineNumber + 1}`;
    };
    profile.samples.forEach((id, i) => {
      if (nodes.get(id)!.callFrame.functionName !== wanted) return;
      const chain: string[] = [];
      for (let p = parent.get(id); p !== undefined && chain.length < 4; p = parent.get(p)) chain.push(name(p));
      const key = chain.join(' ← ');
      stacks.set(key, (stacks.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
  }
  console.log(`\ncallers of ${wanted}:\n${top(stacks, 8)}`);
}

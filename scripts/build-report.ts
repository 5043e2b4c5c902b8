/**
 * What `npm run build` prints. Astro's own log (hundreds of lines: every
 * route, every asset) goes to a file; the terminal gets a short summary, or,
 * when the build fails, Astro's error messages without the code's stack
 * traces, then one line per problem, each starting with "[ERROR]".
 */

/** Astro's log without colours. */
export const plain = (log: string) => log.replace(/\x1b\[[0-9;]*m/g, '');

/** The lines worth an author's eyes in a successful build: the checks, the page count, any warning. */
export function successSummary(log: string): { checked?: string; pages?: string; rendered: number; copied: number; images: number; warnings: string[] } {
  const text = plain(log);
  const checked = /\[county-stories:data-checks\] (.+) checked/.exec(text)?.[1];
  // Astro writes the time as "9.55s", or "1m 12s" from a minute on.
  const built = /\[build\] (\d+) page\(s\) built in (\d+m )?([\d.]+)s/.exec(text);
  const warnings = text
    .split('\n')
    .filter((l) => l.includes('[WARN]'))
    .map((l) => l.replace(/^\d\d:\d\d:\d\d /, '').trim());
  // Astro logs each file it writes on a line of its own: with the time it took when it rendered it, or
  // "(restored)" / "(cached)" when its incremental build copied it from the last build.
  const rendered = text.match(/[├└]─ \S+ \(\+/g)?.length ?? 0;
  const copied = text.match(/ \((restored|cached)\)$/gm)?.length ?? 0;
  // The PNGs among them, rendered or copied, counted from there, not by listing the output again.
  const images = text.match(/[├└]─ \S+\.png \(/g)?.length ?? 0;
  return { checked, pages: built ? `${built[1]} pages built in ${built[2] ?? ''}${built[3]} s` : undefined, rendered, copied, images, warnings };
}

/** Astro's error output from the first error on, without stack traces (the full log keeps them). */
export function errorSection(log: string): string[] {
  const lines = plain(log).split('\n');
  // Astro prints a page's render error without "[ERROR]": an author's file at the start of the line marks it.
  const first = lines.findIndex((l) => l.includes('[ERROR]') || /^(data|content)\/\S+: /.test(l));
  return lines
    .slice(first < 0 ? Math.max(0, lines.length - 30) : first)
    .filter((l) => !/^\s+at /.test(l) && !/^\s*Stack trace:\s*$/.test(l) && !/^\s*\[\.\.\.\] See full stack trace/.test(l));
}

/**
 * One line per problem: each author-facing message (a DataError names a file
 * under data/ or content/ first), else each of Astro's [ERROR] lines.
 */
export function problemLines(log: string): string[] {
  const lines = plain(log).split('\n');
  const authored = lines
    .map((l) => /^\s*(?:-\s+)?(?:\d\d:\d\d:\d\d \[ERROR\] )?((?:data|content)\/\S+?: .*)$/.exec(l)?.[1])
    .filter((l): l is string => l !== undefined);
  const errors = lines.filter((l) => l.includes('[ERROR]')).map((l) => l.replace(/^.*?\[ERROR\]\s*/, '').trim());
  // "An unhandled error occurred while running a hook" says nothing when the error itself is listed.
  const meaningful = errors.filter((l) => !/An unhandled error occurred/.test(l));
  const found = authored.length ? authored : meaningful.length ? meaningful : errors;
  return [...new Set(found)].map((l) => `[ERROR] ${l}`);
}

/**
 * "Did you mean …?" for author errors: the known name nearest to a misspelt
 * one (a dataset id, a row id, a JSON key), or nothing when none is close.
 */
import { distance } from 'fastest-levenshtein';

/** The candidate nearest to `name`, if it is close enough to be a plausible typo. */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) return undefined;
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  // Case is ignored ("asof" → "asOf"). Up to a third of the name's length, and at least two edits
  // from four letters on, so a swap counts ("lable" → "label"), but not "x" → "id".
  const allowed = name.length < 4 ? 1 : Math.max(2, Math.floor(name.length / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/** ' (did you mean "qualifiers"?)', or '' when no candidate is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = nearest(name, candidates);
  return match ? ` (did you mean "${match}"?)` : '';
}

/** ' (did you mean "x"?)' for a near miss, else every valid name: ' (rows: a, b, c)'. */
export const didYouMeanOrList = (name: string, candidates: string[], what: string): string =>
  didYouMean(name, candidates) || ` (${what}: ${candidates.join(', ') || 'none'})`;

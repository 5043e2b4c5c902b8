/**
 * Errors for content authors: each names the file, then the field, then what
 * to do. They stop the build; nothing already published is touched.
 */
import type { z } from 'astro/zod';
import { locate, type Location } from './author-location.ts';

export class DataError extends Error {
  readonly file: string;
  readonly detail: string;

  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'DataError';
    this.file = file;
    this.detail = detail;
  }

  #loc: Location | undefined | null = null;
  /** The message the location is read from: for combined errors, the first problem's. */
  #locateFrom: string | undefined;
  /**
   * Line and column in `file`, found on first use from what the message names
   * (src/author-location.ts). Astro's error overlay and build errors show this
   * place, and "Open in editor" opens the author's file, not the code that threw.
   */
  get loc(): Location | undefined {
    if (this.#loc === null) this.#loc = locate(process.cwd(), this.file, this.#locateFrom ?? this.detail);
    return this.#loc;
  }
  set loc(value: Location | undefined) {
    this.#loc = value;
  }

  /** Several problems reported together, one per line. */
  static combine(errors: DataError[]): DataError {
    if (errors.length === 1) return errors[0];
    const combined = new DataError(errors[0].file, errors.map((e) => e.message).join('\n'));
    combined.#locateFrom = errors[0].detail;
    combined.message = `${errors.length} problems in the data:\n${errors.map((e) => `  - ${e.message}`).join('\n')}`;
    return combined;
  }
}

/** rows[2].sales.quote — the path of a zod issue, written as an author would look it up. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => `field "${issuePath(i.path) || '(top level)'}": ${i.message}`).join('; ');
}

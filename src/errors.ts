/**
 * Errors for content authors: each names the file, then the field, then what
 * to do. They stop the build; nothing already published is touched.
 */
import type { z } from 'astro/zod';

export class DataError extends Error {
  readonly file: string;
  readonly detail: string;

  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'DataError';
    this.file = file;
    this.detail = detail;
  }

  /** Several problems reported together, one per line. */
  static combine(errors: DataError[]): DataError {
    if (errors.length === 1) return errors[0];
    const combined = new DataError(errors[0].file, errors.map((e) => e.message).join('\n'));
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

/** A DataError at a place in a text file: "content/counties/x.mdx:12:5: …", as editors and terminals link it. */
export class SourceError extends DataError {
  readonly line: number;
  readonly column: number;

  constructor(file: string, line: number, column: number, detail: string) {
    super(file, detail);
    this.line = line;
    this.column = column;
    this.message = `${file}:${line}:${column}: ${detail}`;
  }
}

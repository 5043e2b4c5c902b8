/**
 * Errors for content authors: each names the file, then the field, then what
 * to do. They stop the build; nothing already published is touched.
 */
import path from 'node:path';
import type { z } from 'astro/zod';
import { locate, type Location } from './location.ts';

export class DataError extends Error {
  readonly file: string;
  readonly detail: string;

  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'DataError';
    this.file = file;
    this.detail = detail;
  }

  /** The single problems of a combined error (itself, for a single one). Private, so the error stays serialisable (the dev server sends it as JSON). */
  #parts: DataError[] = [this];
  get parts(): DataError[] {
    return this.#parts;
  }

  #loc: Location | undefined | null = null;
  /**
   * Line and column in `file`, found on first use from what the message names
   * (src/authoring/location.ts). Astro's error overlay and build errors show this
   * place, and "Open in editor" opens the author's file, not the code that threw.
   */
  get loc(): Location | undefined {
    if (this.#loc === null) this.#loc = locate(process.cwd(), this.file, this.detail);
    return this.#loc;
  }
  set loc(value: Location | undefined) {
    this.#loc = value;
  }

  /** Several problems reported together, one per line (combined errors are flattened). */
  static combine(errors: DataError[]): DataError {
    const parts = errors.flatMap((e) => e.parts);
    if (parts.length === 1) return parts[0];
    const combined = new DataError(parts[0].file, parts.map((e) => e.message).join('\n'));
    // The overlay points at the first problem's place.
    combined.loc = parts[0].loc;
    combined.message = `${parts.length} problems in the data:\n${parts.map((e) => `  - ${e.message}`).join('\n')}`;
    combined.#parts = parts;
    return combined;
  }
}

/** Run `check`, keeping its DataError (so every problem is reported at once) and rethrowing anything else. */
export function collect<T>(errors: DataError[], check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    errors.push(error);
    return undefined;
  }
}

/** rows[2].sales.quote — the path of a zod issue, written as an author would look it up. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((i) => {
      // An unknown key is named in the path itself: field "rows[0].sales.qualifers".
      const path = i.code === 'unrecognized_keys' && i.keys.length === 1 ? [...i.path, i.keys[0]] : i.path;
      return `field "${issuePath(path) || '(top level)'}": ${i.message}`;
    })
    .join('; ');
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
    // The place is known: no need to look for it in the message.
    this.loc = { file: path.resolve(file), line, column };
  }
}

/**
 * The one reader of the project's JSON data files (datasets, the lock,
 * counties, sources, source pages, timeline, redirects, chart specs). Every
 * error names the file and says where: a syntax error with line:column, a
 * byte-order mark, bytes that are not UTF-8, a key written twice (JSON.parse
 * would silently keep the last one) with its JSON path and line.
 *
 * Positions come from jsonc-parser (already installed with Astro), run with
 * comments and trailing commas disallowed, i.e. as strict JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as jsonc from 'jsonc-parser';
import { DataError, issuePath } from '#/authoring/errors.ts';

/** What an author should read instead of jsonc-parser's error code. */
const SYNTAX: Partial<Record<ReturnType<typeof jsonc.printParseErrorCode>, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'a number is written wrongly',
  PropertyNameExpected: 'a key in double quotes is expected here (is there a comma after the last item?)',
  ValueExpected: 'a value is expected here (is there a comma after the last item, or a missing value?)',
  ColonExpected: 'a colon ":" is missing after the key',
  CommaExpected: 'a comma is missing before this',
  CloseBraceExpected: 'a closing "}" is missing',
  CloseBracketExpected: 'a closing "]" is missing',
  EndOfFileExpected: 'there is more text after the end of the JSON',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed with a double quote',
  UnexpectedEndOfNumber: 'a number is cut off',
  InvalidUnicode: 'an invalid \\u escape',
  InvalidEscapeCharacter: 'an invalid backslash escape (write \\\\ for a backslash)',
  InvalidCharacter: 'a line break or control character inside a string (write \\n)',
};

const BOM = [0xef, 0xbb, 0xbf];

/** Byte offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Buffer): number {
  // Decoding replaces each bad sequence with U+FFFD; re-encoding gives back every byte before the first one.
  const roundTrip = Buffer.from(bytes.toString('utf8'), 'utf8');
  if (roundTrip.equals(bytes)) return -1;
  let i = 0;
  while (i < bytes.length && bytes[i] === roundTrip[i]) i++;
  // A literal U+FFFD before the bad byte would match too; step back to the start of the sequence.
  while (i > 0 && (bytes[i] & 0xc0) === 0x80) i--;
  return i;
}

const lineOfByte = (bytes: Buffer, offset: number) => bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1;

/**
 * Parse a data file's bytes (or its text) as strict JSON. Throws one DataError
 * naming `file` with every syntax error and duplicate key found.
 */
export function parseJsonBytes(data: Buffer | string, file: string): unknown {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (BOM.every((b, i) => bytes[i] === b)) {
    throw new DataError(file, 'starts with a byte-order mark (BOM): save it as UTF-8 without BOM (most editors offer "UTF-8" and "UTF-8 with BOM")');
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    throw new DataError(file, `is not valid UTF-8 (line ${lineOfByte(bytes, bad)}, byte ${bad}: 0x${bytes[bad].toString(16)}): save it with the encoding UTF-8`);
  }
  const text = bytes.toString('utf8');
  const problems: string[] = [];
  // Keys seen in each open object, innermost last.
  const objects: Set<string>[] = [];
  jsonc.visit(
    text,
    {
      onObjectBegin: () => void objects.push(new Set()),
      onObjectEnd: () => void objects.pop(),
      onObjectProperty: (key, _offset, _length, line, column, pathOf) => {
        const seen = objects.at(-1);
        if (!seen) return;
        if (seen.has(key)) {
          problems.push(`field "${issuePath([...pathOf(), key])}" (line ${line + 1}, column ${column + 1}): the key "${key}" is written twice in the same object; JSON keeps only one of them, so remove the other`);
        }
        seen.add(key);
      },
      onError: (code, _offset, _length, line, column) => {
        const name = jsonc.printParseErrorCode(code);
        problems.push(`line ${line + 1}, column ${column + 1}: ${SYNTAX[name] ?? name}`);
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (problems.length) {
    // After the first syntax error the parser's later complaints are mostly echoes of it.
    const syntax = problems.filter((p) => p.startsWith('line '));
    const shown = syntax.length ? [syntax[0]] : problems;
    throw new DataError(file, `${syntax.length ? 'is not valid JSON at ' : ''}${shown.join('; ')}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // jsonc-parser accepted it, JSON.parse did not: still name the file.
    throw new DataError(file, `is not valid JSON: ${(error as Error).message}`);
  }
}

export interface ReadOptions {
  /** Refuse a file larger than this many bytes (datasets: see MAX_DATASET_BYTES in src/data/datasets.ts). */
  maxBytes?: { bytes: number; why: string };
}

export interface JsonFile {
  /** The bytes on disk, exactly: what the lock fingerprints and downloads serve. */
  bytes: Buffer;
  value: unknown;
}

/** Read and parse `file` (project-relative) under `root`; every failure is a DataError naming it. */
export function readJsonFile(root: string, file: string, options: ReadOptions = {}): JsonFile {
  const full = path.join(root, file);
  if (!existsSync(full)) throw new DataError(file, 'is missing');
  const bytes = readFileSync(full);
  if (options.maxBytes && bytes.length > options.maxBytes.bytes) {
    const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
    throw new DataError(file, `is ${mb(bytes.length)}, over the limit of ${mb(options.maxBytes.bytes)}: ${options.maxBytes.why}`);
  }
  return { bytes, value: parseJsonBytes(bytes, file) };
}

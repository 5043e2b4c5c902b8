/** The one JSON reader (src/data/json-file.ts): every error names the file and says where. */
import { describe, expect, it } from 'vitest';
import { parseJsonBytes } from '#/data/json-file.ts';
import { messageOf } from '../helpers/errors.ts';

const FILE = 'data/example.json';
const parseError = (input: string | Buffer) => messageOf(() => parseJsonBytes(typeof input === 'string' ? Buffer.from(input) : input, FILE));

describe('parseJsonBytes', () => {
  it('parses strict JSON as JSON.parse does', () => {
    const text = '{ "a": [1, 2.5, "三", null, true], "b": { "c": "\\u4e09" } }';
    expect(parseJsonBytes(Buffer.from(text), FILE)).toEqual(JSON.parse(text));
  });

  it.each([
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 'line 3, column 3: a comma is missing before this'],
    ['a trailing comma', '{\n  "a": 1,\n}', 'line 3, column 1: a key in double quotes is expected here'],
    ['a missing value', '[1, ]', 'line 1, column 5: a value is expected here'],
    ['text after the end', '{}\n{}', 'line 2, column 1: there is more text after the end of the JSON'],
    ['a comment', '{ /* no */ }', 'line 1, column 3: comments are not allowed in JSON'],
    ['a line break inside a string', '{ "a": "one\ntwo" }', 'line 1, column 8: a string is not closed'],
    ['an empty file', '', 'line 1, column 1: a value is expected here'],
  ])('%s: "is not valid JSON at" line and column', (_, text, says) => {
    expect(parseError(text).startsWith(`${FILE}: is not valid JSON at ${says}`)).toBe(true);
  });

  it('names a duplicate key with its JSON path and line, also inside arrays', () => {
    expect(parseError('{\n  "rows": [\n    { "id": "a" },\n    { "id": "b", "v": 1, "id": "c" }\n  ]\n}')).toBe(
      `${FILE}: field "rows[1].id" (line 4, column 26): the key "id" is written twice in the same object; JSON keeps only one of them, so remove the other`,
    );
    // The same key in sibling objects is fine.
    expect(parseError('[{ "id": "a" }, { "id": "b" }]')).toBe('');
  });

  it('refuses a byte-order mark', () => {
    expect(parseError(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')]))).toBe(
      `${FILE}: starts with a byte-order mark (BOM): save it as UTF-8 without BOM (most editors offer "UTF-8" and "UTF-8 with BOM")`,
    );
  });

  it('refuses invalid UTF-8 at the first bad byte, after a real replacement character too', () => {
    expect(parseError(Buffer.concat([Buffer.from('{\n "a": "caf'), Buffer.from([0xe9]), Buffer.from('" }')]))).toBe(
      `${FILE}: is not valid UTF-8 (line 2, byte 12: 0xe9): save it with the encoding UTF-8`,
    );
    // A literal U+FFFD (EF BF BD) earlier in the file is valid and must not hide the bad byte.
    const withReplacement = Buffer.concat([Buffer.from('["\uFFFD", "'), Buffer.from([0xc3, 0x28]), Buffer.from('"]')]);
    expect(parseError(withReplacement)).toContain('(line 1, byte 9: 0xc3)');
  });
});

/**
 * Issue 15's check: the palette's colours, the font stack, the escaping
 * function and text measuring are each defined once in src/, in src/svg/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_STACKS } from '#/svg/font.ts';
import { DARK, LIGHT, MAP_DARK, MAP_LIGHT, PRINT } from '#/svg/palette.ts';

const SRC = path.resolve(import.meta.dirname, '../../../src');
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|mjs|astro|css|mdx?)$/.test(f))
  .map((f) => ({ file: path.join('src', f), text: readFileSync(path.join(SRC, f), 'utf8') }));
const where = (pattern: RegExp) => files.filter(({ text }) => pattern.test(text)).map(({ file }) => file);
const literal = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

describe('one home in src/svg/', () => {
  it('every palette colour is written only in src/svg/palette.ts', () => {
    const colours = new Set([LIGHT, DARK, PRINT, MAP_LIGHT, MAP_DARK].flatMap((p) => Object.values(p)));
    expect(colours.size).toBeGreaterThan(20);
    for (const hex of colours) expect(where(literal(hex)), hex).toEqual(['src/svg/palette.ts']);
  });

  it('the font stack is written only in src/svg/font.ts', () => {
    // A stack in code quotes its names; prose may name a font.
    for (const face of [...FONT_STACKS.latin, ...FONT_STACKS.cjk])
      expect(where(new RegExp(`["'\`]${literal(face).source}["'\`]`)), face).toEqual(['src/svg/font.ts']);
  });

  it('one escaping function, one text measure, one line wrapper', () => {
    // A character class with both & and <: the start of every hand-written escaper.
    expect(where(/\[[^\]\n]*(&[^\]\n]*<|<[^\]\n]*&)[^\]\n]*\]/)).toEqual(['src/svg/markup.ts']);
    expect(where(/&quot;|&apos;|&#39;|&#34;/)).toEqual(['src/svg/markup.ts']);
    expect(where(/(?:function|const)\s+(?:\w*(?:text|char)width|\w*wrap\w*)\b/i)).toEqual(['src/svg/text.ts']);
  });
});

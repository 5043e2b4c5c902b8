/**
 * A "<" in a story's prose starts a tag in MDX, so "<5%" or "< 10 户" fails
 * with a compiler message about names and characters that an author cannot
 * act on. This check runs before MDX (a Vite plugin, in dev and in the build)
 * and says it plainly, with the line and column.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { DataError } from '#/authoring/errors.ts';
import { lineAndColumn } from '#/authoring/location.ts';

/** Offsets of every "<" in prose that cannot start a tag or a comment: not followed by a letter, "/", ">" or "!" (code and front matter are skipped). */
export function strayLessThan(text: string): number[] {
  // Blank out what is not prose, keeping offsets: front matter, fenced code, inline code.
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  const prose = text
    .replace(/^---\n[\s\S]*?\n---(?=\n|$)/, blank)
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]+`/g, blank);
  return [...prose.matchAll(/<(?![A-Za-z/>!])/g)].map((m) => m.index);
}

/** What an author reads about a stray "<" on a line of a story: what it does, and what to write instead. */
export function lessThanAdvice(lineText: string): string {
  const shown = lineText.length > 60 ? `${lineText.slice(0, 57)}…` : lineText;
  return `a "<" in the text starts a tag in MDX ("${shown}"). To show the sign, write &lt; instead (e.g. "&lt;5%"), or rephrase ("不到5%", "less than 5%").`;
}

/** The error for the first stray "<" of a story, or undefined. `file` is project-relative. */
export function strayLessThanError(text: string, file: string, root: string): DataError | undefined {
  const offsets = strayLessThan(text);
  if (!offsets.length) return undefined;
  const where = offsets.map((o) => lineAndColumn(text, o));
  const first = where[0];
  const lineText = text.split('\n')[first.line - 1].trim();
  const error = new DataError(
    file,
    `line ${first.line}, column ${first.column}: ${lessThanAdvice(lineText)}` +
      (where.length > 1
        ? ` Also at line${where.length > 2 ? 's' : ''} ${where
            .slice(1)
            .map((w) => w.line)
            .join(', ')}.`
        : ''),
  );
  // An own property: Vite copies a plugin error's own fields into the overlay, not the class's computed `loc`.
  Object.defineProperty(error, 'loc', { value: { file: path.resolve(root, file), ...first }, writable: true, enumerable: true });
  return error;
}

/** Vite plugin: checks each story's MDX before the MDX compiler sees it. */
export function mdxProseCheck(root: string): Plugin {
  return {
    name: 'county-stories:mdx-prose',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.mdx') || id.includes('?')) return;
      const error = strayLessThanError(code, path.relative(root, id), root);
      if (error) throw error;
    },
  };
}

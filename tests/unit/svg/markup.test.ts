/**
 * esc() is the one escaping function for SVG and HTML written as strings:
 * element content and attribute values, double- or single-quoted, in XML
 * (SVG files, RSS) and in HTML pages.
 */
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { attrs, el, esc } from '#/svg/markup.ts';
import { XSS_ATTR, XSS_SCRIPT } from '../charts/fixtures.ts';

const HOSTILE = [XSS_SCRIPT, XSS_ATTR, `' onmouseover='alert(1)`, 'Qian\'an & "Tangshan" <b>', '&lt; already an entity', 'R&D; 5 > 3'];
/** The five references esc() may write, all predefined in XML and named in HTML. */
const REFERENCES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (s: string) => s.replace(/&[^;]*;/g, (ref) => REFERENCES[ref] ?? `<unknown ${ref}>`);

describe('esc', () => {
  it('leaves no character that could end text or an attribute, and decodes back to the text', () => {
    for (const text of HOSTILE) {
      const escaped = esc(text);
      expect(escaped).not.toMatch(/[<>"']/);
      expect(decode(escaped)).toBe(text);
    }
  });

  it('keeps text inert in element content and in double- and single-quoted attributes of well-formed XML', () => {
    for (const text of HOSTILE) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>${esc(text)}</title><g aria-label="${esc(text)}" data-x='${esc(text)}'><text${attrs({ 'font-family': text })}>${esc(text)}</text></g></svg>`;
      expect(() => new Resvg(svg).render(), text).not.toThrow();
      // Nothing but the markup written here became markup.
      expect(svg.match(/<[a-z]/g)).toHaveLength(4);
    }
  });

  it('leaves plain text alone, Chinese included', () => {
    expect(esc('积石山保安族东乡族撒拉族自治县 2,100 户')).toBe('积石山保安族东乡族撒拉族自治县 2,100 户');
  });
});

describe('el and attrs', () => {
  it('escape attribute values, round numbers and leave out empty ones', () => {
    expect(el('a', { href: XSS_ATTR, x: 1.2345, hidden: false, title: '' }, 'x')).toBe(`<a href="${esc(XSS_ATTR)}" x="1.2">x</a>`);
  });
});

/** SITE_URL, the public address every permanent link is built from (src/publishing/public-address.ts). */
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_SITE, placeholderWarning, publicAddress, siteUrlRequired } from '#/publishing/public-address.ts';

describe('publicAddress', () => {
  it('is the placeholder, and says so, when SITE_URL is unset or blank', () => {
    expect(publicAddress({})).toEqual({ site: PLACEHOLDER_SITE, base: '/', placeholder: true });
    expect(publicAddress({ SITE_URL: '  ' }).placeholder).toBe(true);
    expect(placeholderWarning()).toContain('SITE_URL');
  });

  it('takes a real address, with or without its final slash', () => {
    expect(publicAddress({ SITE_URL: 'https://stories.example.cn' })).toEqual({ site: 'https://stories.example.cn/', base: '/', placeholder: false });
    expect(publicAddress({ SITE_URL: 'https://stories.example.cn/' }).site).toBe('https://stories.example.cn/');
  });

  it('takes a sub-path, as a folder: its path is the base every link is written under', () => {
    expect(publicAddress({ SITE_URL: 'https://news.example.cn/county-stories' })).toEqual({
      site: 'https://news.example.cn/county-stories/',
      base: '/county-stories/',
      placeholder: false,
    });
    expect(publicAddress({ SITE_URL: 'https://news.example.cn/a/b/' }).base).toBe('/a/b/');
  });

  it.each([
    ['stories.example.cn', /not an absolute URL/],
    ['ftp://stories.example.cn/', /must start with https:\/\//],
    ['https://stories.example.cn/?a=1', /query or a fragment/],
    ['https://stories.example.cn//a/', /empty path segment/],
  ])('refuses %s, saying what to set', (value, message) => {
    expect(() => publicAddress({ SITE_URL: value })).toThrow(message);
  });

  it('is required only when REQUIRE_SITE_URL asks for it', () => {
    expect(siteUrlRequired({})).toBe(false);
    expect(siteUrlRequired({ REQUIRE_SITE_URL: '1' })).toBe(true);
    expect(siteUrlRequired({ REQUIRE_SITE_URL: '0' })).toBe(false);
  });
});

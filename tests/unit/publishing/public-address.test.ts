/** SITE_URL, the public address every permanent link is built from (src/publishing/public-address.ts). */
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_SITE, placeholderWarning, publicAddress, siteUrlRequired } from '#/publishing/public-address.ts';

describe('publicAddress', () => {
  it('is the placeholder, and says so, when SITE_URL is unset or blank', () => {
    expect(publicAddress({})).toEqual({ site: PLACEHOLDER_SITE, placeholder: true });
    expect(publicAddress({ SITE_URL: '  ' }).placeholder).toBe(true);
    expect(placeholderWarning()).toContain('SITE_URL');
  });

  it('takes a real address, with or without its final slash', () => {
    expect(publicAddress({ SITE_URL: 'https://stories.example.cn' })).toEqual({ site: 'https://stories.example.cn/', placeholder: false });
    expect(publicAddress({ SITE_URL: 'https://stories.example.cn/' }).site).toBe('https://stories.example.cn/');
  });

  it('refuses a sub-path, which the links do not support yet, rather than publish links that miss', () => {
    expect(() => publicAddress({ SITE_URL: 'https://news.example.cn/county-stories' })).toThrow(
      /has a path \(\/county-stories\): hosting under a sub-path is not supported yet/,
    );
  });

  it.each([
    ['stories.example.cn', /not an absolute URL/],
    ['ftp://stories.example.cn/', /must start with https:\/\//],
    ['https://stories.example.cn/?a=1', /query or a fragment/],
  ])('refuses %s, saying what to set', (value, message) => {
    expect(() => publicAddress({ SITE_URL: value })).toThrow(message);
  });

  it('is required only when REQUIRE_SITE_URL asks for it', () => {
    expect(siteUrlRequired({})).toBe(false);
    expect(siteUrlRequired({ REQUIRE_SITE_URL: '1' })).toBe(true);
    expect(siteUrlRequired({ REQUIRE_SITE_URL: '0' })).toBe(false);
  });
});

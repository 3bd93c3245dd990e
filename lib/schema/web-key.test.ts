import { describe, it, expect } from 'vitest';
import { webPageKey } from './web-key';

describe('webPageKey: one key for a saved web page, used by the context-menu save and the import (red team)', () => {
  it('drops the fragment and tracking parameters, lower-cases the host and drops the default port; keeps other parameters', () => {
    expect(webPageKey('HTTPS://Example.COM:443/a?utm_source=x&b=1&fbclid=y#frag')).toBe('https://example.com/a?b=1');
    expect(webPageKey('https://example.com/a?utm_medium=email')).toBe('https://example.com/a');
    expect(webPageKey('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
  });
  it('null for what is not an http(s) address or is too long', () => {
    expect(webPageKey('javascript:alert(1)')).toBeNull();
    expect(webPageKey('not a url')).toBeNull();
    expect(webPageKey(`https://e.org/${'a'.repeat(2100)}`)).toBeNull();
    expect(webPageKey(null)).toBeNull();
  });
});

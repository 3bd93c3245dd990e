import { describe, it, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { originPattern, hasHostPermission, requestHostPermission } from './permissions';

describe('originPattern', () => {
  it('turns an origin into a port-less match pattern', () => {
    expect(originPattern('https://satchel.example.org')).toBe('https://satchel.example.org/*');
    expect(originPattern('https://satchel.example.org:8443')).toBe('https://satchel.example.org/*');
    expect(originPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
  });
  it('refuses a non-http origin', () => {
    expect(() => originPattern('ftp://x.org')).toThrow(TypeError);
    expect(() => originPattern('not a url')).toThrow(TypeError);
  });
});

describe('host permission', () => {
  it('asks for exactly the server origin and reports the answer', async () => {
    const request = vi.fn(async () => true);
    fakeBrowser.permissions.request = request as typeof fakeBrowser.permissions.request;
    expect(await requestHostPermission('http://localhost:8787')).toEqual({ granted: true, error: null });
    expect(request).toHaveBeenCalledWith({ origins: ['http://localhost/*'] });
    fakeBrowser.permissions.request = (async () => false) as typeof fakeBrowser.permissions.request;
    expect(await requestHostPermission('https://a.example')).toEqual({ granted: false, error: null });
  });

  it('turns a refusal by the browser (no user gesture) into granted: false with the reason', async () => {
    fakeBrowser.permissions.request = (async () => {
      throw new Error('This function must be called during a user gesture');
    }) as typeof fakeBrowser.permissions.request;
    expect(await requestHostPermission('https://a.example')).toEqual({ granted: false, error: 'This function must be called during a user gesture' });
  });

  it('checks an origin without prompting; false when the API fails', async () => {
    const contains = vi.fn(async () => true);
    fakeBrowser.permissions.contains = contains as typeof fakeBrowser.permissions.contains;
    expect(await hasHostPermission('https://a.example:444')).toBe(true);
    expect(contains).toHaveBeenCalledWith({ origins: ['https://a.example/*'] });
    fakeBrowser.permissions.contains = (async () => {
      throw new Error('boom');
    }) as typeof fakeBrowser.permissions.contains;
    expect(await hasHostPermission('https://a.example')).toBe(false);
  });
});

import { describe, it, expect } from 'vitest';
import { guessDevice } from './device-name';

describe('guessDevice', () => {
  it('prefers User-Agent Client Hints: the specific brand over Chromium', () => {
    expect(guessDevice({ userAgentData: { brands: [{ brand: 'Not_A Brand' }, { brand: 'Chromium' }, { brand: 'Google Chrome' }], platform: 'Linux' } })).toEqual({ browser: 'Chrome', os: 'Linux' });
    expect(guessDevice({ userAgentData: { brands: [{ brand: 'Chromium' }, { brand: 'Microsoft Edge' }], platform: 'Windows' } })).toEqual({ browser: 'Edge', os: 'Windows' });
    expect(guessDevice({ userAgentData: { brands: [{ brand: 'Chromium' }, { brand: 'Not)A;Brand' }], platform: 'macOS' } })).toEqual({ browser: 'Chromium', os: 'macOS' });
  });
  it('falls back to userAgent and platform', () => {
    expect(guessDevice({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', platform: 'Linux x86_64' })).toEqual({ browser: 'Firefox', os: 'Linux' });
    expect(guessDevice({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', platform: 'MacIntel' })).toEqual({ browser: 'Chrome', os: 'macOS' });
    expect(guessDevice({ userAgent: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) Chrome/131.0', platform: 'Linux x86_64' })).toEqual({ browser: 'Chrome', os: 'ChromeOS' });
    expect(guessDevice({ userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile', platform: 'Linux armv8l' })).toEqual({ browser: 'Chrome', os: 'Android' });
  });
  it('unknown parts are null', () => {
    expect(guessDevice({})).toEqual({ browser: null, os: null });
  });
});

/** What {@link defaultDeviceName} reads from `navigator` (injected, so it is pure and testable). */
export interface NavigatorLike {
  userAgent?: string;
  platform?: string;
  userAgentData?: { brands?: ReadonlyArray<{ brand: string }>; platform?: string } | null;
}

const OS: ReadonlyArray<[RegExp, string]> = [
  [/android/i, 'Android'],
  [/cros|chrome ?os/i, 'ChromeOS'],
  [/win/i, 'Windows'],
  [/mac|iphone|ipad/i, 'macOS'],
  [/linux|x11/i, 'Linux'],
];
const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/edg/i, 'Edge'],
  [/opr|opera/i, 'Opera'],
  [/brave/i, 'Brave'],
  [/vivaldi/i, 'Vivaldi'],
  [/firefox/i, 'Firefox'],
  [/google chrome|chrome/i, 'Chrome'],
  [/chromium/i, 'Chromium'],
];

function first(list: ReadonlyArray<[RegExp, string]>, text: string): string | null {
  for (const [re, name] of list) if (re.test(text)) return name;
  return null;
}

/**
 * A default name for this device, e.g. `{ browser: 'Chrome', os: 'Linux' }`, from the User-Agent
 * Client Hints when present (brands, platform), else from `userAgent` / `platform`. Unknown parts
 * are null. Pure.
 */
export function guessDevice(nav: NavigatorLike): { browser: string | null; os: string | null } {
  const brands = (nav.userAgentData?.brands ?? []).map((b) => b.brand).filter((b) => !/not.?a.?brand/i.test(b));
  // "Chromium" is listed by every Chromium browser; prefer the specific brand.
  const brand = first(BROWSERS, brands.filter((b) => b !== 'Chromium').join(' ')) ?? (brands.includes('Chromium') ? 'Chromium' : null);
  const browser = brand ?? first(BROWSERS, nav.userAgent ?? '');
  const os = first(OS, nav.userAgentData?.platform ?? '') ?? first(OS, `${nav.platform ?? ''} ${nav.userAgent ?? ''}`);
  return { browser, os };
}

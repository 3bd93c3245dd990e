import { browser } from 'wxt/browser';

/**
 * `browser.i18n.getMessage(key)`, or '' when the key is unknown or the API is missing (tests,
 * fake-browser). Pair with `makeTranslate` from lib/util/i18n for an English fallback.
 */
export function getMessage(key: string): string {
  try {
    return (browser.i18n.getMessage as (k: string) => string)(key) ?? '';
  } catch {
    return '';
  }
}

/** The browser UI language (BCP 47), or undefined when unavailable. */
export function uiLanguage(): string | undefined {
  try {
    return browser.i18n.getUILanguage() || undefined;
  } catch {
    return undefined;
  }
}

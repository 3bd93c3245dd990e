/**
 * Looks up a UI string by its `messages.json` key. Returns the text, never an empty string:
 * components receive one of these as a prop and never call extension APIs themselves.
 */
export type Translate = (key: string) => string;

/** The shape of a Chrome `_locales/<lang>/messages.json` file (only `message` is used). */
export type MessagesFile = Record<string, { message: string; description?: string }>;

/**
 * Builds a {@link Translate} that asks `lookup` first (e.g. `browser.i18n.getMessage`) and falls
 * back to `fallback` (the bundled English file), then to the key itself. `lookup` may throw or
 * return '' (unknown key, or no i18n API as in tests); both fall through.
 */
export function makeTranslate(lookup: ((key: string) => string) | null, fallback: MessagesFile): Translate {
  return (key) => {
    let s = '';
    try {
      s = lookup?.(key) ?? '';
    } catch {
      s = '';
    }
    return s || fallback[key]?.message || key;
  };
}

/**
 * `base` or `base + 'One'` (e.g. `optDays` / `optDaysOne`): the `…One` message where the plural
 * rule of `locale` says "one" for `n` (an unknown locale tag falls back to English: n === 1).
 */
export function pluralKey(base: string, n: number, locale?: string): string {
  let one = n === 1;
  try {
    one = new Intl.PluralRules(locale).select(n) === 'one';
  } catch {
    // unknown locale tag: English rule
  }
  return one ? `${base}One` : base;
}

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

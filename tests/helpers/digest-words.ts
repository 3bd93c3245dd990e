/**
 * The English words of the digest renderers (lib/digest/text.ts `RenderOptions`), as the library page
 * builds them: `t` from messages.json, then `fmt`. For digest tests; kept out of lib/digest, which may
 * not import components or public/ (docs/architecture.md 6.2).
 */
import type { RenderOptions } from '../../lib/digest/text';
import { makeTranslate, type MessagesFile } from '../../lib/util/i18n';
import { fmt } from '../../components/format';
import messages from '../../public/_locales/en/messages.json';

/** The English words, as the library page builds them (t from messages.json, then fmt). */
export function englishWords(locale = 'en-US'): RenderOptions {
  const t = makeTranslate(null, messages as MessagesFile);
  return { tr: (k, v) => fmt(t(k), v ?? {}, locale), locale };
}

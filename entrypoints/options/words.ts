import { SyncStateError } from '../../lib/db/sync-state';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../../components/format';
import { describeError, type ErrorContext } from '../../components/options/errors';

/** Turns a failure of `ctx` into a sentence the learner can act on. */
export type Words = (e: unknown, ctx?: ErrorContext) => string;

const URL_ERRORS: Record<string, string> = { url_invalid: 'optUrlInvalid', url_insecure: 'optUrlInsecure', url_not_origin: 'optUrlNotOrigin', url_scheme: 'optUrlScheme' };

/**
 * The options page's {@link Words}: a server address refused by lib/db/sync-state
 * (`SyncStateError` `url_*`, with the scheme for `url_scheme`) gets its own message; anything else
 * goes to components/options/errors `describeError` (context `general` unless given).
 */
export function errorWords(t: Translate, locale?: string): Words {
  return (e, ctx = 'general') =>
    e instanceof SyncStateError && URL_ERRORS[e.code] ? fmt(t(URL_ERRORS[e.code]!), { scheme: e.detail ?? '' }, locale) : describeError(e, t, ctx, locale);
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/**
 * A unit is used from this share of it on, so a time a few seconds either side of an exact
 * multiple (an invite made "for 24 hours" seen just after its creation, or with the server clock a
 * little ahead) reads the same ("tomorrow", never "in 24 hours" one moment and "tomorrow" the next).
 */
const UNIT_FROM = 0.95;

/**
 * One formatter per locale: building an `Intl` formatter costs far more than formatting with one
 * (about 80 µs each in Chromium; a 500-comment discussion made one per comment). `undefined` locale
 * is keyed as ''.
 */
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const absoluteFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, locale: string | undefined, make: () => F): F {
  const key = locale ?? '';
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f;
}

const relativeFormat = (locale: string | undefined) => cached(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

/**
 * "5 minutes ago", "yesterday", "in 3 days"-style text for `then` relative to `now` (both epoch ms),
 * in `locale` (BCP 47; `undefined` = runtime default). Under a minute reads as "now". The largest
 * unit reached to within {@link UNIT_FROM} is used, rounded to whole units. The one relative-time
 * format of the library and options pages.
 */
export function relativeTime(then: number, now: number, locale?: string): string {
  return relativeWith(relativeFormat(locale), then, now);
}

const narrowFormats = new Map<string, Intl.RelativeTimeFormat>();

/**
 * {@link relativeTime} in the locale's narrow style ("3d ago", "5m ago" in English), for a place with
 * little room (a library row beside the open detail). Same units and rounding; `then`/`now` epoch ms.
 */
export function shortRelativeTime(then: number, now: number, locale?: string): string {
  return relativeWith(cached(narrowFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'narrow' })), then, now);
}

function relativeWith(rtf: Intl.RelativeTimeFormat, then: number, now: number): string {
  const diff = then - now;
  if (Math.abs(diff) < 60_000) return rtf.format(0, 'second');
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms * UNIT_FROM) return rtf.format(Math.round(diff / ms), unit);
  }
  return rtf.format(Math.round(diff / 60_000), 'minute');
}

/**
 * Date and time of `ms` (epoch ms) in `locale`, medium date + short time, e.g. "Dec 1, 2026, 12:15 AM".
 * The one absolute date format of the library and options pages (sync status, devices, invites).
 */
export function absoluteTime(ms: number, locale?: string): string {
  return cached(absoluteFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(ms);
}

/** Up to this far from now (7 days, in ms) {@link friendlyTime} reads relative; beyond, as a date. */
export const RECENT_MS = 7 * 24 * 3600_000;

/**
 * The one way to show a point in time to people: relative when recent ("5 minutes ago", "in 2
 * days"; within {@link RECENT_MS} of `now`), else the absolute date and time ("Dec 1, 2026, 12:15
 * AM"). Under a minute reads "this minute", which fits inside a sentence ("last synced this
 * minute") where {@link relativeTime}'s "now" does not. `then` and `now` are epoch ms; `locale`
 * BCP 47 (`undefined` = runtime default).
 */
export function friendlyTime(then: number, now: number, locale?: string): string {
  if (Math.abs(then - now) < 60_000) return relativeFormat(locale).format(0, 'minute');
  return Math.abs(then - now) < RECENT_MS ? relativeTime(then, now, locale) : absoluteTime(then, locale);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The days from `first` to `last` (epoch ms, both included) as a medium-date range in `locale`:
 * "Dec 1 – 7, 2026", or one date when both fall on the same day. For digests and reports.
 */
export function dateRange(first: number, last: number, locale?: string): string {
  return cached(dateFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).formatRange(first, last);
}

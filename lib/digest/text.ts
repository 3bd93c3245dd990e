/**
 * The words a rendered digest shares between its three renderers (render-markdown.ts, render-html.ts,
 * render-paste.ts): section order and headings, the lines of one item, the credit line. Everything
 * here is PLAIN text (untrusted names, notes and excerpts included); each renderer escapes it for its
 * own format. Names (people, the team, post authors) lose their direction overrides here
 * (lib/util/bidi.ts, Trojan Source spoofing); with `isolate` they are also marked FSI … PDI for a
 * renderer that isolates them (<bdi> in render-html.ts and the library's view). docs/discussion.md "Digest".
 */
import type { Digest, DigestContributor, DigestItem, DigestPerson } from '../schema/digest';
import type { Platform } from '../schema/capture';
import { pluralKey } from '../util/i18n';
import { isolateName, stripBidiOverrides } from '../util/bidi';
import { dateRange } from '../util/time';
import { excerptOf } from './excerpt';

/**
 * A UI string by its messages.json key with `{name}` tokens filled (numbers formatted for the
 * locale): the library passes `(k, v) => fmt(t(k), v ?? {}, locale)`.
 */
export type DigestT = (key: string, vars?: Record<string, string | number>) => string;

/** What every renderer takes: the words, and the BCP 47 locale for dates (undefined = runtime default). */
export interface RenderOptions {
  tr: DigestT;
  locale?: string;
  /** mark names in composed lines as FSI … PDI (lib/util/bidi.ts `isolateName`) for a renderer that turns them into <bdi>; default false: names are only stripped */
  isolate?: boolean;
}

/** A name as it goes into a line: stripped of direction overrides, and marked for isolation when `isolate`. */
const nameIn = (name: string, isolate: boolean | undefined): string => (isolate ? isolateName(name) : stripBidiOverrides(name));

/** The lists of a digest in display order, with their heading keys. */
export const DIGEST_SECTIONS = [
  { list: 'top', heading: 'digestTop' },
  { list: 'openQuestions', heading: 'digestOpenQuestions' },
  { list: 'answeredQuestions', heading: 'digestAnswered' },
  { list: 'firstShares', heading: 'digestFirstShares' },
] as const satisfies ReadonlyArray<{ list: keyof Digest; heading: string }>;

const SITE_KEYS: Record<Platform, string> = { linkedin: 'siteLinkedin', x: 'siteX', yammer: 'siteYammer', web: 'siteWeb' };

/** A person's name without direction overrides, or "a team member" for someone who opted out of spotlights. */
export const personName = (p: DigestPerson, tr: DigestT): string => (p.name === null ? tr('digestSomeone') : stripBidiOverrides(p.name));

/** "Dec 1 – 7, 2026": the days of `[from, to)` in `locale` (the last day is the one before `to`). */
export function rangeText(d: Pick<Digest, 'from' | 'to'>, locale?: string): string {
  return dateRange(d.from, Math.max(d.from, d.to - 1), locale);
}

/** The title line: "<team> digest". The team name is kept to 100 characters (whole words). */
export const titleText = (d: Digest, tr: DigestT): string => tr('digestTitle', { team: excerptOf(stripBidiOverrides(d.teamName), 100) });

/** "3 captures shared · 5 comments · 8 reactions" (plural forms by locale). */
export function totalsText(d: Digest, { tr, locale }: RenderOptions): string {
  const { captures, comments, reactions } = d.totals;
  return [
    tr(pluralKey('digestTotalCaptures', captures, locale), { count: captures }),
    tr(pluralKey('digestTotalComments', comments, locale), { count: comments }),
    tr(pluralKey('digestTotalReactions', reactions, locale), { count: reactions }),
  ].join(' · ');
}

/** The plain-text lines of one item, besides its title (the excerpt) and its link. */
export interface ItemText {
  title: string;
  /** "LinkedIn · Ana Author" */
  source: string;
  /** "Shared by Ben: “why”" */
  shared: string;
  /** "2 reactions · 1 comment", or null when there was no activity in the range */
  activity: string | null;
  /** "Answered by Cleo: “…”", or null */
  answer: string | null;
}

/** The words of one item (notes and answers shortened to whole words, on one line). */
export function itemText(item: DigestItem, { tr, locale, isolate }: RenderOptions): ItemText {
  const site = tr(SITE_KEYS[item.platform]);
  const named = (p: DigestPerson): string => (p.name === null ? tr('digestSomeone') : nameIn(p.name, isolate));
  const by = named(item.sharedBy);
  const note = item.note?.trim() ? excerptOf(item.note) : null;
  const parts: string[] = [];
  if (item.reactions) parts.push(tr(pluralKey('digestReactions', item.reactions, locale), { count: item.reactions }));
  if (item.comments) parts.push(tr(pluralKey('digestComments', item.comments, locale), { count: item.comments }));
  return {
    title: item.excerpt || tr('digestUntitled'),
    source: item.postAuthor ? `${site} · ${nameIn(excerptOf(stripBidiOverrides(item.postAuthor), 100), isolate)}` : site,
    shared: note ? tr('digestSharedByNote', { name: by, note }) : tr('digestSharedBy', { name: by }),
    activity: parts.length ? parts.join(' · ') : null,
    answer: item.answer ? tr('digestAnsweredBy', { name: named(item.answer.by), excerpt: item.answer.excerpt }) : null,
  };
}

/**
 * "Curated by Ana, Ben and 2 other team members": the named contributors (at most `maxNames`, most
 * active first), then a count of the rest (opted-out members are only ever counted). Null when nobody
 * contributed. Names lose direction overrides; `isolate` marks them FSI … PDI (see {@link RenderOptions}).
 */
export function curatedText(contributors: readonly DigestContributor[], tr: DigestT, maxNames = Infinity, locale?: string, isolate = false): string | null {
  if (contributors.length === 0) return null;
  const names = contributors.filter((c) => c.name !== null).slice(0, maxNames).map((c) => nameIn(excerptOf(stripBidiOverrides(c.name!), 100), isolate));
  const others = contributors.length - names.length;
  if (names.length === 0) return tr(pluralKey('digestCuratedAnonymous', others, locale), { count: others });
  if (others === 0) return tr('digestCuratedBy', { names: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names) });
  return tr(pluralKey('digestCuratedByOthers', others, locale), { names: names.join(', '), count: others });
}

/** One contributor's tally: "3 shares, 1 comment, 1 answer" (only the non-zero parts). */
export function tallyText(c: DigestContributor, { tr, locale }: RenderOptions): string {
  const parts: string[] = [];
  if (c.shares) parts.push(tr(pluralKey('digestShares', c.shares, locale), { count: c.shares }));
  if (c.comments) parts.push(tr(pluralKey('digestComments', c.comments, locale), { count: c.comments }));
  if (c.answers) parts.push(tr(pluralKey('digestAnswers', c.answers, locale), { count: c.answers }));
  return parts.join(', ');
}

/**
 * The quoted post of an X post, read as its own nested draft from inside its block only
 * (docs/sites/x.md "Quotes").
 */
import type { QuotedDraft } from '../../schema';
import { readAuthor } from './author';
import { one, type Scope } from './dom';
import { parseStatusUrl, statusPermalink, type StatusRef } from './ids';
import { mergeLinks, readCards, readEntities } from './links';
import { readMedia } from './media';
import { readPoll } from './poll';
import type { QuoteBlock } from './roots';
import * as S from './selectors';
import { hasSeeMore, readLang, readText, readTime } from './text';

/** The draft of a quoted post that is gone (tombstone) or, with `unavailable` false, holds nothing. */
function emptyQuoted(unavailable: boolean): QuotedDraft {
  return {
    platform: 'x', postId: null, permalink: null, author: null, text: '', lang: null, postedAt: null,
    media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false, unavailable,
  };
}

/**
 * The quoted post as its own draft, or null when its author cannot be read (then `quoteMissing`).
 * Its `<time>` is not inside a link (docs/sites/x.md §1.2 2021-05), so its id shows only through a
 * `/status/<id>/photo/1` link (x-2025-10_timeline_quote_quoted-has-image__tweetyoink); otherwise
 * postId/permalink are null (x-2025-10_timeline_quote_quoted-has-video__tweetyoink).
 */
export function readQuoted(block: QuoteBlock): QuotedDraft | null {
  if (block.unavailable) return emptyQuoted(true);
  const scope: Scope = { root: block.el, exclude: null };
  const author = readAuthor(scope);
  if (!author) return null;
  // Only a link wrapping the quote's <time> (none seen yet) or a media link names the quoted post; the
  // handle must be the quoted author's, because the hand-edited x-2025-10_…quoted-has-video__tweetyoink
  // nests the quoting post's action bar (with its /analytics link) inside the quote block.
  let ref: StatusRef | null = null;
  for (const a of block.el.querySelectorAll(S.statusLink)) {
    if (!a.querySelector('time') && !a.matches(S.anyOf(S.mediaStatusLink))) continue;
    const r = parseStatusUrl(a.getAttribute('href') ?? '');
    if (r && (!r.handle || r.handle.toLowerCase() === author.handle!.toLowerCase())) { ref = r; break; }
  }
  const textEl = one(scope, S.postText);
  const ents = readEntities(textEl);
  const { media, missing } = readMedia(scope);
  return {
    platform: 'x',
    postId: ref?.id ?? null,
    permalink: ref ? statusPermalink(ref.handle ?? author.handle, ref.id) : null,
    author,
    text: readText(textEl),
    lang: readLang(textEl),
    postedAt: readTime(one(scope, S.time), ref?.id ?? null),
    media,
    links: mergeLinks(ents.links, readCards(scope, ents.expansions)),
    hashtags: ents.hashtags,
    mentions: ents.mentions,
    poll: readPoll(scope),
    truncated: hasSeeMore(scope),
    mediaMissing: missing,
    unavailable: false,
  };
}

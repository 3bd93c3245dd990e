/**
 * The fields every LinkedIn post body has (author, text, language, media, links, hashtags,
 * mentions), read from one scope: a post root, or the reshared part inside one.
 */
import type { Author, Link, Media, QuotedDraft } from '../../schema';
import type { ExtractContext } from '../types';
import * as S from './selectors';
import { type Ex, ownFirst } from './dom';
import { type PostUrn, permalinkFor, postedAtFromUrn } from './ids';
import { authorAB, authorC, authorGuest } from './author';
import type { CardC } from './layout-c';
import { cardLinks, mergeLinks, previewLinksC, textEntities } from './links';
import { readMedia } from './media';
import type { LinkedInGen } from './roots';
import { readText } from './text';
import { labelTimeC } from './time-label';

/** Where a post body is read: its root, markup family, blocks to skip, and (Gen C) the card layout. */
export interface Scope {
  root: Element;
  gen: LinkedInGen;
  exclude: Ex;
  card?: CardC;
}

/** The fields of a post body. */
export interface Parts {
  author: Author | null;
  textEl: Element | null;
  text: string;
  lang: string | null;
  media: Media[];
  mediaMissing: boolean;
  links: Link[];
  hashtags: string[];
  mentions: string[];
  /** Gen C: the start of the bucket the relative post-time label names (time-label.ts), else null. */
  labelTime: string | null;
}

/**
 * Author and text only: what identifies a post that shows no id (its content key). The same code
 * reads them for `postId` and for `extract`, so both give the same key.
 */
export function readAuthorAndText(scope: Scope, ctx: ExtractContext): Pick<Parts, 'author' | 'textEl' | 'text'> {
  const { root, gen, exclude, card } = scope;
  // A reshared post's text may sit directly in its `feed-original-share-description` link (reported).
  const textEl =
    gen === 'guest'
      ? ownFirst(root, S.guestCommentary, '')
      : ownFirst(root, S.postText, exclude) ?? (gen === 'c' ? ownFirst(root, [S.reshareMarkerC], exclude) : null);
  const author = gen === 'ab' ? authorAB(root, exclude, ctx.url) : gen === 'c' ? authorC(root, exclude, ctx.url, card?.author) : authorGuest(root, ctx);
  return { author, textEl, text: textEl ? readText(textEl) : '' };
}

/** Every shared field of a post body (main post or reshared post). */
export function readParts(scope: Scope, ctx: ExtractContext): Parts {
  const { root, gen, exclude, card } = scope;
  const base = ctx.url;
  const { author, textEl, text } = readAuthorAndText(scope, ctx);
  const lang = textEl?.getAttribute('lang') || textEl?.querySelector('[lang]')?.getAttribute('lang') || null;
  const ents = textEntities(textEl, base);
  if (gen === 'guest') return { author, textEl, text, lang, media: [], mediaMissing: false, labelTime: null, ...ents };
  const { media, mediaMissing } = readMedia(root, exclude, base, card?.isBody);
  const cards = [...cardLinks(root, exclude, base), ...(card ? previewLinksC(root, exclude, base, card.isBody) : [])];
  const labelTime = card ? labelTimeC(root, exclude, ctx.now ?? Date.now()) : null;
  return { author, textEl, text, lang, media, mediaMissing, hashtags: ents.hashtags, mentions: ents.mentions, links: mergeLinks(ents.links, cards), labelTime };
}

/**
 * The fields a draft and a quoted draft share, from a post body's parts and its id. `postedAt` is the
 * id's exact time, else (no id, or one that gives no time) the approximate time of the post's
 * relative label (docs/sites/linkedin.md "Post time"), else null.
 */
export function sharedFields(p: Parts, urn: PostUrn | null) {
  return {
    author: p.author,
    text: p.text,
    lang: p.lang,
    postedAt: postedAtFromUrn(urn) ?? p.labelTime,
    media: p.media,
    links: p.links,
    hashtags: p.hashtags,
    mentions: p.mentions,
    poll: null,
    truncated: false,
    mediaMissing: p.mediaMissing,
  };
}

/** A reshared post's parts as the draft's `quoted`, with its id (null when the page does not show it). */
export function toQuoted(p: Parts, urn: PostUrn | null, unavailable: boolean): QuotedDraft {
  const permalink = urn ? permalinkFor(urn.urn) : null;
  return { platform: 'linkedin', postId: urn?.urn ?? null, permalink, ...sharedFields(p, urn), unavailable };
}

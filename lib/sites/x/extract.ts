/**
 * Reads one X/Twitter post root into a CaptureDraft. Pure DOM in, data out (docs/architecture.md §6.3);
 * what is read and from where: docs/sites/x.md. Every field is read inside the post root, and the main
 * post's fields outside its quote block (docs/sites/README.md §0 rule 2); each field has its own file
 * (author, text, links, media, poll, header, article, quoted), roots and ids theirs (roots, post-id).
 * Quirks cite the fixture in `tests/fixtures/x/` that shows them.
 */
import type { CaptureDraft } from '../../schema';
import { ExtractError, type ExtractContext } from '../types';
import { articleCardLink, readArticle } from './article';
import { readAuthor } from './author';
import { all, one, type Scope } from './dom';
import { statusPermalink } from './ids';
import { mergeLinks, readCards, readEntities } from './links';
import { readMedia } from './media';
import { readPoll } from './poll';
import { readInReplyTo, readRepostedBy } from './header';
import { readStatusRef } from './post-id';
import { readQuoted } from './quoted';
import { findQuoteBlock } from './roots';
import * as S from './selectors';
import { hasSeeMore, readLang, readText, readTime } from './text';

/**
 * Reads one post root into a CaptureDraft (`thread: []`, `threadPartial: false`). `title` is null
 * except for an X Article, whose text is then the article's body or preview ({@link readArticle}).
 * @throws ExtractError `author`/`userName` when no handle can be read; `postId`/`permalink` when no
 *   status id can be found (see {@link readStatusRef}); `text`/`postText` when the post has no text,
 *   media, quote, card or poll (an empty draft is never a success); `text`/`articleBody` when the post
 *   is an X Article whose title and body have not rendered yet (an article is never saved without text).
 */
export function extractPost(postEl: Element, ctx: ExtractContext): CaptureDraft {
  const quote = findQuoteBlock(postEl);
  const main: Scope = { root: postEl, exclude: quote?.el ?? null };
  const author = readAuthor(main);
  if (!author) throw new ExtractError('x', 'author', 'userName');
  const found = readStatusRef(postEl, main, ctx.url);
  if (!found) throw new ExtractError('x', 'postId', 'permalink');
  const { id } = found.ref;
  const handle = found.ref.handle ?? author.handle;

  const textEl = one(main, S.postText);
  const ownText = readText(textEl);
  const article = readArticle(main, !ownText);
  if (article && !article.text) throw new ExtractError('x', 'text', 'articleBody'); // title and body not rendered yet
  const text = article ? article.text : ownText; // a card is read only when the post has no text
  const ents = readEntities(article?.body ?? textEl);
  const { media: shown, missing } = readMedia(main);
  const cover = article?.cover;
  const media = cover && !shown.some((m) => m.url === cover.url) ? [cover, ...shown] : shown;
  const cards = readCards(main, ents.expansions);
  const cardLink = article ? null : articleCardLink(main); // the post's own text, with an article attached
  if (cardLink) cards.push(cardLink);
  const links = mergeLinks(ents.links, cards);
  const poll = readPoll(main);
  const quoted = quote ? readQuoted(quote) : null;
  const quoteMissing = quote !== null && quoted === null;
  if (!text && !media.length && !missing && !quote && !links.length && !poll) {
    throw new ExtractError('x', 'text', 'postText', `x: empty post ${id}: no text, media, quote or card (selector postText)`);
  }
  // The permalink's time for the main post; a bare <time> only when there is no permalink (focal post fallback).
  const timeEl = found.via === 'permalink'
    ? all(main, S.statusLink).find((a) => a.querySelector('time'))!.querySelector(S.time)
    : one(main, S.time);
  return {
    platform: 'x',
    postId: id,
    permalink: statusPermalink(handle, id),
    permalinkMissing: false,
    author,
    text,
    lang: readLang(textEl),
    postedAt: readTime(timeEl, id),
    media,
    links,
    hashtags: ents.hashtags,
    mentions: ents.mentions,
    poll,
    truncated: article ? article.truncated : hasSeeMore(main),
    mediaMissing: missing,
    title: article?.title ?? null,
    quoted,
    quoteMissing,
    repostedBy: readRepostedBy(main),
    inReplyTo: readInReplyTo(main),
    thread: [],
    threadPartial: false,
  };
}

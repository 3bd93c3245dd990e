/**
 * Reading one LinkedIn post root into a CaptureDraft, and finding its action row. Pure DOM in, data
 * out (docs/architecture.md 6.3). Three markup families are read side by side, picked per root
 * (docs/sites/linkedin.md "Three generations"):
 *
 * - `ab`: Gen A/B Ember/artdeco roots `div.feed-shared-update-v2[data-urn]` (all Gen A/B fixtures);
 * - `c`: Gen C SDUI list items with hashed classes and no `data-urn` (the SDUI feed fixture and the
 *   `…sdui…` synthetic ones), laid out by place (`layout-c.ts`, `extract-c.ts`);
 * - `guest`: the logged-out public post page (`…guest-public-post-page…` fixture).
 *
 * Per-field readers: `post-id.ts` (id), `author.ts`, `text.ts`, `links.ts`, `media.ts`, `header.ts`.
 */
import type { CaptureDraft, QuotedDraft } from '../../schema';
import { contentKeyOf } from '../../schema/content-key';
import { ExtractError, type ExtractContext } from '../types';
import * as S from './selectors';
import { ownAll, ownFirst } from './dom';
import { quotedC, scopeC } from './extract-c';
import { repostedByOf } from './header';
import { type PostUrn, permalinkFor, preferActivity, urnFromPostUrl } from './ids';
import { type Scope, readParts, sharedFields, toQuoted } from './parts';
import { postUrnOf, recoveredUrn, urnsFromAttrs, urnsFromLinks } from './post-id';
import { type LinkedInGen, genOf } from './roots';

/**
 * Message of the ExtractError thrown when no id can be recovered on a Gen A/B or guest page. These
 * messages are for developers (console, `npm run extract`; the site and field are on the error):
 * short, since they ship in the content script (content-size bench).
 */
export const NO_ID_MESSAGE = 'no post id shown; open the post';
/** Message of the ExtractError thrown for a Gen C card with neither an id nor any text to key it by. */
export const NO_ID_NO_TEXT_MESSAGE = 'no post id, text or media shown; open the post';

const RESHARED = S.any([...S.resharedAB, ...S.resharedC]);
const COMMENTS = S.any(S.comments);
const RESHARED_OR_COMMENTS = `${RESHARED}, ${COMMENTS}`;

/** The reshared post of a Gen A/B repost (`.update-components-mini-update-v2`), or `missing` when present but unreadable. */
function quotedAB(root: Element, ctx: ExtractContext): { quoted: QuotedDraft | null; missing: boolean } {
  const mini = ownAll(root, S.any(S.miniUpdate), COMMENTS)[0] ?? ownAll(root, S.any(S.resharedC), COMMENTS)[0];
  if (!mini) return { quoted: null, missing: false };
  const gen: LinkedInGen = mini.matches(S.any(S.resharedC)) ? 'c' : 'ab';
  const details = ownFirst(mini, S.miniUpdateDetailsLink, '');
  const urn = preferActivity([urnFromPostUrl(details?.getAttribute('href')), ...urnsFromAttrs(mini), ...urnsFromLinks(mini, COMMENTS)]);
  const unavailable = !!mini.querySelector(S.any(S.miniUpdateUnavailable));
  const p = readParts({ root: mini, gen, exclude: '' }, ctx);
  if (!unavailable && !p.author && !p.text && !urn) return { quoted: null, missing: true };
  return { quoted: toQuoted(p, urn, unavailable), missing: false };
}

/** The reading scope of a root, with its header block (never the author) and its reshared post. */
function scopeOf(postEl: Element, gen: LinkedInGen, ctx: ExtractContext): { scope: Scope; header: Element | null; reshare: ReturnType<typeof quotedAB> } {
  if (gen === 'c') {
    const scope = scopeC(postEl, ctx.url);
    return { scope, header: scope.card.header, reshare: quotedC(scope.card, ctx) };
  }
  if (gen === 'guest') return { scope: { root: postEl, gen, exclude: '' }, header: null, reshare: { quoted: null, missing: false } };
  const header = ownFirst(postEl, S.headerText, RESHARED_OR_COMMENTS);
  return { scope: { root: postEl, gen, exclude: RESHARED_OR_COMMENTS }, header, reshare: quotedAB(postEl, ctx) };
}

/**
 * Reads one post root into a CaptureDraft (contract in lib/sites/types.ts).
 * - Id: {@link postUrnOf}, else `ctx.recoveredId` when it is exactly a post URN; `postedAt` from the id,
 *   else (Gen C) approximated from the relative label at `ctx.now` (docs/sites/linkedin.md "Post time").
 * - A Gen C card with neither (docs/sites/linkedin.md "Posts without an id") is saved by its content:
 *   `postId` = `contentKeyOf({author, text})`, `permalink: null`, `permalinkMissing: true`.
 * - `author` is the original poster; a "X reposted this" header goes to `repostedBy`; other headers
 *   ("commented on this", "likes this", "Suggested") are ignored (2024-09 fixture, SDUI feed fixture).
 * - `text` is the full text (the "…more" rest is in the DOM, never clicked); `truncated` is false.
 * - `quoted` is the reshared post as its own draft (Gen A/B mini update, Gen C reshared part).
 * @throws ExtractError `postId`: no id on a Gen A/B or guest page ({@link NO_ID_MESSAGE}), or an
 *   id-less Gen C card without text or media ({@link NO_ID_NO_TEXT_MESSAGE}); `author` when no author is
 *   found; `text` when the post shows neither text, media, links nor a reshared post.
 */
export function extractPost(postEl: Element, ctx: ExtractContext): CaptureDraft {
  const gen = genOf(postEl);
  const urn: PostUrn | null = postUrnOf(postEl, ctx) ?? recoveredUrn(ctx);
  if (!urn && gen !== 'c') throw new ExtractError('linkedin', 'postId', gen === 'ab' ? 'postRootAB' : 'guestRoot', NO_ID_MESSAGE);
  const { scope, header, reshare } = scopeOf(postEl, gen, ctx);
  const p = readParts(scope, ctx);
  if (!p.author) {
    throw new ExtractError('linkedin', 'author', gen === 'ab' ? 'actorMetaLink' : gen === 'c' ? 'authorLabelButton' : 'guestActorName');
  }
  if (!urn && !p.text && p.media.length === 0) throw new ExtractError('linkedin', 'postId', 'commentToolsKey', NO_ID_NO_TEXT_MESSAGE);
  const { quoted, missing } = reshare;
  if (!p.text && p.media.length === 0 && p.links.length === 0 && !quoted && !missing) {
    throw new ExtractError('linkedin', 'text', 'postText', 'no text, media or links shown; open the post');
  }
  return {
    platform: 'linkedin',
    postId: urn ? urn.urn : contentKeyOf({ author: p.author, text: p.text, media: p.media }),
    permalink: urn ? permalinkFor(urn.urn) : null,
    permalinkMissing: !urn,
    ...sharedFields(p, urn),
    title: null,
    quoted,
    quoteMissing: missing,
    repostedBy: repostedByOf(header, ctx.url),
    inReplyTo: null,
    thread: [],
    threadPartial: false,
  };
}

/**
 * The post's own social action row (Like / Comment / Repost / Send) where the Save control goes,
 * or null (guest page; no row rendered yet). Gen A/B: `.feed-shared-social-action-bar` outside the
 * reshared post and comments (2024-09, 2025-08 fixtures). Gen C: the nearest common ancestor of the
 * post's own action buttons, found by icon (SDUI feed fixture) or ARIA (synthetic fixtures).
 */
export function findActionRow(postEl: Element): Element | null {
  const bar = ownFirst(postEl, S.actionBar, RESHARED_OR_COMMENTS);
  if (bar) return bar;
  const buttons = [...new Set(S.actionButtonsC.map((s) => ownAll(postEl, s, RESHARED_OR_COMMENTS)[0]).filter((b): b is Element => !!b))];
  if (buttons.length === 0) return null;
  if (buttons.length === 1) return buttons[0]!.parentElement;
  let row: Element | null = buttons[0]!.parentElement;
  while (row && row !== postEl && !buttons.every((b) => row!.contains(b))) row = row.parentElement;
  return row ?? postEl;
}

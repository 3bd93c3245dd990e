/**
 * Named selectors of X's post DOM, by role (docs/architecture.md §6.3, §6.7; docs/sites/x.md §1.1). Never generated classes
 * (`css-175oi2r`, `r-…`): only `data-testid`, ARIA roles and URL shapes (docs/sites/README.md §0 rule 1).
 * Arrays hold variants, one comment each (era / page type), evidence in the named fixture.
 * Text patterns are English; X localises them (docs/sites/README.md §4, localisation) — structure is tried first.
 */

/** Joins selector variants into one selector list. */
export function anyOf(variants: readonly string[]): string {
  return variants.join(', ');
}

/** One post (tweet) root; quoted posts are not articles. Verified in all 16 raw fixtures. */
export const postRoot = 'article[data-testid="tweet"]';

/**
 * The read view of an X Article (long-form post). Seen in a real 2026-03 capture as the root of an
 * article's own page (`article[role=article][tabindex=-1]`, no `tweet` root around it:
 * x-2026-11_article-page_read-view-standalone_itemprop-author__synthetic); reported nested inside the
 * focal `tweet` root on a status page (x-2026-11_status-page_article-read-view_headings-lists-link__synthetic).
 * A post root only when no `tweet` root holds it (docs/sites/x.md "Articles").
 */
export const articleReadView = 'article[data-testid="twitterArticleReadView"]';
/** The testid of {@link articleReadView}, for walks that compare attributes instead of matching selectors. */
export const articleReadViewTestId = 'twitterArticleReadView';

/** An article read view's byline (seen 2026-03): schema.org metas `name` (display name) and `additionalName` (handle); it has no User-Name. */
export const articleByline = '[itemprop="author"]';

/** An article's title in its read view (seen 2026-03: `div[dir=auto]` > span). */
export const articleTitle = '[data-testid="twitter-article-title"]';

/** An article's body, best first (seen 2026-03: the rich-text view wraps the Draft.js editor). */
export const articleBody: readonly string[] = [
  '[data-testid="twitterArticleRichTextView"]',
  // The Draft.js editor itself (`webDriverTestID` in X's bundle); also used for image captions inside the body.
  '[data-testid="longformRichTextComponent"]',
];

/** One Draft.js block of an article body: paragraph, heading, list item, blockquote or atomic `section`. */
export const articleBlock = '[data-block="true"]';

/** The cover image of an article's timeline preview card (reported; its next sibling holds title + preview lines). */
export const articleCover = '[data-testid="article-cover-image"]';

/** A link to an X Article (`/<handle>/article/<id>`, `/i/article/<id>`): the preview card's target; {@link articleHref} checks the href. */
export const articleLink = 'a[href*="/article/"]';
/** The href of a link to an X Article, relative or on x.com/twitter.com. */
export const articleHref = /^(?:https:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com)?\/(?:i|[A-Za-z0-9_]{1,50})\/article\/\d+\/?(?:[?#]|$)/;

/** The "Article" badge of a preview card (English UI; reported as `[aria-label="Article"]`). */
export const articleBadgeText = /^article$/i;

/** The virtualised timeline cell around a post root (docs/sites/x.md §1.3: recycled by React). */
export const timelineCell = 'div[data-testid="cellInnerDiv"]';

/** Display name + handle (+ time in timelines). The first one outside the quote block is the author's. */
export const userName = '[data-testid="User-Name"]';

/** Avatar of the author (`Tweet-User-Avatar`); its container's testid suffix is the handle. */
export const avatar = '[data-testid="Tweet-User-Avatar"]';
/** Avatar container whose testid is `UserAvatar-Container-<handle>`: handle fallback. */
export const avatarContainer = '[data-testid^="UserAvatar-Container-"]';
/** Prefix of that testid; the rest is the handle (x-2025-10_timeline_quote_quoted-has-image__tweetyoink: `UserAvatar-Container-OriginalAuthor`). */
export const avatarContainerPrefix = 'UserAvatar-Container-';

/** Post text (carries `lang`); the first one outside the quote block is the post's own. */
export const postText = '[data-testid="tweetText"]';

/** "Show more": present ⇒ the timeline shows only part of a long post (docs/sites/x.md §1.1). */
export const seeMoreButton: readonly string[] = [
  // 2023-10: `span[role=link]` inside tweetText (x-2023-10_timeline_reposted-by-you_show-more_…).
  // TODO [2027-06-01]: drop the span variant when no fixture older than 2024 remains.
  'span[data-testid="tweet-text-show-more-link"]',
  // 2023-12 → 2024: `div` after tweetText (x-2023-12_timeline_quote_show-more_…, x-2024-06_…).
  'div[data-testid="tweet-text-show-more-link"]',
  // 2025: reported as `button`; any other tag with the same testid is caught here too.
  '[data-testid="tweet-text-show-more-link"]',
  // Reported by other projects' probes (not in a fixture).
  '[data-testid="tweet-text-show-more-button"]',
];

/** `<time datetime>` (ISO UTC). Inside the permalink for the main post; bare inside a quote. */
export const time = 'time[datetime]';

/** Any link to a status; the one wrapping `<time>` is the permalink (docs/sites/x.md §1.1). */
export const statusLink = 'a[href*="/status/"]';

/** `/<h>/status/<id>/analytics` in the action row: id fallback, timelines only (absent on a focal post). */
export const analyticsLink = 'a[href$="/analytics"]';

/** `/<h>/status/<id>/photo/<n>` and `/video/<n>`: the only place a quoted post's id shows (x-2025-10_timeline_quote_quoted-has-image__tweetyoink). */
export const mediaStatusLink: readonly string[] = ['a[href*="/photo/"]', 'a[href*="/video/"]'];

/** The 1-based slot number in a `/photo/<n>` or `/video/<n>` href: media order (x-2026-11_timeline_photo-grid-2x2_dom-order-1-3-2-4_gap__synthetic). */
export const mediaIndex = /\/status\/\d+\/(?:photo|video)\/(\d+)(?:[/?#]|$)/;

/** One attached photo, video preview or GIF preview. */
export const photo = '[data-testid="tweetPhoto"]';
/** Playing video (2025: inside tweetPhoto; `video[src]` is `blob:`, keep `poster`). */
export const videoPlayer = '[data-testid="videoPlayer"]';

/** A link card, one per carousel slide; also wraps polls. */
export const cardWrapper = '[data-testid="card.wrapper"]';
/** Text block of a card: domain, title, description. */
export const cardDetail: readonly string[] = [
  // Large card with text under the image (x-2024-01_timeline_brand_link-card-carousel_6-images).
  '[data-testid="card.layoutLarge.detail"]',
  // Small card, text beside the image (x-2024-01_timeline_link-card-small_tco).
  '[data-testid="card.layoutSmall.detail"]',
];
/** Image part of a card. 2025 large cards put the title over it (x-2025-10_status-page-focal_link-card__tweetyoink). */
export const cardMedia: readonly string[] = ['[data-testid="card.layoutLarge.media"]', '[data-testid="card.layoutSmall.media"]'];

/** A poll inside card.wrapper (x-2023-11_timeline_poll_finished). */
export const poll = '[data-testid="cardPoll"]';

/**
 * The quote block: a focusable `div[role=link]` that contains its own User-Name. Filter by that,
 * because the affiliation badge next to a display name is also a `div[role=link][tabindex=0]`
 * (x-2023-12_timeline_quote_show-more_quoted-reply-with-gif_emoji-img).
 */
export const quoteBlock = 'div[role="link"][tabindex="0"]';

/** Wrapper of attachments/quote (`div[aria-labelledby]`); used to bound an unavailable-quote tombstone. */
export const attachmentWrapper = 'div[aria-labelledby]';

/** "You reposted" / "<name> reposted" header; the reposter's link wraps it (x-2023-12_timeline_reposted-by-you_socialContext_video). */
export const socialContext = '[data-testid="socialContext"]';

/** The post's action bar ("48 replies, 152 reposts, …"). Carousels are also `role=group`, with a roledescription. */
export const actionRow = 'div[role="group"]:not([aria-roledescription])';

/** Hashtag link `/hashtag/<tag>?src=hashtag_click`. */
export const hashtagLink = 'a[href^="/hashtag/"]';
/** Cashtag link `/search?q=%24TSLA`: not a hashtag, not a URL — kept as text only. */
export const cashtagLink = 'a[href^="/search?q=%24"]';

/** Conversation timeline of a status page (docs/sites/x.md §1.1 "Replies and threads"). */
export const conversation: readonly string[] = [
  // aria-label "Timeline: Conversation" (English UI).
  'div[aria-label^="Timeline: Conversation"]',
  // Section wrapping the primary column's timeline.
  'section[role="region"]',
];

/** Controls that load more of a conversation: "Show replies", "Show more replies", "Show additional replies", "Show". */
export const showRepliesText = /^(show( more| additional)? repl(y|ies)|show( more)?|show this thread)$/i;

/** "Replying to @x" header (x-2023-12_timeline_quote_show-more_quoted-reply-with-gif_emoji-img, in the quote). */
export const replyingToText = /^Replying to\b/;

/** X's tombstones for a quoted post that is gone (modelled; see x-2026-11_timeline_quote_quoted-unavailable__synthetic). */
export const unavailableText = /^(This (post|Tweet) is unavailable|This (post|Tweet) was deleted|This (post|Tweet) is from an account that no longer exists|This (post|Tweet) is from a suspended account|You'?re unable to view this (post|Tweet))\b/i;

/** Reposted header text: "You reposted", "Ana reposted", legacy "Retweeted". */
export const repostedText = /\s*(reposted|retweeted)$/i;

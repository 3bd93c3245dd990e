/**
 * Viva Engage / Yammer selectors, named by role (docs/architecture.md 6.3, 6.7).
 * Source of every handle: docs/sites/yammer.md (no real capture exists; the
 * fixtures in tests/fixtures/yammer are modelled from it). Never key on generated classes:
 * Fluent v7 `name-NNN` and Fluent v9 `fui-*` / atomic classes change per build (docs/sites/README.md §0 rule 1).
 */

/** Content region (STRUCTURE.md §3: ARIA landmark, primary API). `.qaContentMainColumn` is the layout fallback. */
export const mainRegion = ['[role="main"]', '.qaContentMainColumn'] as const;

/** A post's or comment's action row: exactly one per visible post (STRUCTURE.md §3, Threadcalm DOM-NOTES). */
export const actionRow = '[data-testid="overflow-set"]';

/**
 * Post containers, climbed to from an action row; the nearest one wins. Each variant:
 * - `[role="article"]`, `article`: semantic containers, present in some Engage layouts only (§3);
 * - `.qaThreadStarter`: the thread-starter post (Engage and new Yammer, §3 and §4);
 * - `.y-fixedGridColumn`: a nested comment/reply, nested inside its parent (§3).
 * A candidate counts as a post only if it contains an action row (the class names are layout artefacts).
 */
export const postRoot = ['[role="article"]', 'article', '.qaThreadStarter', '.y-fixedGridColumn'] as const;

/** The thread starter (exactly one on a thread page, one per thread in a feed). */
export const threadStarter = '.qaThreadStarter';

/** A nested reply container. */
export const replyContainer = '.y-fixedGridColumn';

/**
 * Body text wrapper, in preference order. The post's own `<p>` block is the structural fallback,
 * implemented in extract.ts (`findBody`).
 * - `contentStateBodyTextWrapper-NNN` (Engage, Threadcalm tests): prefix only, the suffix is a
 *   per-build counter (STRUCTURE.md §3 "match prefix only if at all").
 *   TODO [2027-06-01]: drop if a live check shows the class is gone.
 */
export const postText = ['[class*="contentStateBodyTextWrapper"]'] as const;

/**
 * Link-styled inline buttons: "See more" inside a body, translation toggle between body and action
 * row (STRUCTURE.md §3 `button > span.y-fakeLink`). New Yammer used a plain `<button>` "see more" (§4).
 */
export const fakeLinkButton = 'button:has(> span.y-fakeLink)';

/** Labels of inline controls whose text must never end up in a body (matched on the whole line). */
export const controlLabels = /^(?:see more|show more|see less|show less|show translation|see translation|show original|translate)$/i;

/** Body truncation control labels (docs/sites/README.md §4: Engage "See more" = treat as truncated). */
export const seeMoreLabel = /^(?:see more|show more|…\s*see more)$/i;

/** Author/profile link: `/main/users/<b64 {"_type":"User"}>` (STRUCTURE.md §2). */
export const userLink = 'a[href*="/users/"]';

/** Hashtag (topic) link: `/main/topics/<b64 {"_type":"Topic"}>`, or any link whose text starts with `#`. */
export const topicLink = 'a[href*="/topics/"]';

/** Anchors that can carry a post id (STRUCTURE.md §2, Threadcalm "Permalinks"). */
export const permalink = 'a[href*="/threads/"], a[href*="threadId="], a[href*="/messages/"], a[href*="messageId="], a[href*="/Threads/"]';

/** Timestamp, in preference order: `<time datetime>`, then an element whose `title` parses as a date (STRUCTURE.md §3). */
export const timestamp = ['time[datetime]', '[title]'] as const;

/**
 * Action-button accessible names, matched by prefix and suffix only (the middle is a person's name):
 * `Like - <name>'s post`, `Comment - <name>'s post`, `Share - <name>'s post`, `Reply - <name>'s comment`.
 */
export const actionButtonName = /^(?:Like|Comment|Share|Reply|React)\s+-\s+(.+?)[’']s\s+(?:post|comment|reply|message)$/i;

/** Reply-arrow SVG path signature of the reply counter button (STRUCTURE.md §3; locale-independent). */
export const replyGlyphPath = 'M7.35 3.65c.2.2';

/**
 * Reply pagination labels: "Show 3 previous comments", "See 2 more replies", "View older replies".
 * A bare "Show more" is NOT reply pagination (STRUCTURE.md §3).
 */
export const replyPagination =
  /^(?:show|see|view|load)\s+(?:\d+\s+)?(?:more|previous|older|earlier)\s+(?:\d+\s+)?(?:comments?|repl(?:y|ies)|responses?)\b/i;

/**
 * What the anonymiser keeps (docs/reporting-a-page.md): the words of the sites' own UI labels that
 * the adapters match on, the label templates whose fixed part is UI and whose middle is a person,
 * the structural words of URL paths and ids, and which attributes are structure (kept verbatim),
 * labels (text rules), addresses (URL rules) or id references. Pure data.
 */

/**
 * Whole texts and labels of the sites' UI that are kept as they are (compared in lower case, white
 * space collapsed). Only whole strings: a post that happens to be made of the same words is still
 * replaced. Sources: lib/sites/<site>/selectors.ts (aria-labels the adapters match, "Show more",
 * "Replying to", control and pagination labels, tombstones) and the fixtures' action rows.
 */
export const KEPT_LABELS: ReadonlySet<string> = new Set(
  [
    'Feed post', 'Like', 'Liked', 'Comment', 'Repost', 'Send', 'Share', 'Reply', 'Quote', 'Follow', 'Following', 'More',
    '…more', '… more', '...more', 'See more', 'Show more', 'See less', 'Show less', 'Show translation', 'See translation',
    'Show original', 'Translate', 'Translate post', 'Show replies', 'Show more replies', 'Show additional replies', 'Show',
    'Show this thread', 'You reposted', 'Retweeted', 'Replying to', 'Learn more', 'Timeline: Conversation',
    'Timeline: Your Home Timeline', 'Image', 'Embedded video', 'Video', 'GIF', 'Verified account', 'Promoted', 'Ad',
    'Sponsored', 'Edited', 'Pinned', 'Control Menu Options', 'More actions', 'Send in a private message', 'React',
    'Reactions', 'Comments', 'Reposts', 'Views', 'Bookmark', 'Post', 'Posts', 'Play', 'Pause', 'Mute', 'Unmute',
    'Image preview', 'Profile picture', 'Open control menu', 'Quote', 'Copy link', 'Hide', 'Seen', 'New',
    // Page-level names that tell which page a sample came from (its <title>, the feed landmark; seen in a trial sample).
    'Feed | LinkedIn', 'LinkedIn', 'Main Feed', 'Home / X', 'Home', 'X', 'Viva Engage', 'Conversation',
    // LinkedIn pt-BR (linkedin/labels.ts PT_BR and the pt-BR fixture's buttons).
    'Publicação no feed', 'Abrir menu de reações', 'Baixar', 'Comentar', 'Compartilhar', 'Enviar', 'Gostei',
  ].map((l) => normLabel(l)),
);

/** Kept labels with numbers or a state in them (digits are still replaced). */
const KEPT_PATTERNS: readonly RegExp[] = [
  // Counts: X action row labels "48 replies, 152 reposts, 1234 likes, 10 bookmarks, 22493 views", "7 replies".
  /^[\d.,]+[KkMm]?\s+(?:repl(?:y|ies)|reposts?|likes?|bookmarks?|views?|comments?|reactions?|shares?|quotes?)(?:,\s*[\d.,]+[KkMm]?\s+(?:repl(?:y|ies)|reposts?|likes?|bookmarks?|views?|comments?|reactions?|shares?|quotes?))*\.?$/i,
  // Viva Engage reply pagination (yammer/selectors.ts replyPagination): "Show 3 previous comments".
  /^(?:show|see|view|load)\s+(?:\d+\s+)?(?:more|previous|older|earlier)\s+(?:\d+\s+)?(?:comments?|repl(?:y|ies)|responses?)$/i,
  // LinkedIn Gen C reaction button (selectors.ts actionButtonsC), English and pt-BR.
  /^(?:Reaction button state|Estado do botão de reação): [\p{L} ]+$/iu,
  // LinkedIn visibility icon next to the post time (linkedin/labels.ts visibility): "Visibility: Anyone".
  /^(?:Visibility|Visibilidade): [\p{L} ]+$/iu,
  // X tombstones of a quoted post (x/selectors.ts unavailableText).
  /^(?:This (?:post|Tweet) (?:is unavailable|was deleted|is from an account that no longer exists|is from a suspended account)|You'?re unable to view this (?:post|Tweet))\.?$/i,
];

/** A label in its compared form: lower case, white space collapsed. */
function normLabel(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** True when `s` (a whole text or label) is one of the sites' UI labels ({@link KEPT_LABELS}, or a count, pagination or state label). */
export function isKeptLabel(s: string): boolean {
  return KEPT_LABELS.has(normLabel(s)) || KEPT_PATTERNS.some((re) => re.test(s.trim()));
}

/** Month and day names: dates in titles stay readable (see {@link looksLikeDate}). */
const DATE_WORDS: ReadonlySet<string> = new Set(
  `january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun at am pm`.trim().split(/\s+/),
);

/**
 * Words (lower case) that a sample may show although the original had them: the words of kept
 * labels, of the fixed parts of {@link LABEL_TEMPLATES}, and of dates. No placeholder word is one
 * of them; tests leave them out when they look for left-over originals.
 */
export const UI_WORDS: ReadonlySet<string> = new Set([
  ...[...KEPT_LABELS].flatMap((l) => l.split(/[^\p{L}]+/u)).filter(Boolean),
  ...DATE_WORDS,
  ...`open control menu for post by view profile photo picture graphic follow like comment share reply react post
  message s commented on likes loves celebrates supports finds reposted replied to follows this retweeted replying
  timeline reaction button state no show see load more previous older earlier comments replies responses response
  reposts bookmarks views quotes shares reactions tweet is unavailable was deleted from an account that no longer
  exists a suspended you re unable https http www hide company abrir menu de controle da publicação ocultar
  ver perfil empresa seguir estado botão reação sem visibility visibilidade`.trim().split(/\s+/),
]);

/**
 * Labels with a fixed UI part and a person (or other content) in the middle. Each template's
 * groups cover the whole string, in order; the groups listed in `names` are content and are
 * replaced (the same name gets the same placeholder as the same text elsewhere), the others kept.
 */
export interface LabelTemplate {
  readonly re: RegExp;
  /** 1-based indexes of the groups that are content. */
  readonly names: readonly number[];
}

export const LABEL_TEMPLATES: readonly LabelTemplate[] = [
  // LinkedIn, all generations: the post menu and (Gen C) the hide button name the author
  // (linkedin/labels.ts LABEL_PACKS controlMenu, hidePost: English and pt-BR).
  { re: /^(Open control menu for post by |Abrir menu de controle da publicação de )(.+)$/, names: [2] },
  { re: /^(Hide post by |Ocultar publicação de )(.+)$/, names: [2] },
  { re: /^(Ver perfil de |Ver empresa: |View company: |Seguir )(.+)$/, names: [2] },
  // LinkedIn actor avatar and link labels.
  { re: /^(View )(.+?)([’']s? profile)$/, names: [2] },
  { re: /^(View: )(.+)$/, names: [2] },
  { re: /^(.+?)([’']s? profile (?:photo|picture))$/, names: [1] },
  { re: /^(.+?)(, graphic\.?)$/, names: [1] },
  { re: /^(Follow )(.+)$/, names: [2] },
  // Viva Engage action buttons (selectors.ts actionButtonName): "Like - Ana Lima's post".
  { re: /^((?:Like|Comment|Share|Reply|React)\s+-\s+)(.+?)([’']s\s+(?:post|comment|reply|message))$/i, names: [2] },
  // LinkedIn header lines and X social context: "<name> reposted this", "<name> reposted".
  { re: /^(.+?)( (?:commented on|likes|loves|celebrates|supports|finds|reposted|replied to|follows) this.*)$/, names: [1] },
  { re: /^(.+?)( (?:reposted|retweeted))$/i, names: [1] },
  // X: "Replying to @x", the conversation timeline label.
  { re: /^(Replying to )(.+)$/, names: [2] },
  { re: /^(Timeline: )(.+)$/, names: [2] },
];

/** Month names, for {@link looksLikeDate}. */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';

/**
 * True for a date as sites print it in titles ("Tuesday, March 3, 2026 at 10:15 AM", ISO 8601):
 * Viva Engage reads a post's time from such a `title` (selectors.ts `timestamp`), so it is kept.
 */
export function looksLikeDate(s: string): boolean {
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) return true;
  return new RegExp(`\\b${MONTH}\\b`, 'i').test(t) && /\b(?:19|20)\d{2}\b/.test(t) && t.length <= 80 &&
    t.split(/[^\p{L}]+/u).filter(Boolean).every((w) => DATE_WORDS.has(w.toLowerCase()));
}

/**
 * Structural words of URL paths, ids and keys: kept wherever they occur as a whole token. Names of
 * people never go here. Case-sensitive (`Threads` is classic Yammer's).
 */
export const STRUCTURAL_WORDS: ReadonlySet<string> = new Set(
  `
  home status statuses photo video analytics hashtag search i web lists communities explore
  notifications messages with_replies media likes highlights articles quotes retweets history
  settings profile_images ext_tw_video_thumb amplify_video_thumb tweet_video_thumb tweet_video pu img
  vid emoji v1 v2 svg card_img semantic_core_img ad_img news_img intent user tweet compose
  in company school showcase feed update posts pulse recent-activity all shares comments reactions
  dms image sync redir redirect mynetwork jobs groups events newsletters learning aero-v1 sc h
  safety go embed detail activity urn li fsd_profile fsd_company fsd_update profile ugcPost share
  comment member organization group hashtag
  preload main threads users topics org new storyline Threads show conversations inbox about files
  network api uploaded_files preview avatar mugshot images Thread User Group Topic Message Network
  Feed feed-commentary replaceableComment expanded FeedType MAIN FEED RELEVANCE update-card-focus
  container update list lazy mainFeed id ember artdeco gen hoverable overflow ios small large
  medium orig thumb format name jpg jpeg png gif webp svg mp4 m3u8 html aspx php
  fsd ext tw amplify semantic core card ad news with replies images uploaded recent shrink
  displayphoto framedphoto feedshare articleshare videocover high low logo scale crop dms image
  results content
  `.trim().split(/\s+/),
);

/**
 * Substrings protected inside longer tokens (LinkedIn componentkeys glue them to base64:
 * `expanded<b64>FeedType_MAIN_FEED`, `<b64>-replaceableCommentTools<token>FeedType_…`,
 * lib/sites/linkedin/ids.ts normaliseComponentKey, splitCommentToolsKey).
 */
export const PROTECTED_MARKERS: readonly string[] = ['update-card-focus', 'replaceableCommentTools', 'replaceableComment_', 'feed-commentary', 'FeedType_', 'expanded', 'urn:li:'];

/** Attributes that are structure, kept as they are. `data-testid` has one exception (see anonymise.ts). */
export const VERBATIM_ATTRS: ReadonlySet<string> = new Set(
  `
  class role dir lang tabindex type width height viewbox d fill stroke stroke-width stroke-linecap
  stroke-linejoin xmlns xmlns:xlink aria-hidden aria-expanded aria-haspopup aria-live aria-atomic
  aria-pressed aria-checked aria-selected aria-disabled aria-busy aria-level aria-modal
  aria-orientation aria-posinset aria-setsize aria-current aria-multiline aria-readonly
  aria-required aria-invalid aria-sort aria-relevant aria-roledescription draggable contenteditable
  spellcheck translate autocomplete loading decoding fetchpriority datetime rel target preload muted
  autoplay playsinline controls loop focusable x y x1 x2 y1 y2 cx cy r rx ry offset stop-color
  stop-opacity gradientunits gradienttransform clip-rule fill-rule clip-path transform points
  opacity display version preserveaspectratio data-testid data-test-id data-view-name
  data-component-type data-test-icon data-supported-dps data-rtl data-text data-block data-contents
  data-tracking-control-name data-tracking-will-navigate data-test-app-aware-link
  data-finite-scroll-hotkey data-finite-scroll-hotkey-item data-test-reactions-icon-type
  data-test-reactions-icon-theme data-test-reactions-icon-style data-test-reactions-icon-size
  itemprop itemscope itemtype property charset size hidden disabled checked selected colspan
  rowspan scope span start reversed method enctype accept crossorigin referrerpolicy media sizes
  `.trim().split(/\s+/),
);

/** Attributes holding words a person can read: anonymised with the text rules. */
export const LABEL_ATTRS: ReadonlySet<string> = new Set(
  'aria-label title alt placeholder aria-description aria-valuetext aria-placeholder label summary content value'.split(' '),
);

/** Attributes holding one address. */
export const URL_ATTRS: ReadonlySet<string> = new Set(
  'href src poster action formaction cite background data codebase longdesc xlink:href data-src data-delayed-url data-li-src data-ghost-url data-original data-lazy data-href data-url data-image-url'.split(' '),
);

/** Attributes holding a list of addresses with descriptors (`url 2x, url 800w`). */
export const SRCSET_ATTRS: ReadonlySet<string> = new Set(['srcset', 'imagesrcset', 'data-srcset', 'data-delayed-srcset']);

/** Attributes holding space-separated element ids: the same id gets the same placeholder everywhere. */
export const IDREF_ATTRS: ReadonlySet<string> = new Set(
  'id for aria-labelledby aria-describedby aria-controls aria-owns aria-activedescendant aria-details aria-errormessage aria-flowto headers list form usemap anchor popovertarget commandfor'.split(' '),
);

/** Attributes removed: code, and documents inside attributes. (`on*` handlers are removed too.) */
export const DROPPED_ATTRS: ReadonlySet<string> = new Set(['srcdoc', 'nonce', 'integrity', 'ping']);

/** Elements removed with their contents: code, and Satchel's own hosts (Save controls, the report UI). */
export const DROPPED_ELEMENTS: ReadonlySet<string> = new Set(['script', 'satchel-save', 'satchel-report']);

/** Query parameters whose values are presentation, not content (X image `format`/`name`, hashtag `src`). */
export const SAFE_QUERY_PARAMS: ReadonlySet<string> = new Set(['format', 'name', 'src', 'ref_src', 'v', 'lang', 'f', 'vertical', 'mode', 'sort', 'tab', 'view', 'origin', 'trk', 'size']);

/**
 * Hosts kept in addresses (with their subdomains when those are in {@link SAFE_SUBDOMAIN}); any
 * other host is content (a link card's site) and becomes `site-<a>.example`.
 */
export const KNOWN_HOSTS: readonly string[] = [
  'x.com', 'twitter.com', 't.co', 'twimg.com', 'linkedin.com', 'licdn.com', 'lnkd.in', 'yammer.com',
  'assets-yammer.com', 'engage.cloud.microsoft', 'cloud.microsoft', 'microsoft.com', 'office.net',
  'office.com', 'sharepoint.com', 'microsoftonline.com', 'w3.org', 'schema.org', 'example.com', 'example.org', 'example',
];

/** Subdomains of {@link KNOWN_HOSTS} that name a service, not a tenant or a person. */
export const SAFE_SUBDOMAIN = /^(?:www|mobile|m|media|pbs|video|abs|abs-0|static|static-exp\d|dms|web|api|help|support|about|business|learn|platform|cdn|res|ton|pic|mugshot\d*|[a-z]{2})$/;

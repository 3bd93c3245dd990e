/**
 * Capture health for LinkedIn (issue 9 part 3): which markup generation a post root is rendered in
 * ({@link layoutOf}), and which elements of a page look like posts whatever Satchel's post finder
 * says ({@link postLike}). Both are asked rarely (a draft read, the popup's `health/get`), never while
 * scanning. The generations: docs/sites/linkedin.md "Three generations".
 */
import * as S from './selectors';
import { normaliseComponentKey } from './ids';
import { LABEL_PACKS } from './labels';
import { genOf } from './roots';

const TRACKING = '[data-view-tracking-scope]';
/** A post's own reaction button, one per post (comments show text buttons): Gen C icon or label, Gen A/B class. */
const REACT = 'button:has(svg[id^="thumbs-up"]), button[aria-label^="Reaction button state"], button.react-button__trigger';
/** A member or company profile link: every post shows its author's; a course or job card shows none. */
const PROFILE = 'a[href*="/in/"], a[href*="/company/"]';
/** An SDUI post render's key (`<token>FeedType_…`, with `expanded` / `update-card-focus` variants). */
const KEYED = '[componentkey*="FeedType_"]';

/**
 * The generation `postEl` (a post root) is rendered in: `a` Ember (`feed-shared-update-v2`), `b`
 * hybrid (that root, or a `feed-full-update` wrapper as the root, in or around a tracking scope),
 * `c` SDUI (a list item with a `componentkey`), `guest` the logged-out post page; null when it is
 * none of them (LinkedIn changed its markup). Pure; reuses roots.ts `genOf` (content-script size).
 */
export function layoutOf(postEl: Element): string | null {
  const g = genOf(postEl);
  if (g === 'ab') return postEl.closest(TRACKING) || postEl.querySelector(TRACKING) ? 'b' : 'a';
  if (g === 'c') return postEl.hasAttribute('componentkey') ? g : null;
  return postEl.querySelector(S.any(S.guestCommentary)) ? g : null;
}

/**
 * The largest ancestor of each `sel` match in `doc` (below `<body>`) that holds no other match (a
 * card). One pass counts the matches under every ancestor, so a long feed costs O(matches × depth).
 */
function cardsOf(doc: Document, sel: string): Element[] {
  const hits = [...doc.querySelectorAll(sel)];
  const under = new Map<Element, number>();
  for (const b of hits) for (let p = b.parentElement; p && p !== doc.body; p = p.parentElement) under.set(p, (under.get(p) ?? 0) + 1);
  return hits.map((b) => {
    let card = b;
    for (let p = b.parentElement; p && under.get(p) === 1; p = p.parentElement) card = p;
    return card;
  });
}

/**
 * Elements of `doc` that look like posts, each once: around each post's own reaction button, and
 * around each post's "…" menu (an activity page fixture shows no action row), the largest ancestor
 * that holds no other one (a card), when it shows a profile link (a LinkedIn Learning course card
 * does not: SDUI feed fixture, eighth item). The renders of one SDUI post (same normalised
 * `componentkey`, `…renders-2-3-times…` fixture) count once, as the first with a reaction button,
 * which is the one roots.ts keeps. Independent of the list items and markers the post finder needs
 * (roots.ts), so it still finds posts when those change. The guest page shows neither signal.
 */
export function postLike(doc: Document): Element[] {
  // A post's "…" menu, in every language of labels.ts (one per post; comments have their own label).
  // Built here, not at module level, so that the content script (which has layoutOf only) drops it.
  const menu = LABEL_PACKS.map((p) => `button[aria-label^="${p.controlMenu}"]`).join(', ');
  const keys = new Set<string>();
  const out: Element[] = [];
  for (const card of [...cardsOf(doc, REACT), ...cardsOf(doc, menu)]) {
    const k = (card.closest(KEYED) ?? card.querySelector(KEYED))?.getAttribute('componentkey');
    const key = k && normaliseComponentKey(k);
    if ((key && keys.has(key)) || out.some((o) => o.contains(card) || card.contains(o)) || !card.querySelector(PROFILE)) continue;
    if (key) keys.add(key);
    out.push(card);
  }
  return out;
}

/**
 * Where things are in a Gen C (SDUI) card, found by place rather than by class (the classes are
 * hashed): the author block, the header above it, the reshared part and the body below it
 * (docs/sites/linkedin.md "SDUI card layout"). Real structure (SDUI feed fixture), top to bottom:
 * `<h2>Feed post</h2>`, an optional header ("X likes this", "Suggested", a facepile) with the "…"
 * and hide buttons, an `<hr>`, the author block (avatar link, name link, headline, time `<p>`,
 * Follow), the text, media, counts, an `<hr>`, the action row; the comment bar sits after the card.
 */
import * as S from './selectors';
import { type Ex, follows, ownAll, withEx } from './dom';
import { type AuthorLinksC, authorLinksC } from './author';
import { headerByTextC } from './header';

const COMMENTS = S.any(S.comments);

/** A Gen C card's parts. */
export interface CardC {
  /** The card's author links, or null when no profile link holds a name. */
  author: AuthorLinksC | null;
  /** Smallest element holding the author's name link and avatar link. */
  authorBlock: Element | null;
  /** Header context block above the author block (never the author). */
  header: Element | null;
  /** The reshared post of a reshare with commentary (its content goes to `quoted`). */
  reshared: Element | null;
  /** Blocks whose content is not this post's own: comments, the reshared part, the header. */
  exclude: Ex;
  /** True for elements of the post body: below the author block (or the header when there is none). */
  isBody: (el: Element) => boolean;
}

/** The card's own componentkey token: `expanded<token>FeedType_…` → `<token>` (also from `id`). */
export function cardTokenOf(root: Element, normalise: (key: string) => string): string {
  return normalise(root.getAttribute('componentkey') ?? root.getAttribute('id') ?? '');
}

/**
 * `inner` widened to its largest ancestor below `root` that holds none of the card's own content
 * (its "…" menu, its first text box, its first post time outside `inner`).
 */
function widenToPart(root: Element, inner: Element): Element {
  const firstOutside = (sel: string) => ownAll(root, sel, COMMENTS).find((e) => !inner.contains(e));
  const anchors = [firstOutside(S.any(S.authorLabelButton)), firstOutside(S.any(S.postText)), firstOutside(S.timeVisibilityIcon)].filter(
    (e): e is Element => !!e,
  );
  let box = inner;
  while (box.parentElement && box.parentElement !== root && !anchors.some((a) => box.parentElement!.contains(a))) box = box.parentElement;
  return box;
}

/**
 * The reshared part of a reshare with commentary: around the reshared post's text link
 * (`feed-original-share-description…`), or a reported `data-view-name` block, or else the block of a
 * second post time that holds a text box (the reshared post's own header). Null for other cards.
 */
export function resharedPartC(root: Element): Element | null {
  const named = ownAll(root, S.any(S.resharedC), COMMENTS)[0];
  if (named) return named;
  const marker = ownAll(root, S.reshareMarkerC, COMMENTS)[0];
  if (marker) return widenToPart(root, marker);
  const second = ownAll(root, S.timeVisibilityIcon, COMMENTS)[1];
  if (!second) return null;
  const box = widenToPart(root, second);
  return box.querySelector(S.any(S.postText)) ? box : null;
}

/** Smallest element around the author's name link that also holds one of its avatar links. */
function authorBlockOf(root: Element, author: AuthorLinksC): Element | null {
  const nameLink = author.links.find((l) => l.querySelector('p'));
  const avatars = author.links.filter((l) => l !== nameLink && l.querySelector('figure, img'));
  if (!nameLink) return null;
  for (let box = nameLink.parentElement; box && box !== root; box = box.parentElement) {
    if (avatars.some((a) => box.contains(a))) return box;
  }
  return nameLink.parentElement === root ? nameLink : nameLink.parentElement;
}

/** Nearest block before the author block (at any level below `root`) that shows words or faces. */
function headerBefore(root: Element, authorBlock: Element): Element | null {
  for (let box: Element | null = authorBlock; box && box !== root; box = box.parentElement) {
    for (let sib = box.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (sib.matches('h2, hr, button')) continue;
      if (sib.matches('p') || sib.querySelector('p, figure')) return sib;
    }
  }
  return null;
}

/**
 * The parts of a Gen C card (see {@link CardC}). `base` resolves the profile links. `nested` reads
 * a reshared part as a card of its own (it holds no further reshare).
 */
export function layoutC(root: Element, base: string, nested = false): CardC {
  const reshared = nested ? null : resharedPartC(root);
  const own = withEx(COMMENTS, '', [reshared]);
  const author = authorLinksC(root, own, base);
  const authorBlock = author ? authorBlockOf(root, author) : null;
  const header = authorBlock ? headerBefore(root, authorBlock) : headerByTextC(root, own);
  const exclude = withEx(own, '', [header]);
  const top = authorBlock ?? header;
  return { author, authorBlock, header, reshared, exclude, isBody: (el) => !top || follows(top, el) };
}

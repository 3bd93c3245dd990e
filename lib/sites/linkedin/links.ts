/**
 * Hashtags, mentions and outbound links of a LinkedIn post (docs/sites/linkedin.md "Links").
 */
import type { Link } from '../../schema';
import { textOf } from '../../dom/text';
import * as S from './selectors';
import { type Ex, absUrl, isLinkedInHost, oneLine, ownAll, ownFirst, uniq } from './dom';
import { decodeRedirect, hashtagOf, profileRef } from './urls';

/** Hashtags, mentions and links of one text element. */
export interface TextEntities {
  hashtags: string[];
  mentions: string[];
  links: Link[];
}

/** The outbound URL of a link: the decoded target of a wrapped link, else the link itself. */
function outboundUrl(href: string | null, base: string): string | null {
  const abs = absUrl(href, base);
  return decodeRedirect(abs) ?? abs;
}

/**
 * Hashtags (from `keywords=`, without `#`), mentions (vanities of /in/ and /company/ links) and
 * outbound links of a text element. Wrapped links (`/safety/go/?url=` on the SDUI feed, `/redir/redirect?url=`
 * on guest pages) are saved as their target; an lnkd.in target stays as is (2026-07 fixture, SDUI
 * feed fixture). Other linkedin.com links are navigation, not links of the post.
 */
export function textEntities(textEl: Element | null, base: string): TextEntities {
  const out: TextEntities = { hashtags: [], mentions: [], links: [] };
  if (!textEl) return out;
  for (const a of Array.from(textEl.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href');
    const abs = absUrl(href, base) ?? href;
    const tag = hashtagOf(abs);
    if (tag) { out.hashtags.push(tag); continue; }
    const ref = profileRef(abs);
    if (ref) {
      if (ref.kind === 'in' || ref.kind === 'company') out.mentions.push(ref.vanity);
      continue;
    }
    const url = outboundUrl(href, base);
    if (!url || isLinkedInHost(url)) continue;
    out.links.push({ url, title: null });
  }
  return { hashtags: uniq(out.hashtags), mentions: uniq(out.mentions), links: out.links };
}

/** First line of an element's text, at most 1000 characters, or null. */
function titleOf(el: Element | null): string | null {
  const t = el ? oneLine(textOf(el).split('\n')[0] ?? '') : '';
  return t ? t.slice(0, 1000) : null;
}

/** Gen A/B link preview cards (`.update-components-article`, reported `feed-update-article`) with their title. */
export function cardLinks(root: Element, exclude: Ex, base: string): Link[] {
  const out: Link[] = [];
  for (const card of ownAll(root, S.any(S.articleCard), exclude)) {
    if (card.parentElement?.closest(S.any(S.articleCard))) continue;
    const a = card.matches('a[href]') ? card : card.querySelector('a[href]');
    const url = outboundUrl(a?.getAttribute('href') ?? null, base);
    if (url) out.push({ url, title: titleOf(ownFirst(card, S.articleTitle, '')) });
  }
  return out;
}

/**
 * Gen C link previews: wrapped links (`/safety/go/?url=`) of the post body that are not in its text,
 * titled by their first `<p>` (modelled in the `…sdui_reshare…` fixture; the SDUI feed fixture has
 * none). `isBody` says which elements are the post's body (after the author block).
 */
export function previewLinksC(root: Element, exclude: Ex, base: string, isBody: (el: Element) => boolean): Link[] {
  const out: Link[] = [];
  for (const a of ownAll(root, S.wrappedLink, exclude)) {
    if (!isBody(a) || a.closest(S.any(S.postText))) continue;
    const url = decodeRedirect(absUrl(a.getAttribute('href'), base));
    if (url) out.push({ url, title: titleOf(a.querySelector('p')) });
  }
  return out;
}

const isShortLink = (url: string) => /^https?:\/\/lnkd\.in\//i.test(url);

/**
 * Text links then card links, each URL once (a card's title fills a text link's missing one).
 * An lnkd.in short link is kept only when it is all the post holds for that link: when the text has
 * exactly one lnkd.in link and the post exactly one link preview whose target is not lnkd.in, the
 * preview is LinkedIn's expansion of that short link and the short link is dropped.
 */
export function mergeLinks(textLinks: Link[], cards: Link[]): Link[] {
  const short = textLinks.filter((l) => isShortLink(l.url));
  const dropShort = short.length === 1 && cards.length === 1 && !isShortLink(cards[0]!.url);
  const out: Link[] = [];
  for (const l of [...textLinks, ...cards]) {
    if (dropShort && l === short[0]) continue;
    const prev = out.find((o) => o.url === l.url);
    if (prev) { if (!prev.title && l.title) prev.title = l.title; continue; }
    out.push({ ...l });
  }
  return out;
}

/**
 * Links of an X post: the links, hashtags and mentions written in its text (or an article body), and
 * its link cards (docs/sites/x.md §1.1 "Links", "Link cards").
 */
import { textOf } from '../../dom/text';
import type { Link } from '../../schema';
import { absolute, all, clean, HANDLE_PATH, type Scope } from './dom';
import * as S from './selectors';
import { expandedUrl } from './text';

/** What a post's text links to: its links (t.co expanded), hashtags (without #) and mentioned handles (without @). */
export interface TextEntities {
  links: Link[];
  hashtags: string[];
  mentions: string[];
  /** t.co href → expanded URL, to expand the same t.co in a card. */
  expansions: Map<string, string>;
}

/** Links, hashtags and mentions of a tweetText or an article body. Internal links resolve to x.com; t.co links to their shown URL. */
export function readEntities(textEl: Element | null): TextEntities {
  const out: TextEntities = { links: [], hashtags: [], mentions: [], expansions: new Map() };
  if (!textEl) return out;
  for (const a of textEl.querySelectorAll('a[href]')) {
    if (a.querySelector(`${S.photo}, ${S.videoPlayer}`)) continue; // an image in an article body, not a link
    const href = a.getAttribute('href') ?? '';
    const label = clean(a.textContent ?? '');
    if (a.matches(S.hashtagLink)) {
      const tag = label.replace(/^[#＃]/, '') || decodeURIComponent(href.split(/[/?]/)[2] ?? '');
      if (tag && !out.hashtags.includes(tag)) out.hashtags.push(tag);
      continue;
    }
    if (a.matches(S.cashtagLink)) continue;
    const handle = HANDLE_PATH.exec(href)?.[1];
    if (handle && label.startsWith('@')) {
      if (!out.mentions.includes(handle)) out.mentions.push(handle);
      continue;
    }
    const abs = absolute(href);
    const shown = expandedUrl(a);
    if (shown && abs && /^https?:\/\/t\.co\//.test(abs)) out.expansions.set(abs, shown);
    const url = shown ?? abs;
    if (url && !out.links.some((l) => l.url === url)) out.links.push({ url, title: null });
  }
  return out;
}

const DOMAIN_LABEL = /^(From )?[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/**
 * Title of a link card: the first line of its detail block that is not the domain (small card:
 * domain, title, description — x-2024-01_timeline_link-card-small_tco; large: domain, title —
 * x-2024-01_timeline_brand_link-card-carousel_6-images). 2025 large cards print the title over the
 * image instead (x-2025-10_status-page-focal_link-card__tweetyoink).
 */
function cardTitle(card: Element): string | null {
  const detail = card.querySelector(S.anyOf(S.cardDetail));
  const lines = detail
    ? [...detail.querySelectorAll('div[dir]')].map((d) => clean(textOf(d)))
    : [...(card.querySelector(S.anyOf(S.cardMedia))?.querySelectorAll('a div[dir] span') ?? [])].map((s) => clean(textOf(s)));
  return lines.find((l) => l && !DOMAIN_LABEL.test(l)) ?? null;
}

/**
 * Link cards in the scope, one per `card.wrapper` (one per carousel slide). Polls are cards too and
 * are skipped. The card's target is its `<a href>`: a direct URL in 2024 carousels, a t.co URL
 * otherwise. A t.co target becomes the expanded URL when the same t.co appears expanded in the text;
 * else the t.co URL is kept, because the card shows only the domain ("middleeasteye.net") and a
 * domain-only URL would point at the wrong page, while t.co still redirects to the article.
 */
export function readCards(scope: Scope, expansions: Map<string, string>): Link[] {
  const out: Link[] = [];
  for (const card of all(scope, S.cardWrapper)) {
    if (card.parentElement?.closest(S.cardWrapper) || card.querySelector(S.poll)) continue;
    const href = card.querySelector('a[href]')?.getAttribute('href');
    const abs = href ? absolute(href) : null;
    if (!abs) continue;
    out.push({ url: expansions.get(abs) ?? abs, title: cardTitle(card) });
  }
  return out;
}

/** Merges card links into text links: a card for a URL already in the text only adds its title. */
export function mergeLinks(textLinks: Link[], cards: Link[]): Link[] {
  const out = textLinks.map((l) => ({ ...l }));
  for (const c of cards) {
    const same = out.find((l) => l.url === c.url);
    if (same) same.title ??= c.title;
    else out.push(c);
  }
  return out;
}

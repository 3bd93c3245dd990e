/**
 * Gen C (SDUI) specifics: a card's reading scope, the content key of a card that shows no id, and
 * the reshared post of a reshare with commentary (docs/sites/linkedin.md "SDUI card layout",
 * "Reshares", "Posts without an id").
 */
import type { QuotedDraft } from '../../schema';
import { contentKeyOf } from '../../schema/content-key';
import type { ExtractContext } from '../types';
import * as S from './selectors';
import { type CardC, layoutC } from './layout-c';
import { type Scope, readAuthorAndText, readParts, toQuoted } from './parts';
import { urnsFromLinks } from './post-id';
import { preferActivity, urnFromPostUrl } from './ids';

/** The reading scope of a Gen C card: its layout, and the blocks that are not its own content. */
export function scopeC(postEl: Element, base: string): Scope & { card: CardC } {
  const card = layoutC(postEl, base);
  return { root: postEl, gen: 'c', exclude: card.exclude, card };
}

/**
 * The content key (`content:<32 hex>`, lib/schema/content-key.ts) of a Gen C card from its author
 * and text (its media when it has no text), read exactly as `extract` reads them; null when the card
 * shows no author. Only called
 * for cards whose page gives no id, so the scan stays cheap for the others.
 */
export function contentKeyC(postEl: Element, ctx: ExtractContext): string | null {
  const scope = scopeC(postEl, ctx.url);
  const { author, text } = readAuthorAndText(scope, ctx);
  if (!author) return null;
  if (text) return contentKeyOf({ author, text });
  // No text: an image or video post is known by its media (lib/schema/content-key.ts). With no media
  // either, the author's key still gives the card a control, so the click-time probe can look for
  // its id; `extract` refuses it when the probe finds none (nothing is stored under that key).
  return contentKeyOf({ author, text, media: readParts(scope, ctx).media });
}

/**
 * The reshared post of a Gen C reshare with commentary, read as a card of its own: its author, text,
 * media and links, and its id from its own `/feed/update/urn:li:share:<id>` text link (or another
 * post link inside it) when the page shows one (`…sdui_reshare…` synthetic fixture). `missing` when
 * a reshared part is there but shows nothing readable.
 */
export function quotedC(card: CardC, ctx: ExtractContext): { quoted: QuotedDraft | null; missing: boolean } {
  const part = card.reshared;
  if (!part) return { quoted: null, missing: false };
  const inner = layoutC(part, ctx.url, true);
  const p = readParts({ root: part, gen: 'c', exclude: inner.exclude, card: inner }, ctx);
  const marker = part.matches(S.reshareMarkerC) ? part : part.querySelector(S.reshareMarkerC);
  const urn = preferActivity([urnFromPostUrl(marker?.getAttribute('href')), ...urnsFromLinks(part, S.any(S.comments))]);
  if (!p.author && !p.text && !urn) return { quoted: null, missing: true };
  return { quoted: toQuoted(p, urn, false), missing: false };
}

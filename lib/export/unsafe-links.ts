import type { Capture } from '../schema';
import { safeHttpUrl } from '../util/url';

/** A URL in a capture that must not be made clickable (not http/https, or not a valid URL). */
export interface UnsafeLink {
  /** Where it sits, as a JSON path: `permalink`, `links[2].url`, `author.profileUrl`, `quoted.media[0].url`... */
  path: string;
  url: string;
}

/** True when `url` may be rendered as a link: an absolute http(s) URL (lib/util `safeHttpUrl`). */
export function isSafeLink(url: string | null | undefined): boolean {
  return safeHttpUrl(url) !== null;
}

/**
 * Every URL field of a capture that is NOT a safe http(s) link (`javascript:`, `data:`, `vbscript:`,
 * malformed...). Such values are kept as inert text (never an `href`); the UI can flag them. Pure.
 */
export function unsafeLinks(c: Capture): UnsafeLink[] {
  const out: UnsafeLink[] = [];
  const check = (path: string, url: string | null | undefined) => {
    if (url !== null && url !== undefined && !isSafeLink(url)) out.push({ path, url });
  };
  const post = (p: string, x: { permalink: string | null; author: Capture['author']; media: Capture['media']; links: Capture['links'] }) => {
    check(`${p}permalink`, x.permalink);
    check(`${p}author.profileUrl`, x.author?.profileUrl);
    check(`${p}author.avatarUrl`, x.author?.avatarUrl);
    x.media.forEach((m, i) => check(`${p}media[${i}].url`, m.url));
    x.links.forEach((l, i) => check(`${p}links[${i}].url`, l.url));
  };
  post('', c);
  if (c.quoted) post('quoted.', c.quoted);
  c.thread.forEach((t, i) => post(`thread[${i}].`, t));
  check('repostedBy.profileUrl', c.repostedBy?.profileUrl);
  check('inReplyTo.permalink', c.inReplyTo?.permalink);
  return out;
}

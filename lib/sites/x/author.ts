/**
 * The author of an X post or quoted post: name, handle and avatar from `User-Name`, or from an article
 * read view's byline (docs/sites/x.md §1.1 "Author", "Articles").
 */
import { textOf } from '../../dom/text';
import type { Author } from '../../schema';
import { clean, HANDLE_TEXT, isHttpUrl, one, type Scope } from './dom';
import * as S from './selectors';

/**
 * Name and handle from an article read view's byline metas (`[itemprop=author]`: `name`,
 * `additionalName`), for a read view on its own page, which has no User-Name
 * (x-2026-11_article-page_read-view-standalone_itemprop-author__synthetic).
 */
function readByline(scope: Scope): { name: string; handle: string | null } {
  const box = one(scope, S.articleByline);
  const meta = (prop: string) => box?.querySelector(`meta[itemprop="${prop}"]`)?.getAttribute('content')?.trim() ?? '';
  const handle = meta('additionalName');
  return { name: clean(meta('name')), handle: /^[A-Za-z0-9_]{1,50}$/.test(handle) ? handle : null };
}

/**
 * Author from the scope's User-Name: name = its first `div[dir]` (emoji `<img alt>` kept, e.g.
 * "Person E — e/acc ⏩" in x-2023-12_timeline_quote_show-more_…; verified/affiliation badges give
 * no text), handle = the text that reads `@handle` (a link in the post, a span in a quote); without a
 * User-Name, an article byline ({@link readByline}). The handle falls back to the
 * `UserAvatar-Container-<handle>` testid. Null when no handle can be read.
 */
export function readAuthor(scope: Scope): Author | null {
  const un = one(scope, S.userName);
  let handle: string | null = null;
  let name = '';
  if (un) {
    for (const el of un.querySelectorAll('a, span')) {
      const m = HANDLE_TEXT.exec((el.textContent ?? '').trim());
      if (m) { handle = m[1]!; break; }
    }
    const nameEl = un.querySelector('div[dir]');
    name = nameEl ? clean(textOf(nameEl)) : '';
  } else {
    ({ name, handle } = readByline(scope));
  }
  if (!handle) {
    const box = one(scope, S.avatarContainer);
    const suffix = box?.getAttribute('data-testid')?.slice(S.avatarContainerPrefix.length);
    if (suffix && /^[A-Za-z0-9_]{1,50}$/.test(suffix)) handle = suffix;
  }
  if (!handle) return null;
  // An article byline has no Tweet-User-Avatar; its avatar sits in the UserAvatar-Container.
  const img = (one(scope, S.avatar) ?? (un ? null : one(scope, S.avatarContainer)))?.querySelector('img[src]');
  const src = img?.getAttribute('src');
  return {
    name: name || handle,
    handle,
    profileUrl: `https://x.com/${handle}`,
    avatarUrl: isHttpUrl(src) ? src : null,
  };
}

/**
 * One permalink shape per kind of Viva Engage post (docs/sites/yammer.md "Permalinks"). Pure, no DOM.
 *
 * Engage shows the same message under several URL shapes (`/main/messages/<M>`,
 * `/main/org/<tenant>/threads/<T>?messageId=<M>`, `…/threads/<T>/<M>`, the "Copy link" form
 * `…/threads/<T>?trk_copy_link=V2`); a saved post keeps one of them:
 * - thread starter: `<origin>/main[/org/<tenant>]/threads/<Thread b64>` — the "Copy link" form
 *   (STRUCTURE.md §2) without its tracking parameter;
 * - reply: `<origin>/main[/org/<tenant>]/threads/<Thread b64>/<Message b64>` — the one reply URL
 *   shape seen in real use (a public script that opens an Engage reply, docs/sites/yammer.md).
 * Only the permalink is normalised; the post id (decimal message id) is whatever the anchor named.
 */
import { encodeEngageId } from './ids';

const ENGAGE_HOST = /^(web\.yammer\.com|engage\.cloud\.microsoft|[a-z0-9-]+\.engage\.cloud\.microsoft)$/i;

/** The `<tenant>` of a `/main/org/<tenant>/…` URL, or null. */
function tenantOf(u: URL | null): string | null {
  const m = u?.pathname.match(/^\/main\/org\/([^/?#]+)\//i);
  return m ? m[1]! : null;
}

function parse(href: string | null | undefined): URL | null {
  if (!href) return null;
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/**
 * The canonical permalink of a post shown at `url` (its anchor, else the page URL; absolute).
 * `threadId` is the thread's decimal id (= its starter's message id); `messageId` is the reply's
 * decimal id, or null for the starter itself. The tenant comes from `url`, else from `pageUrl`
 * (a `/main/messages/<M>` anchor on a `/main/org/<tenant>/threads/…` page); without one the path
 * has no `/org/<tenant>` part. Null when `url` is not a `/main/…` page of new Yammer or Engage
 * (classic `www.yammer.com`, other hosts): the caller keeps the URL it had.
 * @throws Error when an id is not decimal digits (see `encodeEngageId`).
 */
export function canonicalPermalink(url: string, threadId: string, messageId: string | null, pageUrl?: string): string | null {
  const u = parse(url);
  if (!u || !ENGAGE_HOST.test(u.hostname) || !/^\/main(\/|$)/.test(u.pathname)) return null;
  const tenant = tenantOf(u) ?? tenantOf(parse(pageUrl));
  const thread = `${u.origin}/main${tenant ? `/org/${tenant}` : ''}/threads/${encodeEngageId('Thread', threadId)}`;
  return messageId && messageId !== threadId ? `${thread}/${encodeEngageId('Message', messageId)}` : thread;
}

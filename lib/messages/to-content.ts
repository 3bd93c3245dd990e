/**
 * Messages from the background to a tab's content script (ARCHITECTURE.md 6.7 naming).
 *
 * Deliberately zod-free: the content script imports this file, and the content bundle must stay
 * small (issue 2: ≤ 20 KB gzip). Only the extension itself can message a content script, so a
 * hand-written shape check is enough here; everything the content script sends back is validated
 * by the background with the zod union in ./index.ts.
 */
export type BackgroundToContent =
  /**
   * The keyboard shortcut (commands API `save-post`) was pressed: save the post that has focus,
   * else the one most in view. Replies {@link SaveInViewReply}. The control shows the state.
   */
  | { type: 'capture/save-in-view' }
  /**
   * Captures with these keys (`<platform>:<postId>`) were saved or deleted from another view
   * (popup, another tab): content scripts ask `capture/status` again for them. Fire-and-forget.
   */
  | { type: 'capture/saved-elsewhere'; keys: string[] };

/** Reply to `capture/save-in-view`: the key of the post saved (or already saved), or why not. */
export type SaveInViewReply = { ok: true; key: string } | { ok: false; error: string };

/** Returns `raw` as a {@link BackgroundToContent} when it has that shape, else null (ignored). */
export function parseBackgroundToContent(raw: unknown): BackgroundToContent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as { type?: unknown; keys?: unknown };
  if (m.type === 'capture/save-in-view') return { type: m.type };
  if (
    m.type === 'capture/saved-elsewhere' &&
    Array.isArray(m.keys) &&
    m.keys.length <= 500 &&
    m.keys.every((k) => typeof k === 'string' && k.length <= 600)
  ) {
    return { type: m.type, keys: m.keys as string[] };
  }
  return null;
}

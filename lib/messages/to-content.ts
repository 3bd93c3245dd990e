/**
 * Messages from the background (or the popup) to a tab's content script (docs/architecture.md 6.7 naming).
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
  | { type: 'capture/saved-elsewhere'; keys: string[] }
  /**
   * The popup asks the active tab's content script (top frame) how capture went on this page view
   * (issue 9 part 3). Replies {@link HealthReply}. A tab without a Satchel content script gives no
   * reply, and the popup then shows nothing.
   */
  | { type: 'health/get' }
  /**
   * "Report this page" (issue 9 part 3): the popup or options page has injected the report UI
   * (report-ui.js) into this tab's content-script world; open its post picker with this page's
   * adapter. Replies {@link ReportStartReply} at once (the learner then picks, looks, saves).
   */
  | { type: 'report/start' };

/** Reply to `report/start`: the picker is open, or why not (the report UI was not loaded). */
export type ReportStartReply = { ok: true } | { ok: false; error: string };

/** Reply to `capture/save-in-view`: the key of the post saved (or already saved), or why not. */
export type SaveInViewReply = { ok: true; key: string } | { ok: false; error: string };

/**
 * What a content script answers to each {@link BackgroundToContent} message (`capture/saved-elsewhere`
 * is fire-and-forget: no reply). A message type without a row here makes {@link ContentReplyFor} fail
 * to compile.
 */
export interface ContentReplyByType {
  'capture/save-in-view': SaveInViewReply;
  'capture/saved-elsewhere': undefined;
  'health/get': HealthReply;
  'report/start': ReportStartReply;
}

/** The reply a content script gives to message type `T` (the sender reads `undefined` when no content script answered). */
export type ContentReplyFor<T extends BackgroundToContent['type']> = ContentReplyByType[T];

/** A field of a read draft that can come back empty (health counters). */
export type HealthField = 'author' | 'text' | 'postedAt' | 'media' | 'permalink';
/** Every {@link HealthField}, in a fixed order. */
export const HEALTH_FIELDS: readonly HealthField[] = ['author', 'text', 'postedAt', 'media', 'permalink'];

/**
 * Why a save was refused, as a code (never the message text): `no-id` the post had no id at click
 * time; `unreadable` the adapter could not read a required part (ExtractError); `error` reading
 * failed otherwise; `refused` the background answered an error; `no-answer` the message failed.
 */
export type RefusalCode = 'no-id' | 'unreadable' | 'error' | 'refused' | 'no-answer';
/** Every {@link RefusalCode}, in a fixed order. */
export const REFUSAL_CODES: readonly RefusalCode[] = ['no-id', 'unreadable', 'error', 'refused', 'no-answer'];

/**
 * How capture went on one page view (issue 9 part 3): counts only. Holds nothing about any post
 * (no id, no text, no name), so it can be shown, copied or reported as it is.
 */
export interface CaptureHealth {
  /** The site (an id of lib/sites/meta.ts) whose adapter runs on this page, or null when this page is not one it reads. */
  site: string | null;
  /** Posts met: a post root got a key (a new control, or a recycled element showing another post), or a root had none. */
  postsFound: number;
  /** Save controls mounted (a control the page removed and Satchel put back counts again). */
  controlsMounted: number;
  /** Posts whose page shows no id: keyed by their content (saved without a link until the id is found). */
  postsWithoutId: number;
  /** Post roots with neither an id nor a content key: no Save control. */
  postsUnreadable: number;
  /** Posts read in a layout the adapter does not know (`SiteAdapter.layoutOf` said null for a post whose draft was read). */
  unknownLayouts: number;
  /** Drafts read in full (a save, a quiet completion or merge): the base of {@link emptyFields}. */
  draftsRead: number;
  /**
   * Per field, drafts in which it came back empty: `author` no author; `text` no text and nothing
   * else either (no media, quote, poll or link); `postedAt` no time; `media` the post shows media
   * containers whose media could not be read (`mediaMissing`); `permalink` no link or id
   * (`permalinkMissing`).
   */
  emptyFields: Record<HealthField, number>;
  /** Saves refused, by reason. */
  savesRefused: Record<RefusalCode, number>;
}

/** Reply to `health/get`. */
export type HealthReply = { ok: true; health: CaptureHealth };

const COUNTS = ['postsFound', 'controlsMounted', 'postsWithoutId', 'postsUnreadable', 'unknownLayouts', 'draftsRead'] as const;

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Reads `keys` of `raw` as counts, or null when one is missing or not a count. */
function countsOf<K extends string>(raw: unknown, keys: readonly K[]): Record<K, number> | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const out = {} as Record<K, number>;
  for (const k of keys) {
    const v = (raw as Record<string, unknown>)[k];
    if (!isCount(v)) return null;
    out[k] = v;
  }
  return out;
}

/**
 * Returns the health in `raw` (a content script's reply to `health/get`) when it has the
 * {@link HealthReply} shape, else null. Copies only the known fields.
 */
export function parseHealthReply(raw: unknown): CaptureHealth | null {
  if (typeof raw !== 'object' || raw === null || (raw as { ok?: unknown }).ok !== true) return null;
  const h = (raw as { health?: unknown }).health;
  if (typeof h !== 'object' || h === null) return null;
  const site = (h as { site?: unknown }).site;
  if (site !== null && !(typeof site === 'string' && site.length <= 32)) return null;
  const counts = countsOf(h, COUNTS);
  const emptyFields = countsOf((h as { emptyFields?: unknown }).emptyFields, HEALTH_FIELDS);
  const savesRefused = countsOf((h as { savesRefused?: unknown }).savesRefused, REFUSAL_CODES);
  if (!counts || !emptyFields || !savesRefused) return null;
  return { site, ...counts, emptyFields, savesRefused };
}

/** Returns `raw` as a {@link BackgroundToContent} when it has that shape, else null (ignored). */
export function parseBackgroundToContent(raw: unknown): BackgroundToContent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as { type?: unknown; keys?: unknown };
  if (m.type === 'capture/save-in-view' || m.type === 'health/get') return { type: m.type };
  if (m.type === 'report/start') return { type: m.type };
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

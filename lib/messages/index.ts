import { z } from 'zod';
import { CaptureDraft, Intent, Capture } from '../schema';

/**
 * Messages from a content script (or the popup/library) to the background. Every message is
 * parsed with this union at the background boundary; a malformed one is refused with a reason
 * (docs/architecture.md 6.9 rule 1). Named by domain, `type: '<domain>/<verb>'`.
 */
export const ContentToBackground = z.discriminatedUnion('type', [
  /** Save a post. Replies `SaveReply`. Saving the same platform+postId again returns the same capture (merging fuller text). */
  z.strictObject({ type: z.literal('capture/save'), draft: CaptureDraft }),
  /**
   * Which of these post keys (`<platform>:<postId>`) are already saved. Only ids leave the page
   * before the learner saves (issue 2 privacy rule). Replies `StatusReply`.
   */
  z.strictObject({ type: z.literal('capture/status'), keys: z.array(z.string().max(600)).max(500) }),
  /**
   * A saved capture flagged incomplete was met again and the page now holds more: the background
   * merges it quietly when it is fuller, and clears the flags. Replies `SaveReply`.
   */
  z.strictObject({
    type: z.literal('capture/complete'),
    draft: CaptureDraft,
    /**
     * Issue 9: the draft (which carries the post's real id) is the same post as the id-less
     * capture saved under this key (`<platform>:content:<hash>`, lib/schema/content-key.ts). The
     * background merges the draft into that capture: id and permalink filled in, `permalinkMissing`
     * cleared, one capture (a synced one too, via `completeCapture`).
     */
    aliasKey: z.string().max(600).optional(),
  }),
  /**
   * Issue 9: the learner pressed Save on a post whose page shows no id. The content script has put
   * `data-satchel-probe="<probe>"` on that post's root; the background runs a small MAIN-world
   * function in the sender's frame that reads the page's own React props of that element's subtree
   * only (lib/platform/react-probe.ts) and returns the post URN it finds. Nothing else is read or
   * kept. Replies `ProbeReply`.
   */
  z.strictObject({ type: z.literal('capture/probe-id'), probe: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }),
  /** Set the learning intent, tags, note or collections right after saving. Replies `SaveReply`. */
  z.strictObject({
    type: z.literal('capture/update'),
    id: z.uuid(),
    patch: z.strictObject({
      intent: Intent.nullable().optional(),
      tags: z.array(z.string().min(1).max(64)).max(100).optional(),
      note: z.string().max(20_000).nullable().optional(),
      collectionIds: z.array(z.uuid()).max(100).optional(),
    }),
  }),
  /** Recent tags and collections for the save panel. Replies `RecentReply`. */
  z.strictObject({ type: z.literal('library/recent') }),
  /** Create a personal collection. Replies `{ ok: true, collection }`. */
  z.strictObject({ type: z.literal('collection/create'), name: z.string().trim().min(1).max(200) }),
  /**
   * A content script opens its first save panel: inject the Preact control UI (panel-ui.js) into
   * the sender's frame. Replies `{ ok: true }` once it has run.
   */
  z.strictObject({ type: z.literal('ui/load') }),
  /**
   * Sync now (the popup or library opened, the learner pressed "Sync now", or signed in).
   * Replies `{ ok: true, outcome }` where `outcome.status` is synced | failed | waiting |
   * signed-out | busy.
   */
  z.strictObject({ type: z.literal('sync/now') }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackground>;

/** A failed request: a reason a person can read. */
export const ErrorReply = z.strictObject({ ok: z.literal(false), error: z.string() });
export type ErrorReply = z.infer<typeof ErrorReply>;

/**
 * Reply to `capture/save`, `capture/complete` and `capture/update`: the stored capture after the
 * write. `created` is true only when this message created the capture (false for a re-save that
 * found the post already saved, and always false for complete/update).
 */
export const SaveReply = z.strictObject({ ok: z.literal(true), capture: Capture, created: z.boolean() });
export type SaveReply = z.infer<typeof SaveReply>;

/** Reply to `capture/status`. */
export const StatusReply = z.strictObject({
  ok: z.literal(true),
  /** The keys that are saved, each with its capture id and whether it still lacks something. */
  saved: z.array(z.strictObject({
    key: z.string(),
    id: z.uuid(),
    incomplete: z.boolean(),
    /** The stored text is cut short; the save panel says so (other flags do not make it say that). */
    truncated: z.boolean(),
  })),
  /**
   * Issue 9: keys (`<platform>:content:<hash>`) of saved captures that still lack their post id
   * (`permalinkMissing`), for the platforms of the asked keys, at most 500, newest first. A content
   * script that meets one of these posts with its id sends `capture/complete` with `aliasKey`.
   */
  aliases: z.array(z.string()).max(500),
});
export type StatusReply = z.infer<typeof StatusReply>;

/** Reply to `capture/probe-id`: the post URN the page's React props hold for the probed element, or null. */
export const ProbeReply = z.strictObject({ ok: z.literal(true), urn: z.string().max(200).nullable() });
export type ProbeReply = z.infer<typeof ProbeReply>;

/** A collection as the save panel lists it. */
export const CollectionSummary = z.strictObject({ id: z.uuid(), name: z.string(), scopeId: z.string() });
export type CollectionSummary = z.infer<typeof CollectionSummary>;

/** Reply to `library/recent`: most used recent tags first; collections sorted by name. */
export const RecentReply = z.strictObject({
  ok: z.literal(true),
  tags: z.array(z.string()),
  collections: z.array(CollectionSummary),
});
export type RecentReply = z.infer<typeof RecentReply>;

/** Reply to `collection/create`: the new collection. */
export const CollectionReply = z.strictObject({ ok: z.literal(true), collection: CollectionSummary });
export type CollectionReply = z.infer<typeof CollectionReply>;

/** A request that succeeded and has nothing to return. */
export const OkReply = z.strictObject({ ok: z.literal(true) });
export type OkReply = z.infer<typeof OkReply>;

/** Reply to `sync/now`: what the run did (lib/sync `RunResult`, kept loose here: lib/messages may not import lib/sync). */
export const SyncNowReply = z.strictObject({ ok: z.literal(true), outcome: z.looseObject({ status: z.string() }) });
export type SyncNowReply = z.infer<typeof SyncNowReply>;

/** The reply type of each `ContentToBackground` message type (a failure is always {@link ErrorReply}). */
export interface ReplyByType {
  'capture/save': SaveReply;
  'capture/status': StatusReply;
  'capture/complete': SaveReply;
  'capture/update': SaveReply;
  'capture/probe-id': ProbeReply;
  'library/recent': RecentReply;
  'collection/create': CollectionReply;
  'ui/load': OkReply;
  'sync/now': SyncNowReply;
}

/** What the background answers to message `T`: its success reply or an {@link ErrorReply}. */
export type ReplyFor<T extends ContentToBackground['type']> = ReplyByType[T] | ErrorReply;

/** Any reply the background sends to a `ContentToBackground` message. */
export type BackgroundReply = ReplyByType[keyof ReplyByType] | ErrorReply;

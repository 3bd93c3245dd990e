/**
 * The background's message handler table: parse every incoming message with
 * {@link ContentToBackground}, dispatch by `type`, and answer `{ ok: true, ... }` or
 * `{ ok: false, error }`. It never throws.
 *
 * Placement (docs/architecture.md 6.2): `lib/messages` may import only `lib/schema` and zod, so the
 * database functions are injected as {@link MessageDeps}; `entrypoints/background.ts` binds them
 * to `lib/db`. This keeps the table unit-testable with plain fakes and keeps Dexie out of the
 * messages module (and so out of anything the content script imports).
 */
import type { z } from 'zod';
import type { Capture, CaptureDraft, Intent } from '../schema';
import { ContentToBackground, type BackgroundReply, type CollectionSummary, type ErrorReply, type ReplyFor } from './index';

/** A saved post's status, as `capture/status` replies it. */
export interface SavedKey {
  key: string;
  id: string;
  incomplete: boolean;
  /** The stored text is cut short. */
  truncated: boolean;
}

/** The storage operations the handler needs; the background binds them to `lib/db`. */
export interface MessageDeps {
  /** Save (dedupe + merge) a validated draft. */
  saveCapture(draft: CaptureDraft): Promise<{ capture: Capture; created: boolean }>;
  /**
   * Merge a fuller draft into an existing capture; null when the post is not saved. With
   * `aliasKey` (issue 9), the capture saved under that content key is the one completed: it takes
   * the draft's id and permalink and loses `permalinkMissing`.
   */
  completeCapture(draft: CaptureDraft, aliasKey?: string): Promise<{ capture: Capture } | null>;
  /** Change library fields; null when the id is unknown. */
  updateCapture(
    id: string,
    patch: { intent?: Intent | null; tags?: string[]; note?: string | null; collectionIds?: string[] },
  ): Promise<Capture | null>;
  /** Which of these keys are saved. */
  statusForKeys(keys: string[]): Promise<SavedKey[]>;
  /**
   * Keys of saved captures on these platforms that still lack their post id (`permalinkMissing`,
   * `<platform>:content:<hash>`), newest first, at most 500. Absent: none.
   */
  aliasKeys?(platforms: string[]): Promise<string[]>;
  /**
   * Runs the MAIN-world React props probe (lib/platform/react-probe.ts) in the sender's frame on
   * the element marked `data-satchel-probe="<probe>"`; resolves to the post URN found, or null.
   */
  probeId?(sender: MessageSender | undefined, probe: string): Promise<string | null>;
  /** Most used recent tags. */
  recentTags(): Promise<string[]>;
  /** Collections of the current scope. */
  listCollections(): Promise<CollectionSummary[]>;
  /** Create a collection. */
  createCollection(name: string): Promise<CollectionSummary>;
  /**
   * Injects the control UI into the frame that sent `ui/load` (`sender` is the runtime message
   * sender: `tab.id` and `frameId`). Rejects with a reason when it cannot.
   */
  loadUi?(sender: MessageSender | undefined): Promise<void>;
  /** Runs a sync now (forced: ignores backoff) and resolves to its outcome. */
  syncNow?(): Promise<{ status: string }>;
  /**
   * Optional hook after a capture was created or changed (e.g. tell other tabs). Errors in it are
   * swallowed: the write has already committed.
   */
  onSaved?(capture: Capture): void;
}

/** What the handler reads of a runtime message sender. */
export interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
}

/** At most this many validation issues are listed in a refusal. */
const MAX_ISSUES = 3;

/** A readable reason for a zod failure: `invalid message: draft.text: Too big...; type: ...`. */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, MAX_ISSUES).map((i) => `${i.path.length ? i.path.join('.') : '(message)'}: ${i.message}`);
  const more = error.issues.length > MAX_ISSUES ? ` (+${error.issues.length - MAX_ISSUES} more)` : '';
  return `invalid message: ${parts.join('; ')}${more}`;
}

const fail = (error: string): ErrorReply => ({ ok: false, error });
const summary = (c: CollectionSummary): CollectionSummary => ({ id: c.id, name: c.name, scopeId: c.scopeId });

/** The `type` of a {@link ContentToBackground} message. */
type MessageType = ContentToBackground['type'];
/** The message whose `type` is `T`. */
type MessageOf<T extends MessageType> = Extract<ContentToBackground, { type: T }>;
/**
 * One handler per message type, each answering that type's own reply ({@link ReplyFor}): a handler
 * that answers another message's reply, or a message type without a handler, does not compile.
 */
type HandlerTable = { [T in MessageType]: (msg: MessageOf<T>, sender: MessageSender | undefined) => Promise<ReplyFor<T>> };

/** Runs the handler of `type` on `msg` (the mapped table keeps the message and its reply in step). */
function dispatch<T extends MessageType>(table: HandlerTable, type: T, msg: MessageOf<T>, sender: MessageSender | undefined): Promise<ReplyFor<T>> {
  return table[type](msg, sender);
}

/** The handler table over `deps`; `saved` runs the `onSaved` hook (never throws). */
function handlers(deps: MessageDeps, saved: (c: Capture) => void): HandlerTable {
  return {
    'capture/save': async (msg) => {
      const r = await deps.saveCapture(msg.draft);
      saved(r.capture);
      return { ok: true, capture: r.capture, created: r.created };
    },
    'capture/complete': async (msg) => {
      const r = await deps.completeCapture(msg.draft, msg.aliasKey);
      if (!r) return fail('not saved: complete applies only to a saved capture; send capture/save');
      saved(r.capture);
      return { ok: true, capture: r.capture, created: false };
    },
    'capture/update': async (msg) => {
      const c = await deps.updateCapture(msg.id, msg.patch);
      if (!c) return fail(`not found: no capture with id ${msg.id}`);
      return { ok: true, capture: c, created: false };
    },
    'capture/status': async (msg) => {
      const platforms = [...new Set(msg.keys.map((k) => k.slice(0, Math.max(0, k.indexOf(':')))).filter(Boolean))];
      const [savedKeys, aliases] = await Promise.all([
        deps.statusForKeys(msg.keys),
        deps.aliasKeys && platforms.length ? deps.aliasKeys(platforms) : Promise.resolve([]),
      ]);
      return { ok: true, saved: savedKeys, aliases: aliases.slice(0, 500) };
    },
    'capture/probe-id': async (msg, sender) => {
      if (!deps.probeId) return fail('capture/probe-id is not available here');
      return { ok: true, urn: await deps.probeId(sender, msg.probe) };
    },
    'library/recent': async () => {
      const [tags, collections] = await Promise.all([deps.recentTags(), deps.listCollections()]);
      return { ok: true, tags, collections: collections.map(summary) };
    },
    'collection/create': async (msg) => ({ ok: true, collection: summary(await deps.createCollection(msg.name)) }),
    'sync/now': async () => {
      if (!deps.syncNow) return fail('sync/now is not available here');
      return { ok: true, outcome: await deps.syncNow() };
    },
    'ui/load': async (_msg, sender) => {
      if (!deps.loadUi) return fail('ui/load is not available here');
      await deps.loadUi(sender);
      return { ok: true };
    },
  };
}

/**
 * Builds the handler. The returned function takes any value (the raw message), and resolves to
 * the reply for it; malformed input gets `{ ok: false, error: 'invalid message: <path>: <why>' }`,
 * a storage failure `{ ok: false, error: '<type> failed: <why>' }`.
 */
export function createMessageHandler(deps: MessageDeps): (raw: unknown, sender?: MessageSender) => Promise<BackgroundReply> {
  const table = handlers(deps, (c) => {
    try {
      deps.onSaved?.(c);
    } catch {
      /* the write is committed; a notification failure must not turn it into an error */
    }
  });

  return async (raw, sender) => {
    const parsed = ContentToBackground.safeParse(raw);
    if (!parsed.success) return fail(describeIssues(parsed.error));
    const msg = parsed.data;
    try {
      return await dispatch(table, msg.type, msg, sender);
    } catch (e) {
      return fail(`${msg.type} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

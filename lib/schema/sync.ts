/**
 * Sync wire types (docs/sync-protocol.md 3.3–3.5): the outbox mutations, the push and pull envelopes and the
 * records a pull returns. The server validates requests with these; the client validates
 * responses with them. Every object is strict: unknown keys are refused (mass assignment, S3).
 */
import { z } from 'zod';
import { storable } from './storable';
import { CaptureDraft, Intent, ScopeId } from './capture';
import { LIBRARY_FIELD_NAMES, libraryShape, type LibraryField } from './library-fields';
import { DiscussionMutationArgs } from './discussion';

/** Protocol version this schema describes (`protocolVersion` in push and pull). Older → 426. */
export const PROTOCOL_VERSION = 1;
/** Schema version of the records carried (`schemaVersion` in push and pull). */
export const SCHEMA_VERSION = 1;
/** Most mutations one push may carry (more → 413). */
export const MAX_MUTATIONS_PER_PUSH = 100;
/** Largest push body, bytes (more → 413). */
export const MAX_PUSH_BYTES = 512 * 1024;
/** Largest pull body, bytes (more → 413). */
export const MAX_PULL_BYTES = 16 * 1024;
/** Largest and default `limit` of a pull (rows per page). */
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;

export { Uuid7 } from './ids';
import { Uuid7 } from './ids';
export * from './synced-entities';
import { SyncChange } from './synced-entities';

/** A raw tag as sent by a client; the server normalises it with `tagKey` (lib/schema/tag.ts). */
export const WireTag = storable().min(1).max(256);

/** Collection name: 1–200 characters after trimming. */
export const CollectionName = storable().trim().min(1).max(200);

/**
 * The library fields `updateCapture.set` may change: exactly lib/schema/library-fields.ts
 * `LIBRARY_FIELDS`, each last-writer-wins per field in server order (docs/sync-protocol.md 3.7). A field
 * not listed there is refused (`rejected:invalid`). `note` also keeps a `NoteConflict` when the
 * writer's `baseVersion` is stale.
 */
export const UPDATE_CAPTURE_FIELDS = LIBRARY_FIELD_NAMES;
/** One name of {@link UPDATE_CAPTURE_FIELDS}. */
export type UpdateCaptureField = LibraryField;

/** Values of the `updateCapture.set` fields. All nullable (null clears the field); epoch ms are client clock, display only. */
export const CaptureFieldSet = z
  .strictObject(libraryShape)
  .partial()
  .refine((s) => Object.keys(s).length > 0, { message: 'set must name at least one field' });
export type CaptureFieldSet = z.infer<typeof CaptureFieldSet>;

/** Args of each mutation (docs/sync-protocol.md 3.3 table, plus `completeCapture`). */
export const MutationArgs = {
  /** Create a capture: the whole post draft plus library fields. Creates never overwrite. */
  createCapture: CaptureDraft.extend({
    id: Uuid7,
    scopeId: ScopeId,
    /** epoch ms, client clock, display only */
    capturedAt: z.number().int(),
    intent: Intent.nullable().optional(),
    note: storable().max(20_000).nullable().optional(),
    tags: z.array(WireTag).max(50).optional(),
    collectionIds: z.array(Uuid7).max(100).optional(),
  }),
  /** A revisit saw a fuller version of the post: per content part, the fuller one wins. */
  completeCapture: z.strictObject({ id: Uuid7, set: CaptureDraft }),
  /** Change library fields; `baseVersion` = the capture version the device last saw. */
  updateCapture: z.strictObject({ id: Uuid7, baseVersion: z.number().int().nonnegative(), set: CaptureFieldSet }),
  deleteCapture: z.strictObject({ id: Uuid7 }),
  addTag: z.strictObject({ captureId: Uuid7, tag: WireTag }),
  removeTag: z.strictObject({ captureId: Uuid7, tag: WireTag }),
  createCollection: z.strictObject({ id: Uuid7, scopeId: ScopeId, name: CollectionName }),
  renameCollection: z.strictObject({ id: Uuid7, name: CollectionName }),
  deleteCollection: z.strictObject({ id: Uuid7 }),
  addToCollection: z.strictObject({ collectionId: Uuid7, captureId: Uuid7 }),
  removeFromCollection: z.strictObject({ collectionId: Uuid7, captureId: Uuid7 }),
  /**
   * Share = copy into another scope (docs/sync-protocol.md 9.1): new row `newId` in `targetScopeId` with
   * `sourceCaptureId = sourceId`, owned by the sharer. `note` is the sharer's "why this is worth
   * reading" (default: the source's note). Idempotent on `newId`.
   */
  shareCapture: z.strictObject({
    sourceId: Uuid7,
    newId: Uuid7,
    targetScopeId: ScopeId,
    collectionId: Uuid7.optional(),
    note: storable().max(20_000).nullable().optional(),
    /** the copy's intent (default: the source's); `question` makes it a "question to discuss" (issue 11) */
    intent: Intent.nullable().optional(),
  }),
  /**
   * The client gives up on its own mutation at this `seq` after the server failed on it again and
   * again with a 500 (docs/sync-protocol.md 3.4 "Poison the client isolates"). Nothing is applied; the
   * server records `rejected:withdrawn` and the device's seq moves on. `name` is the withdrawn
   * mutation's name and `reason` what the client saw, both for the server's dead-letter log; the
   * withdrawn payload itself stays on the device, in its refused list.
   */
  withdraw: z.strictObject({ name: storable().max(64), reason: storable().max(500) }),
  /** Conversations on team captures (lib/schema/discussion.ts, issue 11). */
  ...DiscussionMutationArgs,
} as const;

/** Args of mutation `N` as a client writes them (before parsing: optional fields may be absent). */
export type MutationArgsOf<N extends keyof typeof MutationArgs> = z.input<(typeof MutationArgs)[N]>;

/** Every mutation name the server accepts. */
export const MUTATION_NAMES = Object.keys(MutationArgs) as Array<keyof typeof MutationArgs>;
export const MutationName = z.enum(MUTATION_NAMES as [keyof typeof MutationArgs, ...Array<keyof typeof MutationArgs>]);
export type MutationName = z.infer<typeof MutationName>;

/**
 * One outbox item on the wire. `args` is checked per mutation *inside* the push (a bad one is
 * acknowledged `rejected:invalid` and does not fail the batch), so here it is any JSON object.
 */
export const WireMutation = z.strictObject({
  /** per device, starts at 1, contiguous */
  seq: z.number().int().positive(),
  mutationId: Uuid7,
  /** Unknown names are acknowledged `rejected:invalid`, not a 400 (an old server must not wedge a newer client). */
  name: storable().min(1).max(64),
  args: z.record(z.string(), z.unknown()),
  /** epoch ms, client clock; diagnostics only */
  clientTs: z.number().int(),
});
export type WireMutation = z.infer<typeof WireMutation>;

/** `POST /v1/sync/push` body. `deviceId` must be the token's device (else 403). */
export const PushRequest = z.strictObject({
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  deviceId: Uuid7,
  mutations: z.array(WireMutation),
});
export type PushRequest = z.infer<typeof PushRequest>;

/** Outcome of one mutation (docs/sync-protocol.md 3.4). */
export const MutationStatus = z.enum(['applied', 'applied_with_conflict', 'noop', 'gone', 'not_found', 'rejected']);
export type MutationStatus = z.infer<typeof MutationStatus>;

/** Reason codes: `rejected:{invalid|forbidden|id_conflict|scope_mismatch|withdrawn}`; `noop:merged` (same post already saved). */
export const ResultCode = z.enum(['invalid', 'forbidden', 'id_conflict', 'scope_mismatch', 'merged', 'withdrawn']);

export const PushResult = z.strictObject({
  seq: z.number().int(),
  status: MutationStatus,
  code: ResultCode.optional(),
  /** true when `(deviceId, seq)` was already processed; `status` is the recorded one. */
  duplicate: z.boolean().optional(),
  /**
   * `createCapture` of a post the scope already holds under another id (two devices saved it
   * offline): the content was merged into `canonicalId`, later mutations naming the new id are
   * redirected there, and the client should drop its row and take the canonical one from pull.
   */
  canonicalId: Uuid7.optional(),
});
export type PushResult = z.infer<typeof PushResult>;

/** `200` (and `503` partial) body of push. */
export const PushResponse = z.strictObject({
  lastMutationSeq: z.number().int(),
  results: z.array(PushResult),
});
export type PushResponse = z.infer<typeof PushResponse>;

/** `POST /v1/sync/pull` body. `cookie` null = initial pull (a full snapshot, no tombstones). */
export const PullRequest = z.strictObject({
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  deviceId: Uuid7,
  cookie: storable().max(8192).nullable(),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
});
export type PullRequest = z.infer<typeof PullRequest>;

/** A scope the user can read, with their role (and the team name). */
export const ScopeInfo = z.strictObject({
  id: ScopeId,
  role: z.enum(['owner', 'editor', 'viewer']),
  name: storable().optional(),
});

/** Pull response (docs/sync-protocol.md 3.5). */
export const PullResponse = z.strictObject({
  /** opaque; send back as is */
  cookie: storable(),
  hasMore: z.boolean(),
  lastMutationSeq: z.number().int(),
  scopes: z.array(ScopeInfo),
  /** scopes the client must purge (access lost, or a forged cookie) */
  revokedScopes: z.array(storable()),
  /** scopes whose cursor is older than tombstone GC: wipe synced rows (never the outbox) and take the snapshot */
  resetScopes: z.array(storable()),
  changes: z.array(SyncChange),
});
export type PullResponse = z.infer<typeof PullResponse>;

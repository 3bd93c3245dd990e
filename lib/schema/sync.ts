/**
 * Sync wire types (docs/sync-protocol.md 3.3–3.5): the outbox mutations, the push and pull envelopes and the
 * records a pull returns. The server validates requests with these; the client validates
 * responses with them. Every object is strict: unknown keys are refused (mass assignment, S3).
 */
import { z } from 'zod';
import { storable } from './storable';
import { CaptureDraft, FollowUp, Intent, ScopeId } from './capture';

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

/** RFC 9562 version-7 UUID (client-generated id). The embedded time is never checked (clock skew, C8). */
export const Uuid7 = z.uuidv7();

/** A raw tag as sent by a client; the server normalises it with `tagKey` (lib/schema/tag.ts). */
export const WireTag = storable().min(1).max(256);

/** Collection name: 1–200 characters after trimming. */
export const CollectionName = storable().trim().min(1).max(200);

/**
 * The scalar library fields `updateCapture.set` may change, each last-writer-wins per field in
 * server order (docs/sync-protocol.md 3.7). This list is the contract with the client (lib/db): a field not
 * listed here is refused (`rejected:invalid`). `note` also keeps a `NoteConflict` when the
 * writer's `baseVersion` is stale.
 */
export const UPDATE_CAPTURE_FIELDS = ['intent', 'note', 'title', 'reviewedAt', 'archivedAt', 'reflection', 'followUp'] as const;
/** One name of {@link UPDATE_CAPTURE_FIELDS}. */
export type UpdateCaptureField = (typeof UPDATE_CAPTURE_FIELDS)[number];

/** Values of the `updateCapture.set` fields. All nullable (null clears the field); epoch ms are client clock, display only. */
export const CaptureFieldSet = z
  .strictObject({
    intent: Intent.nullable(),
    note: storable().max(20_000).nullable(),
    title: storable().max(512).nullable(),
    reviewedAt: z.number().int().nullable(),
    archivedAt: z.number().int().nullable(),
    reflection: storable().max(20_000).nullable(),
    followUp: FollowUp.nullable(),
  })
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
  }),
  /**
   * The client gives up on its own mutation at this `seq` after the server failed on it again and
   * again with a 500 (docs/sync-protocol.md 3.4 "Poison the client isolates"). Nothing is applied; the
   * server records `rejected:withdrawn` and the device's seq moves on. `name` is the withdrawn
   * mutation's name and `reason` what the client saw, both for the server's dead-letter log; the
   * withdrawn payload itself stays on the device, in its refused list.
   */
  withdraw: z.strictObject({ name: storable().max(64), reason: storable().max(500) }),
} as const;

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

/** A capture as the server holds it: the whole draft plus library and server fields. */
export const SyncCapture = CaptureDraft.extend({
  id: Uuid7,
  scopeId: ScopeId,
  /** `<platform>:<postId>`, unique among live captures of a scope */
  key: storable().max(600),
  /** server-set: the creator (in a team scope: who shared it) */
  ownerUserId: storable(),
  /** set on a shared copy */
  sourceCaptureId: Uuid7.nullable(),
  capturedAt: z.number().int(),
  intent: Intent.nullable(),
  note: storable().max(20_000).nullable(),
  /** version at which `note` last changed */
  noteVersion: z.number().int(),
  reviewedAt: z.number().int().nullable(),
  archivedAt: z.number().int().nullable(),
  reflection: storable().max(20_000).nullable(),
  followUp: FollowUp.nullable(),
  /** epoch ms, server clock: a `completeCapture` made it fuller */
  completedAt: z.number().int().nullable(),
  version: z.number().int(),
  /** epoch ms, server clock */
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type SyncCapture = z.infer<typeof SyncCapture>;

export const SyncCaptureTag = z.strictObject({ captureId: Uuid7, tag: storable() });
export const SyncCollection = z.strictObject({ id: Uuid7, scopeId: ScopeId, name: storable(), createdBy: storable(), version: z.number().int() });
export const SyncCollectionItem = z.strictObject({ collectionId: Uuid7, captureId: Uuid7, addedBy: storable() });
export const SyncNoteConflict = z.strictObject({
  id: storable(),
  captureId: Uuid7,
  scopeId: ScopeId,
  overwrittenNote: storable().nullable(),
  overwrittenByDeviceId: storable(),
  winningVersion: z.number().int(),
  version: z.number().int(),
  createdAt: z.number().int(),
  resolvedAt: z.number().int().nullable(),
});

/** Entities a pull carries. Keys: capture/collection/noteConflict `id`; captureTag `captureId|tag`; collectionItem `collectionId|captureId`. */
export const SyncEntity = z.enum(['capture', 'captureTag', 'collection', 'collectionItem', 'noteConflict']);
export type SyncEntity = z.infer<typeof SyncEntity>;

/** One change in a pull page: `put` carries the whole row, `del` only the key. */
export const SyncChange = z.strictObject({
  entity: SyncEntity,
  scopeId: ScopeId,
  version: z.number().int(),
  key: storable(),
  op: z.enum(['put', 'del']),
  value: z.unknown().optional(),
});
export type SyncChange = z.infer<typeof SyncChange>;

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

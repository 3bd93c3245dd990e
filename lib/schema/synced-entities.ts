/**
 * The ONE source of truth for what a pull carries (docs/adding-a-synced-entity.md): every synced
 * entity, its record schema and how its key is made. `SyncChange` (the typed pull change), the
 * server's pull (server/src/sync/pull.ts), the client's pull step (lib/db/sync/) and the matrix
 * tests are all built from or checked against {@link SYNC_ENTITIES}: an entity missing from one of
 * them fails a test.
 */
import { z } from 'zod';
import { storable } from './storable';
import { CaptureDraft, Intent, ScopeId } from './capture';
import { Uuid7 } from './ids';
import { libraryShape } from './library-fields';
import { reactionKey, SyncComment, SyncReaction } from './discussion';

/** A capture as the server holds it: the whole draft, the library fields (lib/schema/library-fields.ts) and server fields. */
export const SyncCapture = CaptureDraft.extend({
  ...libraryShape,
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
  /** version at which `note` last changed */
  noteVersion: z.number().int(),
  /** the comment pinned as the answer of a "question to discuss" (`markAnswered`), else null */
  answerCommentId: Uuid7.nullable(),
  /** epoch ms, server clock: a `completeCapture` made it fuller */
  completedAt: z.number().int().nullable(),
  version: z.number().int(),
  /** epoch ms, server clock */
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type SyncCapture = z.infer<typeof SyncCapture>;

export const SyncCaptureTag = z.strictObject({ captureId: Uuid7, tag: storable() });
export type SyncCaptureTag = z.infer<typeof SyncCaptureTag>;
export const SyncCollection = z.strictObject({ id: Uuid7, scopeId: ScopeId, name: storable(), createdBy: storable(), version: z.number().int() });
export type SyncCollection = z.infer<typeof SyncCollection>;
export const SyncCollectionItem = z.strictObject({ collectionId: Uuid7, captureId: Uuid7, addedBy: storable() });
export type SyncCollectionItem = z.infer<typeof SyncCollectionItem>;
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
export type SyncNoteConflict = z.infer<typeof SyncNoteConflict>;
export { SyncComment, SyncReaction };

/**
 * How one entity travels in a pull.
 * - `value`: the record schema of a `put` (a `del` carries only the key).
 * - `key`: the change key made from a record (captureTag `captureId|tag`, collectionItem
 *   `collectionId|captureId`, reaction `targetId|userId|kind`, others their `id`).
 * - `kind`: `row` = a record with its own id and tombstone; `element` = a present/absent fact about
 *   a row (applied after rows in a page, parked until its row arrives).
 */
export interface SyncEntitySpec<V extends z.ZodType = z.ZodType> {
  value: V;
  key: (v: z.infer<V>) => string;
  kind: 'row' | 'element';
}

const entity = <V extends z.ZodType>(value: V, key: (v: z.infer<V>) => string, kind: 'row' | 'element'): SyncEntitySpec<V> => ({ value, key, kind });

/** Every synced entity. Adding one: a row here, then docs/adding-a-synced-entity.md. */
export const SYNC_ENTITIES = {
  capture: entity(SyncCapture, (v) => v.id, 'row'),
  captureTag: entity(SyncCaptureTag, (v) => `${v.captureId}|${v.tag}`, 'element'),
  collection: entity(SyncCollection, (v) => v.id, 'row'),
  collectionItem: entity(SyncCollectionItem, (v) => `${v.collectionId}|${v.captureId}`, 'element'),
  noteConflict: entity(SyncNoteConflict, (v) => v.id, 'row'),
  comment: entity(SyncComment, (v) => v.id, 'row'),
  reaction: entity(SyncReaction, reactionKey, 'element'),
} as const;

/** One entity name. */
export type SyncEntity = keyof typeof SYNC_ENTITIES;
export const SYNC_ENTITY_NAMES = Object.keys(SYNC_ENTITIES) as SyncEntity[];
export const SyncEntity = z.enum(SYNC_ENTITY_NAMES as [SyncEntity, ...SyncEntity[]]);

/** The record type of entity `E`. */
export type SyncValue<E extends SyncEntity> = z.infer<(typeof SYNC_ENTITIES)[E]['value']>;

const changeBase = { scopeId: ScopeId, version: z.number().int(), key: storable() };

/** The change schema of one entity: a `put` with its typed record, or a `del` with only the key. */
function changeOf<E extends SyncEntity>(name: E) {
  const value = SYNC_ENTITIES[name].value as (typeof SYNC_ENTITIES)[E]['value'];
  return z.discriminatedUnion('op', [
    z.strictObject({ entity: z.literal(name), ...changeBase, op: z.literal('put'), value }),
    z.strictObject({ entity: z.literal(name), ...changeBase, op: z.literal('del') }),
  ]);
}

/** A change of entity `E` in a pull page. */
export type SyncChangeOf<E extends SyncEntity> =
  | { entity: E; scopeId: string; version: number; key: string; op: 'put'; value: SyncValue<E> }
  | { entity: E; scopeId: string; version: number; key: string; op: 'del' };

/** One change in a pull page, typed by entity: `put` carries the whole record, `del` only the key. */
export type SyncChange = { [E in SyncEntity]: SyncChangeOf<E> }[SyncEntity];

/** Validates one pull change against its entity's record schema (a discriminated union on `entity`, then `op`). */
export const SyncChange = z.discriminatedUnion(
  'entity',
  SYNC_ENTITY_NAMES.map((n) => changeOf(n)) as unknown as [ReturnType<typeof changeOf<'capture'>>, ...Array<ReturnType<typeof changeOf<SyncEntity>>>],
) as unknown as z.ZodType<SyncChange>;

/**
 * The pull dispatcher: one applier per lib/schema `SYNC_ENTITIES` name. The table's type makes a
 * new entity without an applier a compile error (docs/adding-a-synced-entity.md), and each
 * applier gets its change typed from `SyncChangeOf<E>` (validated by the transport's zod parse).
 */
import { SYNC_ENTITIES, type SyncChange, type SyncChangeOf, type SyncEntity } from '../../schema/synced-entities';
import type { ApplyCtx } from './context';
import { applyCapture, applyNoteConflict } from './apply-capture';
import { applyCaptureTag, applyCollectionItem } from './apply-elements';
import { applyCollection } from './apply-collection';
import { applyComment, applyReaction } from './apply-discussion';

/** An applier of entity `E`'s changes, inside the pull page's rw transaction. */
export type Applier<E extends SyncEntity> = (c: SyncChangeOf<E>, ctx: ApplyCtx) => Promise<void>;

/** Every entity's applier. */
export const APPLY: { [E in SyncEntity]: Applier<E> } = {
  capture: applyCapture,
  captureTag: applyCaptureTag,
  collection: applyCollection,
  collectionItem: applyCollectionItem,
  noteConflict: applyNoteConflict,
  comment: applyComment,
  reaction: applyReaction,
};

/** Applies one change with its entity's applier. */
export function applyChange<E extends SyncEntity>(c: SyncChangeOf<E>, ctx: ApplyCtx): Promise<void> {
  const apply: Applier<E> = APPLY[c.entity];
  return apply(c, ctx);
}

/** True for a row's change (a record with its own id), false for an element's (applied after rows, parked until its row arrives). */
export const isRowChange = (c: SyncChange): boolean => SYNC_ENTITIES[c.entity].kind === 'row';

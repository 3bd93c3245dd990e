/**
 * The ONE list of a capture's synced library fields (docs/adding-a-synced-entity.md): the learner's
 * (or, in a team, the sharer's) own fields on a capture, each changed by `updateCapture.set`,
 * last-writer-wins per field in server order (docs/sync-protocol.md 3.7).
 *
 * Everything else derives from this table: the wire `CaptureFieldSet` and the library part of
 * `SyncCapture` (lib/schema/sync.ts), the server's column mapping (server/src/sync/capture-row.ts),
 * the client's pull/rollback shadow (lib/db/sync/) and its outbox writer (lib/db/capture-writes.ts).
 * Adding a field = one row here + one server migration adding `column`.
 */
import { z } from 'zod';
import { storable } from './storable';
import { FollowUp, Intent } from './capture';

/** How a field is stored on the server: its own column (`json` = JSON text), or inside the post content (`title`). */
export interface LibraryFieldSpec<S extends z.ZodType = z.ZodType> {
  /** the value, always nullable (null clears the field) */
  schema: S;
  /** server column of the `captures` table, or `content` for a field of the stored post draft */
  column: string;
  /** the column holds JSON text of the value */
  json?: boolean;
}

const spec = <S extends z.ZodType>(schema: S, column: string, json = false): LibraryFieldSpec<S> => ({ schema, column, json });

/**
 * Field name → spec. Order is the wire order. `note` is special on the server: it also keeps a
 * `NoteConflict` when the writer's `baseVersion` is stale (docs/sync-protocol.md 3.3).
 */
export const LIBRARY_FIELDS = {
  intent: spec(Intent.nullable(), 'intent'),
  note: spec(storable().max(20_000).nullable(), 'note'),
  title: spec(storable().max(512).nullable(), 'content'),
  reviewedAt: spec(z.number().int().nullable(), 'reviewed_at'),
  archivedAt: spec(z.number().int().nullable(), 'archived_at'),
  reflection: spec(storable().max(20_000).nullable(), 'reflection'),
  followUp: spec(FollowUp.nullable(), 'follow_up_json', true),
  /**
   * epoch ms, client clock: when the learner last copied a "Start a conversation" prompt for this
   * capture (issue 11), else null. Display and team insight only.
   */
  conversationStartedAt: spec(z.number().int().nullable(), 'conversation_started_at'),
} as const;

/** One library field name. */
export type LibraryField = keyof typeof LIBRARY_FIELDS;
/** The library field names, in wire order. */
export const LIBRARY_FIELD_NAMES = Object.keys(LIBRARY_FIELDS) as LibraryField[];
/** Value type of each library field. */
export type LibraryValues = { [K in LibraryField]: z.infer<(typeof LIBRARY_FIELDS)[K]['schema']> };

/** `{field: schema}` of every library field, for building zod objects. */
export const libraryShape = Object.fromEntries(LIBRARY_FIELD_NAMES.map((k) => [k, LIBRARY_FIELDS[k].schema])) as {
  [K in LibraryField]: (typeof LIBRARY_FIELDS)[K]['schema'];
};

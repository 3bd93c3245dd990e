import { Dexie, type Table, type DBCore, type DBCoreMutateRequest } from 'dexie';
import type { Capture, Collection } from '../schema';
import type { MutationName as SchemaMutationName } from '../schema/sync';

/** Name of the extension's one IndexedDB database. Only composition roots open it. */
export const DB_NAME = 'satchel';

/** Scope of captures made before any sign-in (docs/sync-protocol.md 3.1). Sync (issue 4) re-homes them later. */
export const LOCAL_SCOPE = 'personal:local';

/**
 * Review stage of a capture, derived from its fields on every write (see {@link stageOf}) and
 * indexed so the popup counts what waits for review without reading rows. Never returned by
 * reads (stripped by a reading hook), never exported, never synced.
 */
export type Stage = 'unreviewed' | 'reviewed' | 'archived' | 'deleted';

/** The stage of a capture: deleted > archived > reviewed > unreviewed. Pure. */
export function stageOf(c: Pick<Capture, 'deletedAt' | 'archivedAt' | 'reviewedAt'>): Stage {
  if (c.deletedAt !== null && c.deletedAt !== undefined) return 'deleted';
  if (c.archivedAt !== null && c.archivedAt !== undefined) return 'archived';
  if (c.reviewedAt !== null && c.reviewedAt !== undefined) return 'reviewed';
  return 'unreviewed';
}

/** A stored capture row: exactly the `lib/schema` {@link Capture}. Primary key `id` (UUIDv7). */
export type CaptureRow = Capture;

/** A collection row: exactly the `lib/schema` {@link Collection}. Primary key `id` (UUIDv7). */
export type CollectionRow = Collection;

/**
 * The display spelling of a tag in a scope (device-local; not synced: the wire carries only the
 * key, docs/sync-protocol.md 3.2). Primary key `[scopeId+key]`. Written with the captures that use the tag.
 */
export interface TagRow {
  scopeId: string;
  /** lib/schema `tagKey` of the label. */
  key: string;
  /** First spelling the learner used (or the one set by `renameTag`). */
  label: string;
  /** epoch ms, client clock */
  createdAt: number;
}

/**
 * Outbox mutation names: exactly lib/schema `MUTATION_NAMES` (docs/sync-protocol.md 3.3, plus
 * `completeCapture`, the discussion mutations of issue 11 and the sync-only `withdraw`).
 */
export type MutationName = SchemaMutationName;

/**
 * One pending change for the server (docs/sync-protocol.md 3.3). Written in the same rw transaction as the row
 * change it describes (see lib/db/mutations.ts), deleted by sync once the server acknowledges it.
 * The outbox is append-only for writers: `seq` must stay contiguous (docs/sync-protocol.md 3.4 `seq_gap`), so
 * nothing but sync ever deletes a row (undo emits compensating mutations instead, lib/db/delete.ts).
 */
export interface OutboxRow {
  /** Per-device, monotonic, from the IndexedDB key generator (`++seq`); absent before insert. */
  seq?: number;
  /** UUIDv7, globally unique (`&mutationId`), lets the server detect seq reuse after a restore. */
  mutationId: string;
  name: MutationName;
  /** Mutation arguments as docs/sync-protocol.md 3.3 lists them for `name`; plain JSON. */
  args: Record<string, unknown>;
  /** epoch ms, client clock; diagnostics only. */
  clientTs: number;
}

/**
 * What the server says about a synced capture that the local row does not carry (docs/sync-protocol.md 3.2):
 * its version (the `baseVersion` of the next `updateCapture`), who owns it (in a team: who shared
 * it) and, for a shared copy, the capture it was copied from. Primary key: the capture id.
 */
export interface SyncMetaRow {
  id: string;
  /** local scope id (`personal:local` for the signed-in user's own scope) */
  scopeId: string;
  version: number;
  noteVersion: number;
  ownerUserId: string;
  sourceCaptureId: string | null;
  /**
   * The server's values of the library fields, tag keys and collection ids, as last pulled: what a
   * refused local change is rolled back to (docs/sync-protocol.md 3.9 "shadow rows"), since no pull would
   * otherwise resend a row the server did not change.
   */
  server?: { fields: Record<string, unknown>; tags: string[]; collectionIds: string[] };
}

/** A note another device overwrote (docs/sync-protocol.md 3.2 `NoteConflict`), shown as "replaced note". */
export interface NoteConflictRow {
  id: string;
  captureId: string;
  scopeId: string;
  overwrittenNote: string | null;
  overwrittenByDeviceId: string;
  winningVersion: number;
  version: number;
  /** epoch ms, server clock */
  createdAt: number;
  resolvedAt: number | null;
}

/**
 * A comment on a team capture (issue 11; lib/schema `SyncComment`). Written locally when the learner
 * comments (pending until pushed) and by pull. Primary key `id` (UUIDv7).
 */
export interface CommentRow {
  id: string;
  /** local scope id (a team scope) */
  scopeId: string;
  captureId: string;
  /** the top-level comment this replies to, or null */
  parentId: string | null;
  authorUserId: string;
  body: string;
  /** user ids mentioned */
  mentions: string[];
  /** epoch ms: server clock once pulled, client clock while pending */
  createdAt: number;
  editedAt: number | null;
}

/** One person's reaction of one kind (issue 11; lib/schema `SyncReaction`). Primary key `[targetId+userId+kind]`. */
export interface ReactionRow {
  targetKind: 'capture' | 'comment';
  targetId: string;
  captureId: string;
  scopeId: string;
  userId: string;
  kind: 'useful' | 'tried' | 'thanks';
  /** epoch ms */
  createdAt: number;
}

/** A mutation the server acknowledged without applying it (gone, not_found, rejected), kept so nothing is lost. */
export interface RejectedRow {
  mutationId: string;
  /** the wire seq it was pushed with */
  seq: number;
  name: string;
  args: Record<string, unknown>;
  /** the scope it targeted, when the args name one */
  scopeId: string | null;
  status: string;
  code: string | null;
  /** Why the client withdrew it (code `withdrawn`), in words a person reads; absent for the server's refusals. */
  reason?: string;
  /** epoch ms, client clock */
  at: number;
}

/**
 * An import that has started and not finished (issue 12; lib/db/import-jobs.ts). Primary key `id`.
 * Deleted with its rows once every row is stored, or when the learner discards it.
 */
export interface ImportJobRow {
  id: string;
  /** Name of the file the learner chose (shown in "Import of <file> stopped at …"). */
  fileName: string;
  /** lib/import `ImportFormat` of the file. */
  format: string;
  /** Scope the rows go into. */
  scopeId: string;
  /** Rows in the file (after those left out). */
  total: number;
  /** Rows stored so far (a multiple of the chunk size, or `total`). */
  done: number;
  /** The collections the rows refer to (created by name when the import stores them). */
  collections: Collection[];
  /** epoch ms, client clock */
  startedAt: number;
}

/**
 * A block of an {@link ImportJobRow}'s rows, in file order: block `n` holds rows
 * `n * IMPORT_BLOCK` … (lib/db/import-jobs.ts). Primary key `[jobId+n]`. Blocks, not one record per
 * row: 10,000 records cost Chromium's IndexedDB seconds to write, read back and delete.
 */
export interface ImportRowRow {
  jobId: string;
  n: number;
  captures: Capture[];
}

/** Small device-local settings and sync state (deviceId, cookie, backoff, lastError, undo records...). */
export interface KvRow {
  key: string;
  value: unknown;
}

/** Fills the fields version 2 added (null = not set). Used by the upgrade and by imports of old rows. */
export function withV2Fields<T extends Partial<Capture>>(c: T): T & Pick<Capture, 'deletedAt' | 'reviewedAt' | 'archivedAt' | 'reflection' | 'followUp'> {
  return { ...c, deletedAt: c.deletedAt ?? null, reviewedAt: c.reviewedAt ?? null, archivedAt: c.archivedAt ?? null, reflection: c.reflection ?? null, followUp: c.followUp ?? null };
}

/** DBCore middleware: every add/put into `captures` also stores the derived, indexed `stage`. */
function stageMiddleware(down: DBCore): DBCore {
  return {
    ...down,
    table(name) {
      const table = down.table(name);
      if (name !== 'captures') return table;
      return {
        ...table,
        mutate(req: DBCoreMutateRequest) {
          if (req.type === 'add' || req.type === 'put') {
            const values = req.values.map((v) => ({ ...(v as Capture), stage: stageOf(v as Capture) }));
            return table.mutate({ ...req, values } as DBCoreMutateRequest);
          }
          return table.mutate(req);
        },
      };
    },
  };
}

/**
 * The Satchel database (Dexie 4). The name is a constructor parameter so tests open fresh
 * databases; the app singleton (`new SatchelDb(DB_NAME)`) is created only in entrypoints.
 *
 * Tables (version 2):
 * - `captures`: primary key `id` (UUIDv7, never `++id`); `&[scopeId+key]` makes a post unique
 *   per scope (`key` = `<platform>:<postId>`, tombstones included: re-saving a deleted post
 *   replaces its tombstone, lib/db/mutations.ts); `[scopeId+capturedAt]` serves newest-first
 *   listing; `[scopeId+stage+capturedAt]` the review queue and its count; `*tags` and
 *   `*collectionIds` (multi-entry) tag/collection lookups for rename, merge and delete;
 *   `followUp.dueAt` the due "Did you try it?" questions.
 * - `collections`: primary key `id` (UUIDv7), by `scopeId`.
 * - `tags`: display spelling per `[scopeId+key]` (device-local).
 * - `outbox`: `++seq` (monotonic, never reused) and unique `mutationId` (docs/sync-protocol.md 3.2);
 *   `args.id` (version 5) the row a mutation names, for the pending marks of a discussion page.
 * - `kv`: key/value state and settings (`followUpDelayMs`, undo records `undo:<token>`).
 *
 * Version 1 rows keep working: the version 2 upgrade fills the new capture fields with null,
 * collections with `inbox: false, deletedAt: null`, and the `tags` table from existing tags.
 */
export class SatchelDb extends Dexie {
  captures!: Table<CaptureRow, string>;
  collections!: Table<CollectionRow, string>;
  tags!: Table<TagRow, [string, string]>;
  outbox!: Table<OutboxRow, number>;
  kv!: Table<KvRow, string>;
  syncMeta!: Table<SyncMetaRow, string>;
  noteConflicts!: Table<NoteConflictRow, string>;
  rejected!: Table<RejectedRow, string>;
  comments!: Table<CommentRow, string>;
  reactions!: Table<ReactionRow, [string, string, string]>;
  importJobs!: Table<ImportJobRow, string>;
  importRows!: Table<ImportRowRow, [string, number]>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      captures: 'id, &[scopeId+key], [scopeId+capturedAt], scopeId, key, updatedAt',
      collections: 'id, scopeId, [scopeId+name]',
      outbox: '++seq, &mutationId',
      kv: 'key',
    });
    this.version(2)
      .stores({
        captures: 'id, &[scopeId+key], [scopeId+capturedAt], [scopeId+stage+capturedAt], scopeId, key, updatedAt, *tags, *collectionIds, followUp.dueAt',
        collections: 'id, scopeId, [scopeId+name]',
        tags: '[scopeId+key], scopeId',
        outbox: '++seq, &mutationId',
        kv: 'key',
      })
      .upgrade(async (tx) => {
        const labels = new Map<string, { scopeId: string; key: string; label: string; createdAt: number }>();
        await tx.table('captures').toCollection().modify((c: Capture & { stage?: Stage }) => {
          Object.assign(c, withV2Fields(c));
          c.stage = stageOf(c);
          for (const t of c.tags ?? []) {
            const k = `${c.scopeId}\u0000${t.toLowerCase()}`;
            if (!labels.has(k)) labels.set(k, { scopeId: c.scopeId, key: t.toLowerCase(), label: t, createdAt: c.capturedAt });
          }
        });
        await tx.table('collections').toCollection().modify((c: Partial<Collection>) => {
          c.inbox = c.inbox ?? false;
          c.deletedAt = c.deletedAt ?? null;
        });
        await tx.table('tags').bulkPut([...labels.values()]);
      });
    // Version 3 (sync, issue 4): server facts about synced rows, overwritten notes kept as
    // conflicts (docs/sync-protocol.md 3.7), and mutations the server refused, kept with their payloads (3.9).
    this.version(3).stores({
      syncMeta: 'id, scopeId',
      noteConflicts: 'id, captureId, scopeId',
      rejected: 'mutationId, seq, scopeId',
    });
    // Version 4 (issue 11): conversations on team captures. Comments by capture (thread), scope
    // (purge, What's new) and time; reactions by target and capture.
    this.version(4).stores({
      comments: 'id, captureId, scopeId, parentId, createdAt, [scopeId+createdAt]',
      reactions: '[targetId+userId+kind], targetId, captureId, scopeId',
    });
    // Version 5 (discussion-open benchmark, docs/discussion.md "Reading a page"): the newest
    // top-level comments of a capture by `[captureId+createdAt]`, and the outbox by `args.id`, so
    // "Not sent yet" asks only about the comments on screen.
    this.version(5).stores({
      comments: 'id, captureId, scopeId, parentId, createdAt, [scopeId+createdAt], [captureId+createdAt]',
      outbox: '++seq, &mutationId, args.id',
    });
    // Version 6 (issue 12): an import in progress, so one that stopped (tab closed, crash) can be
    // resumed without the file: the job (file name, format, total, done, collections) and its rows
    // in file order (lib/db/import-jobs.ts). Device-local, never synced.
    this.version(6).stores({
      importJobs: 'id',
      importRows: '[jobId+n], jobId',
    });
    this.use({ stack: 'dbcore', name: 'stage', create: stageMiddleware });
    // `stage` is an index helper only: hide it from every read so rows equal lib/schema Capture.
    this.captures.hook('reading', (row: CaptureRow & { stage?: Stage }) => {
      if (row && 'stage' in row) {
        const { stage: _s, ...rest } = row;
        return rest as CaptureRow;
      }
      return row;
    });
  }
}

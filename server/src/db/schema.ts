/**
 * Kysely table types: the one query layer for SQLite and PostgreSQL. Column names are snake_case
 * (docs/sync-protocol.md 3.2). Portable choices: times are epoch ms in BIGINT, booleans are INTEGER 0/1, JSON is
 * TEXT, hashes are hex TEXT. `BIGINT` comes back as a JS number on both stores (see open-store.ts).
 */
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  /** lowercased */
  email: string;
  display_name: string;
  /** argon2id PHC string */
  password_hash: string;
  created_at: number;
}

export interface ScopesTable {
  /** `personal:<userId>` or `team:<teamId>` */
  id: string;
  kind: 'personal' | 'team';
  name: string | null;
  /** per-scope change counter; taken under the scope row lock so version order = commit order */
  version: Generated<number>;
  /** tombstone GC horizon: cursors below it get `resetScopes` */
  purged_through_version: Generated<number>;
  created_at: number;
}

export interface TeamsTable {
  id: string;
  scope_id: string;
  name: string;
  created_by: string;
  created_at: number;
}

export interface MembershipsTable {
  scope_id: string;
  user_id: string;
  role: 'owner' | 'editor' | 'viewer';
  created_at: number;
  /** 1 = may be named in spotlights (digest credit, member pages); 0 = opted out (issue 11) */
  spotlight: Generated<number>;
}

export interface DevicesTable {
  /** client-generated UUIDv7 */
  id: string;
  user_id: string;
  name: string;
  /** public part of the token, for lookup */
  token_id: string;
  /** hex SHA-256 of the token secret; never the plaintext */
  token_hash: string;
  /** never reset, never GC'd (docs/sync-protocol.md 3.10) */
  last_mutation_seq: Generated<number>;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
}

export interface InvitesTable {
  id: string;
  /** hex SHA-256 of the invite code */
  code_hash: string;
  team_id: string;
  role: 'editor' | 'viewer';
  created_by: string;
  created_at: number;
  expires_at: number;
  uses: Generated<number>;
  /** uses allowed (migration 002; 1 = single-use). An invite with `uses >= max_uses` admits nobody. */
  max_uses: Generated<number>;
  /** set when an owner revoked it (migration 002); a revoked invite admits nobody */
  revoked_at: number | null;
  revoked_by: string | null;
}

/**
 * A user an invite must not admit (migration 002): written for every still-usable invite of a team
 * when an owner removes that user, so a removed member cannot come back with an old code.
 */
export interface InviteExclusionsTable {
  invite_id: string;
  user_id: string;
  created_at: number;
}

export interface CapturesTable {
  id: string;
  scope_id: string;
  owner_user_id: string;
  source_capture_id: string | null;
  platform: string;
  /** `<platform>:<postId>`; unique among live captures of a scope */
  post_key: string;
  captured_at: number;
  /** the validated CaptureDraft as JSON (the whole post) */
  content_json: string;
  intent: string | null;
  note: string | null;
  note_version: number;
  reflection: string | null;
  reviewed_at: number | null;
  archived_at: number | null;
  /** FollowUp JSON or null */
  follow_up_json: string | null;
  version: number;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
  deleted_at: number | null;
  /** epoch ms, client clock: "Start a conversation" last used (issue 11) */
  conversation_started_at: number | null;
  /** the comment pinned as the answer (`markAnswered`) */
  answer_comment_id: string | null;
}

/** A comment on a capture (issue 11); a tombstone keeps `deleted_at`. */
export interface CommentsTable {
  id: string;
  scope_id: string;
  capture_id: string;
  /** top-level comment this replies to */
  parent_id: string | null;
  author_user_id: string;
  body: string;
  /** JSON array of mentioned user ids */
  mentions_json: string;
  version: number;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
}

/** One person's reaction of one kind on a capture or comment; `present` 0 is its tombstone. */
export interface ReactionsTable {
  target_id: string;
  user_id: string;
  kind: string;
  target_kind: 'capture' | 'comment';
  capture_id: string;
  scope_id: string;
  present: number;
  version: number;
  created_at: number;
}

/** A capture id that was merged into another (same post saved offline on two devices). */
export interface CaptureAliasesTable {
  id: string;
  capture_id: string;
  scope_id: string;
  created_at: number;
}

export interface CaptureTagsTable {
  capture_id: string;
  /** tag key (lib/schema tagKey) */
  tag: string;
  scope_id: string;
  present: number;
  version: number;
}

export interface CollectionsTable {
  id: string;
  scope_id: string;
  name: string;
  created_by: string;
  version: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface CollectionItemsTable {
  collection_id: string;
  capture_id: string;
  scope_id: string;
  present: number;
  added_by: string;
  version: number;
}

export interface NoteConflictsTable {
  id: string;
  capture_id: string;
  scope_id: string;
  overwritten_note: string | null;
  overwritten_by_device_id: string;
  winning_version: number;
  version: number;
  created_at: number;
  resolved_at: number | null;
}

export interface MutationLogTable {
  device_id: string;
  seq: number;
  mutation_id: string;
  name: string;
  status: string;
  code: string | null;
  /** kept for rejected / gone / not_found / conflict outcomes */
  payload_json: string | null;
  /** `noop:merged` outcomes: the capture the new id was merged into (answered again on duplicates) */
  canonical_id: string | null;
  created_at: number;
}

/** Server dead-letter queue: payloads of mutations that were not applied (never GC'd with the log). */
export interface DeadLettersTable {
  id: string;
  user_id: string;
  device_id: string;
  seq: number;
  mutation_id: string;
  name: string;
  status: string;
  code: string | null;
  payload_json: string;
  created_at: number;
}

export interface AuditLogTable {
  id: string;
  actor_user_id: string;
  action: string;
  scope_id: string | null;
  target: string | null;
  created_at: number;
}

/** The whole database, for `Kysely<DB>`. */
export interface DB {
  users: UsersTable;
  scopes: ScopesTable;
  teams: TeamsTable;
  memberships: MembershipsTable;
  devices: DevicesTable;
  invites: InvitesTable;
  invite_exclusions: InviteExclusionsTable;
  captures: CapturesTable;
  capture_aliases: CaptureAliasesTable;
  capture_tags: CaptureTagsTable;
  collections: CollectionsTable;
  collection_items: CollectionItemsTable;
  note_conflicts: NoteConflictsTable;
  comments: CommentsTable;
  reactions: ReactionsTable;
  mutation_log: MutationLogTable;
  dead_letters: DeadLettersTable;
  audit_log: AuditLogTable;
}

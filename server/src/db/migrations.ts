/**
 * Versioned migrations, the same for SQLite and PostgreSQL (Kysely schema builder, portable
 * types only). Applied in name order by Kysely's Migrator, which records them in
 * `kysely_migration` and takes a lock (PG) so several replicas starting at once apply each once.
 * Never edit a shipped migration: add `00N_<what>`.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const m001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('scopes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('personal','team')`))
      .addColumn('name', 'text')
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('purged_through_version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope_id', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('memberships')
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner','editor','viewer')`))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('memberships_pk', ['scope_id', 'user_id'])
      .execute();
    await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute();
    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_id', 'text', (c) => c.notNull().unique())
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('last_mutation_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint')
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema.createIndex('devices_user').on('devices').column('user_id').execute();
    await db.schema
      .createTable('invites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('captures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('owner_user_id', 'text', (c) => c.notNull())
      .addColumn('source_capture_id', 'text')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('post_key', 'text', (c) => c.notNull())
      .addColumn('captured_at', 'bigint', (c) => c.notNull())
      .addColumn('content_json', 'text', (c) => c.notNull())
      .addColumn('intent', 'text')
      .addColumn('note', 'text')
      .addColumn('note_version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('reflection', 'text')
      .addColumn('reviewed_at', 'bigint')
      .addColumn('archived_at', 'bigint')
      .addColumn('follow_up_json', 'text')
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('completed_at', 'bigint')
      .addColumn('deleted_at', 'bigint')
      .execute();
    await db.schema.createIndex('captures_scope_version').on('captures').columns(['scope_id', 'version']).execute();
    // One live capture per post per scope; a deleted post may be saved again (new id).
    await db.schema
      .createIndex('captures_scope_post_live')
      .on('captures')
      .columns(['scope_id', 'post_key'])
      .unique()
      .where(sql.ref('deleted_at'), 'is', null)
      .execute();
    await db.schema
      .createTable('capture_aliases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('capture_id', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('capture_tags')
      .addColumn('capture_id', 'text', (c) => c.notNull())
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('present', 'integer', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('capture_tags_pk', ['capture_id', 'tag'])
      .execute();
    await db.schema.createIndex('capture_tags_scope_version').on('capture_tags').columns(['scope_id', 'version']).execute();
    await db.schema
      .createTable('collections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('deleted_at', 'bigint')
      .execute();
    await db.schema.createIndex('collections_scope_version').on('collections').columns(['scope_id', 'version']).execute();
    await db.schema
      .createTable('collection_items')
      .addColumn('collection_id', 'text', (c) => c.notNull())
      .addColumn('capture_id', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('present', 'integer', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('collection_items_pk', ['collection_id', 'capture_id'])
      .execute();
    await db.schema.createIndex('collection_items_scope_version').on('collection_items').columns(['scope_id', 'version']).execute();
    await db.schema.createIndex('collection_items_capture').on('collection_items').column('capture_id').execute();
    await db.schema
      .createTable('note_conflicts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('capture_id', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('overwritten_note', 'text')
      .addColumn('overwritten_by_device_id', 'text', (c) => c.notNull())
      .addColumn('winning_version', 'bigint', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('resolved_at', 'bigint')
      .execute();
    await db.schema.createIndex('note_conflicts_scope_version').on('note_conflicts').columns(['scope_id', 'version']).execute();
    await db.schema
      .createTable('mutation_log')
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('mutation_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('payload_json', 'text')
      .addColumn('canonical_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('mutation_log_pk', ['device_id', 'seq'])
      .execute();
    await db.schema
      .createTable('dead_letters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('mutation_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('dead_letters_user').on('dead_letters').column('user_id').execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('actor_user_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text')
      .addColumn('target', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

/**
 * Invites (issue 10): a use count (`max_uses`, default 1 = single-use; invites made before this
 * migration become single-use, so one already used admits nobody more), revocation, and the
 * users a removed member's old invites must not admit. Self-contained: schema builder only.
 */
const m002: Migration = {
  async up(db: Kysely<unknown>) {
    // One column per statement: SQLite's ALTER TABLE adds one column at a time.
    await db.schema.alterTable('invites').addColumn('max_uses', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.alterTable('invites').addColumn('revoked_at', 'bigint').execute();
    await db.schema.alterTable('invites').addColumn('revoked_by', 'text').execute();
    await db.schema.createIndex('invites_team_created').on('invites').columns(['team_id', 'created_at']).execute();
    await db.schema
      .createTable('invite_exclusions')
      .addColumn('invite_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('invite_exclusions_pk', ['invite_id', 'user_id'])
      .execute();
  },
};

/**
 * Shared rate-limit counters (issue 10; server/src/rate-limit.ts): the table `rate-limiter-flexible`
 * reads and upserts on PostgreSQL, made here so replicas starting together never race to create it.
 * Keys are prefixed and hashed by the limiter; `expire` is epoch ms (null = never). On PostgreSQL the
 * table is UNLOGGED: a check writes no WAL and waits for no fsync, and a crash merely resets the
 * counters. Unused on SQLite, whose single process counts in memory.
 */
const m003: Migration = {
  async up(db: Kysely<unknown>) {
    // `version()` exists on PostgreSQL only; on SQLite the failed probe leaves the transaction usable.
    const onPg = await sql`select version()`.execute(db).then(() => true, () => false);
    await db.schema
      .createTable('rate_limits')
      .$call((b) => (onPg ? b.modifyFront(sql`unlogged`) : b))
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expire', 'bigint')
      .execute();
    await db.schema.createIndex('rate_limits_expire').on('rate_limits').column('expire').execute();
  },
};

/**
 * Conversations and credit (issue 11, docs/discussion.md): comments and reactions as synced rows of a
 * scope (versions from the scope's counter, tombstones like every row), the pinned answer and the
 * "conversation started" field of a capture, and each member's spotlight choice. Indexes by
 * `(scope_id, version)` serve pull; by `(scope_id, created_at)` the digest's date range.
 */
const m004: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('captures').addColumn('conversation_started_at', 'bigint').execute();
    await db.schema.alterTable('captures').addColumn('answer_comment_id', 'text').execute();
    await db.schema.alterTable('memberships').addColumn('spotlight', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.createIndex('captures_scope_created').on('captures').columns(['scope_id', 'created_at']).execute();
    await db.schema
      .createTable('comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('capture_id', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .addColumn('author_user_id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('mentions_json', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('edited_at', 'bigint')
      .addColumn('deleted_at', 'bigint')
      .execute();
    await db.schema.createIndex('comments_scope_version').on('comments').columns(['scope_id', 'version']).execute();
    await db.schema.createIndex('comments_capture').on('comments').column('capture_id').execute();
    await db.schema.createIndex('comments_scope_created').on('comments').columns(['scope_id', 'created_at']).execute();
    await db.schema
      .createTable('reactions')
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('capture_id', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('present', 'integer', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('reactions_pk', ['target_id', 'user_id', 'kind'])
      .execute();
    await db.schema.createIndex('reactions_scope_version').on('reactions').columns(['scope_id', 'version']).execute();
    await db.schema.createIndex('reactions_capture').on('reactions').column('capture_id').execute();
    await db.schema.createIndex('reactions_scope_created').on('reactions').columns(['scope_id', 'created_at']).execute();
  },
};

/** All migrations by name, in order. */
export const MIGRATIONS: Record<string, Migration> = { '001_initial': m001, '002_invite_uses_revocation': m002, '003_rate_limits': m003, '004_discussion': m004 };

/** Kysely migration provider over {@link MIGRATIONS} (no file-system scanning, works under tsx and bundlers). */
export const migrationProvider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * The shared world of the authorisation matrix (server/test/authz-matrix.test.ts): one store with a team
 * (owner, editor, viewer), a stranger and a removed member, and a fresh set of target rows per cell,
 * so every cell of the matrix runs against rows no other cell touched. docs/sync-protocol.md 4 "role table".
 */
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../src/db/schema';
import type { StoreKind } from '../src/db/open-store';
import { Api, draft, setup, type Device, type TestStore } from './harness';

/**
 * Who acts on whose rows, one column of the matrix:
 * - `owner`: the team's owner on an editor's rows;
 * - `editorOwn`: an editor on rows they shared or created;
 * - `editorOther`: an editor on the owner's rows;
 * - `viewer`: a viewer on the owner's rows;
 * - `nonMember`: a user outside the team on the team's rows;
 * - `otherPersonal`: the editor on the owner's PERSONAL rows and scope;
 * - `removed`: a former editor (removed by the owner) on the team's rows.
 *
 * Each cell's rows include a comment by the row owner, so `editorOther` is also "another member's
 * comment" (issue 11). A revoked device has no column: it never reaches a handler (401, see the matrix test).
 */
export const ACTOR_KINDS = ['owner', 'editorOwn', 'editorOther', 'viewer', 'nonMember', 'otherPersonal', 'removed'] as const;
/** One column of the matrix. */
export type ActorKind = (typeof ACTOR_KINDS)[number];

type Who = 'owner' | 'editor' | 'viewer' | 'stranger' | 'removed';
const CAST: Record<ActorKind, { actor: Who; rowOwner: Who; personal: boolean }> = {
  owner: { actor: 'owner', rowOwner: 'editor', personal: false },
  editorOwn: { actor: 'editor', rowOwner: 'editor', personal: false },
  editorOther: { actor: 'editor', rowOwner: 'owner', personal: false },
  viewer: { actor: 'viewer', rowOwner: 'owner', personal: false },
  nonMember: { actor: 'stranger', rowOwner: 'owner', personal: false },
  otherPersonal: { actor: 'editor', rowOwner: 'owner', personal: true },
  removed: { actor: 'removed', rowOwner: 'owner', personal: false },
};

/** One store with its team and people. */
export interface World {
  ts: TestStore;
  api: Api;
  db: Kysely<DB>;
  teamId: string;
  /** `team:<id>` */
  team: string;
  people: Record<Who, Device>;
}

/**
 * Builds the world on `kind`: the owner's team with an editor and a viewer, a stranger, and a
 * former editor who was removed. The caller cleans up with `world.ts.cleanup()`.
 */
export async function buildWorld(kind: StoreKind): Promise<World> {
  const { ts, api, store } = await setup(kind);
  const owner = await api.signup('owner');
  const { teamId, scopeId } = await api.createTeam(owner);
  const [editor, viewer, stranger, removed] = [await api.signup('editor'), await api.signup('viewer'), await api.signup('stranger'), await api.signup('removed')];
  await api.join(owner, teamId, editor, 'editor');
  await api.join(owner, teamId, viewer, 'viewer');
  await api.join(owner, teamId, removed, 'editor');
  const r = await api.req('DELETE', `/v1/teams/${teamId}/members/${removed.userId}`, { token: owner.token });
  if (r.status !== 200) throw new Error(`remove member ${r.status}`);
  return { ts, api, db: store.db, teamId, team: scopeId, people: { owner, editor, viewer, stranger, removed } };
}

/** The rows one cell acts on, all made fresh for it. */
export interface Cell {
  kind: ActorKind;
  actor: Device;
  /** where the targets live: the team, or (`otherPersonal`) the row owner's personal scope */
  scopeId: string;
  /** the row owner's capture of post `post`, tagged `seed`, filed in `col` by the row owner */
  cap: string;
  post: string;
  /** another capture of the row owner, in no collection */
  loose: string;
  /** the row owner's collection */
  col: string;
  /** the row owner's comment on `cap` */
  cmt: string;
  /** the actor's own personal capture; for `editorOther` of the same post as `cap` */
  mine: string;
  /** the actor's personal scope */
  minePersonal: string;
}

/** Makes the target rows of one cell of column `kind` (two pushes that must all apply). `removed` cells are made while the actor is out of the team. */
export async function makeCell(w: World, kind: ActorKind, actorOverride?: Device): Promise<Cell> {
  const cast = CAST[kind];
  const actor = actorOverride ?? w.people[cast.actor];
  const owner = w.people[cast.rowOwner];
  const scopeId = cast.personal ? `personal:${owner.userId}` : w.team;
  const [cap, loose, col, mine, post, cmt] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
  const minePersonal = `personal:${actor.userId}`;
  const seeded = await w.api.pushOk(owner, [
    w.api.mut(owner, 'createCapture', { id: cap, scopeId, capturedAt: 1, ...draft(post), tags: ['seed'] }),
    w.api.mut(owner, 'createCapture', { id: loose, scopeId, capturedAt: 1, ...draft(uuidv7()) }),
    w.api.mut(owner, 'createCollection', { id: col, scopeId, name: 'their collection' }),
    w.api.mut(owner, 'addToCollection', { collectionId: col, captureId: cap }),
    w.api.mut(owner, 'createComment', { id: cmt, captureId: cap, parentId: null, body: 'their comment', mentions: [] }),
  ]);
  const own = await w.api.pushOk(actor, [w.api.mut(actor, 'createCapture', { id: mine, scopeId: minePersonal, capturedAt: 1, ...draft(kind === 'editorOther' ? post : uuidv7()) })]);
  const bad = [...seeded.results, ...own.results].filter((x) => x.status !== 'applied');
  if (bad.length) throw new Error(`cell setup: ${JSON.stringify(bad)}`);
  return { kind, actor, scopeId, cap, post, loose, col, cmt, mine, minePersonal };
}

/** A push result as one word: `applied`, `noop:merged`, `rejected:forbidden`, `not_found`… */
export const label = (r: { status: string; code?: string }): string => (r.code ? `${r.status}:${r.code}` : r.status);

/**
 * Every synced row and every scope's version, in a stable order: what a refused mutation must
 * leave exactly as it was (aliases and the mutation log are left out: a merge records an alias).
 */
export async function snapshot(db: Kysely<DB>): Promise<unknown> {
  return {
    scopes: await db.selectFrom('scopes').select(['id', 'version']).orderBy('id').execute(),
    captures: await db.selectFrom('captures').selectAll().orderBy('id').execute(),
    tags: await db.selectFrom('capture_tags').selectAll().orderBy('capture_id').orderBy('tag').execute(),
    collections: await db.selectFrom('collections').selectAll().orderBy('id').execute(),
    items: await db.selectFrom('collection_items').selectAll().orderBy('collection_id').orderBy('capture_id').execute(),
    noteConflicts: await db.selectFrom('note_conflicts').selectAll().orderBy('id').execute(),
    comments: await db.selectFrom('comments').selectAll().orderBy('id').execute(),
    reactions: await db.selectFrom('reactions').selectAll().orderBy('target_id').orderBy('user_id').orderBy('kind').execute(),
  };
}

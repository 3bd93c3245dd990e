// @vitest-environment node
/**
 * Matrix: for EVERY mutation name in `MUTATION_NAMES` (lib/schema/sync.ts), the scopes push locks up
 * front (server/src/sync/touched-scopes.ts) are exactly the scopes the mutation's handler asks to lock
 * (docs/sync-protocol.md 3.4 "Lock order"). A name without a row here fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { MUTATION_NAMES } from '../../lib/schema';
import type { Tx } from '../src/db/open-store';
import { applyMutation, ScopeClock, type MutationContext } from '../src/sync/mutations';
import { SCOPE_REFS, scopeRefs, touchedScopes } from '../src/sync/touched-scopes';
import { draft, setup, STORE_KINDS, type Api, type Device, type TestStore } from './harness';

/** A clock that remembers every scope a handler asked to lock. */
class RecordingClock extends ScopeClock {
  readonly asked = new Set<string>();
  override lock(ctx: MutationContext, ids: string[]): Promise<ScopeClock> {
    for (const id of ids) this.asked.add(id);
    return super.lock(ctx, ids);
  }
}

interface Fixture {
  personal: string;
  team: string;
  capP: string;
  capT: string;
  capDel: string;
  colP: string;
  colT: string;
  colDel: string;
  postT: string;
  /** comments on capT (team) and capP (personal) */
  cmtT: string;
  cmtP: string;
}

/** One row per mutation name: valid args against the fixture, and the scopes the handler locks. */
const ROWS: Record<string, (f: Fixture) => { args: Record<string, unknown>; scopes: (keyof Fixture)[] }> = {
  createCapture: (f) => ({ args: { id: uuidv7(), scopeId: f.team, capturedAt: 1, ...draft('7001') }, scopes: ['team'] }),
  completeCapture: (f) => ({ args: { id: f.capT, set: draft(f.postT, { text: `post ${f.postT} and more` }) }, scopes: ['team'] }),
  updateCapture: (f) => ({ args: { id: f.capP, baseVersion: 0, set: { note: 'n' } }, scopes: ['personal'] }),
  deleteCapture: (f) => ({ args: { id: f.capDel }, scopes: ['team'] }),
  addTag: (f) => ({ args: { captureId: f.capT, tag: 'x' }, scopes: ['team'] }),
  removeTag: (f) => ({ args: { captureId: f.capP, tag: 'x' }, scopes: ['personal'] }),
  createCollection: (f) => ({ args: { id: uuidv7(), scopeId: f.personal, name: 'c' }, scopes: ['personal'] }),
  renameCollection: (f) => ({ args: { id: f.colT, name: 'r' }, scopes: ['team'] }),
  deleteCollection: (f) => ({ args: { id: f.colDel }, scopes: ['personal'] }),
  addToCollection: (f) => ({ args: { collectionId: f.colT, captureId: f.capT }, scopes: ['team'] }),
  removeFromCollection: (f) => ({ args: { collectionId: f.colP, captureId: f.capP }, scopes: ['personal'] }),
  shareCapture: (f) => ({ args: { sourceId: f.capP, newId: uuidv7(), targetScopeId: f.team }, scopes: ['team'] }),
  withdraw: () => ({ args: { name: 'createCapture', reason: 'server error 500' }, scopes: [] }),
  createComment: (f) => ({ args: { id: uuidv7(), captureId: f.capT, parentId: f.cmtT, body: 'b', mentions: [] }, scopes: ['team'] }),
  editComment: (f) => ({ args: { id: f.cmtT, body: 'edited', mentions: [] }, scopes: ['team'] }),
  deleteComment: (f) => ({ args: { id: f.cmtP }, scopes: ['personal'] }),
  setReaction: (f) => ({ args: { targetKind: 'comment', targetId: f.cmtT, kind: 'useful', present: true }, scopes: ['team'] }),
  markAnswered: (f) => ({ args: { captureId: f.capP, commentId: null }, scopes: ['personal'] }),
};

async function addComment(api: Api, d: Device, captureId: string): Promise<string> {
  const id = uuidv7();
  const r = await api.pushOk(d, [api.mut(d, 'createComment', { id, captureId, parentId: null, body: 'seed', mentions: [] })]);
  expect(r.results[0]!.status).toBe('applied');
  return id;
}

async function collection(api: Api, d: Device, scopeId: string): Promise<string> {
  const id = uuidv7();
  const r = await api.pushOk(d, [api.mut(d, 'createCollection', { id, scopeId, name: 'col' })]);
  expect(r.results[0]!.status).toBe('applied');
  return id;
}

describe.each(STORE_KINDS)('touched scopes on %s', (kind) => {
  let ts: TestStore;
  let u: Device;
  let f: Fixture;
  beforeAll(async () => {
    const e = await setup(kind);
    ts = e.ts;
    const { api } = e;
    u = await api.signup('u');
    const personal = `personal:${u.userId}`;
    const { scopeId: team } = await api.createTeam(u);
    const [capP, capT] = [await api.createCapture(u, '7003'), await api.createCapture(u, '7002', {}, team)];
    f = {
      personal, team, postT: '7002', capP, capT, capDel: await api.createCapture(u, '7004', {}, team),
      colP: await collection(api, u, personal), colT: await collection(api, u, team), colDel: await collection(api, u, personal),
      cmtT: await addComment(api, u, capT), cmtP: await addComment(api, u, capP),
    };
  }, 60_000);
  afterAll(async () => ts?.cleanup());

  it.each(MUTATION_NAMES)('%s: the scopes locked up front are the scopes its handler locks', async (name) => {
    expect(Object.hasOwn(SCOPE_REFS, name)).toBe(true);
    const row = ROWS[name];
    expect(row, `no row for mutation ${name}: add one to ROWS`).toBeDefined();
    const { args, scopes } = row!(f);
    const { store } = ts;
    await store.write(async (tx: Tx) => {
      const predicted = await touchedScopes(tx, [{ name, args }]);
      const clock = new RecordingClock();
      const out = await applyMutation({ store, tx, userId: u.userId, deviceId: u.deviceId, now: Date.now(), clock }, name, args);
      await clock.flush(tx);
      expect(out.status === 'not_found' || (out.status === 'rejected' && out.code !== 'withdrawn')).toBe(false);
      expect([...clock.asked].sort()).toEqual(predicted);
      expect(predicted).toEqual(scopes.map((k) => f[k]).sort());
    });
  });

  it('refers to nothing for unknown names, prototype keys and ids that are not ids', async () => {
    for (const name of ['nope', 'constructor', '__proto__', 'toString']) expect(scopeRefs(name, { id: uuidv7() })).toEqual({});
    await ts.store.write(async (tx) => {
      expect(await touchedScopes(tx, [{ name: 'addTag', args: { captureId: 'x\u0000y', tag: 't' } }, { name: 'createCapture', args: { scopeId: 'elsewhere' } }, { name: 'addTag', args: null }])).toEqual([]);
      // a capture merged into another (an alias id) counts with the stored capture's scope
      const alias = uuidv7();
      await tx.insertInto('capture_aliases').values({ id: alias, capture_id: f.capT, scope_id: f.team, created_at: 1 }).execute();
      expect(await touchedScopes(tx, [{ name: 'deleteCapture', args: { id: alias } }, { name: 'createCollection', args: { id: uuidv7(), scopeId: f.personal, name: 'c' } }])).toEqual([f.personal, f.team].sort());
      // a reaction locks its target's scope: a capture's, or a comment's
      expect(await touchedScopes(tx, [{ name: 'setReaction', args: { targetKind: 'capture', targetId: f.capP, kind: 'useful', present: true } }])).toEqual([f.personal]);
      expect(await touchedScopes(tx, [{ name: 'setReaction', args: { targetKind: 'comment', targetId: f.cmtT, kind: 'useful', present: true } }])).toEqual([f.team]);
    });
  });
});

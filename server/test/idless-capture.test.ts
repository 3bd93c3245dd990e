// @vitest-environment node
/**
 * Issue 9: a capture saved without a post id (`permalinkMissing`, post_key `<platform>:content:<hash>`)
 * takes its id on the server when the same post is met with it, through `completeCapture` or a
 * `createCapture` from another device; a different post is never mixed in. SQLite and PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { contentKeyOf, type CaptureDraft } from '../../lib/schema';
import { draft, setup, STORE_KINDS, type TestStore } from './harness';

const open: TestStore[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.cleanup();
});
const personal = (d: { userId: string }) => `personal:${d.userId}`;

const author = { name: 'Member A', handle: 'member-a', profileUrl: 'https://www.linkedin.com/in/member-a', avatarUrl: null };
const URN = 'urn:li:activity:7453849345784098669';
/** The same LinkedIn post read with its id, and without (content key, no permalink). */
function withId(text = 'A post worth keeping.'): CaptureDraft {
  return { ...draft('x'), platform: 'linkedin', postId: URN, permalink: `https://www.linkedin.com/feed/update/${URN}/`, author, text };
}
function idless(text = 'A post worth keeping.'): CaptureDraft {
  return { ...withId(text), postId: contentKeyOf({ author, text }), permalink: null, permalinkMissing: true };
}

describe.each(STORE_KINDS)('id-less captures on %s', (kind) => {
  async function env() {
    const e = await setup(kind);
    open.push(e.ts);
    return e;
  }
  async function row(store: TestStore['store'], id: string) {
    return store.db.selectFrom('captures').select(['post_key', 'content_json', 'completed_at']).where('id', '=', id).executeTakeFirstOrThrow();
  }

  it('completeCapture with the id fills id and permalink, clears permalinkMissing and re-keys the row', async () => {
    const { api, store } = await env();
    const a = await api.signup('a');
    const id = uuidv7();
    await api.pushOk(a, [api.mut(a, 'createCapture', { id, scopeId: personal(a), capturedAt: 1, ...idless() })]);
    expect((await row(store, id)).post_key).toBe(`linkedin:${idless().postId}`);
    const r = await api.pushOk(a, [api.mut(a, 'completeCapture', { id, set: withId() })]);
    expect(r.results[0]!.status).toBe('applied');
    const after = await row(store, id);
    expect(after.post_key).toBe(`linkedin:${URN}`);
    const content = JSON.parse(after.content_json) as CaptureDraft;
    expect(content).toMatchObject({ postId: URN, permalink: `https://www.linkedin.com/feed/update/${URN}/`, permalinkMissing: false });
    expect(after.completed_at).not.toBeNull();
  });

  it('completeCapture with another post (different text) is refused as invalid: two id-less posts never merge', async () => {
    const { api, store } = await env();
    const a = await api.signup('a');
    const id = uuidv7();
    await api.pushOk(a, [api.mut(a, 'createCapture', { id, scopeId: personal(a), capturedAt: 1, ...idless('first post') })]);
    const r = await api.pushOk(a, [api.mut(a, 'completeCapture', { id, set: withId('second, different post') })]);
    expect(r.results[0]).toMatchObject({ status: 'rejected', code: 'invalid' });
    expect((await row(store, id)).post_key).toBe(`linkedin:${idless('first post').postId}`);
  });

  it('createCapture with the id from another device merges into the id-less capture (one capture, re-keyed)', async () => {
    const { api, store } = await env();
    const a = await api.signup('a');
    const id = uuidv7();
    await api.pushOk(a, [api.mut(a, 'createCapture', { id, scopeId: personal(a), capturedAt: 1, ...idless() })]);
    const b = await api.newDevice(a);
    const r = await api.pushOk(b, [api.mut(b, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 2, ...withId() })]);
    expect(r.results[0]).toMatchObject({ status: 'noop', code: 'merged', canonicalId: id });
    const rows = await store.db.selectFrom('captures').select(['id', 'post_key']).execute();
    expect(rows).toEqual([{ id, post_key: `linkedin:${URN}` }]);
  });
  it('createCapture of the id-less post from another device merges into the capture that has the id (the other order)', async () => {
    const { api, store } = await env();
    const a = await api.signup('a');
    const id = uuidv7();
    await api.pushOk(a, [api.mut(a, 'createCapture', { id, scopeId: personal(a), capturedAt: 1, ...withId() })]);
    const b = await api.newDevice(a);
    const r = await api.pushOk(b, [api.mut(b, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 2, note: 'from b', tags: ['Kickoff'], ...idless() })]);
    expect(r.results[0]).toMatchObject({ status: 'noop', code: 'merged', canonicalId: id });
    const rows = await store.db.selectFrom('captures').select(['id', 'post_key', 'note']).execute();
    expect(rows).toEqual([{ id, post_key: `linkedin:${URN}`, note: 'from b' }]);
    expect(JSON.parse((await row(store, id)).content_json)).toMatchObject({ postId: URN, permalinkMissing: false });
    const tags = await store.db.selectFrom('capture_tags').select('tag').where('capture_id', '=', id).execute();
    expect(tags.map((t) => t.tag)).toEqual(['kickoff']);
  });

  it('an id-less create never merges into another post: other text, or the same text by another author', async () => {
    const { api, store } = await env();
    const a = await api.signup('a');
    const other = { ...author, name: 'Member "B" 100%_', profileUrl: 'https://www.linkedin.com/in/member-b' };
    await api.pushOk(a, [api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 1, ...withId() })]);
    const d1 = idless('A different post.');
    const d2 = { ...idless(), author: other, postId: contentKeyOf({ author: other, text: 'A post worth keeping.' }) };
    const r = await api.pushOk(a, [d1, d2].map((d, i) => api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 2 + i, ...d })));
    expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied']);
    const keys = (await store.db.selectFrom('captures').select('post_key').execute()).map((x) => x.post_key).sort();
    expect(keys).toEqual([`linkedin:${URN}`, `linkedin:${d1.postId}`, `linkedin:${d2.postId}`].sort());
  });
  it('the other order also finds a post whose author has no profile URL and a name with quotes, % _ and \\', async () => {
    const { api, store } = await env();
    const a = await api.signup('a');
    const named = { ...author, profileUrl: null, name: 'Ana "The_Coach" 100% \\ Ops' };
    const kept = { ...withId(), author: named };
    const id = uuidv7();
    await api.pushOk(a, [api.mut(a, 'createCapture', { id, scopeId: personal(a), capturedAt: 1, ...kept })]);
    const read = { ...kept, postId: contentKeyOf(kept), permalink: null, permalinkMissing: true };
    const r = await api.pushOk(a, [api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 2, ...read })]);
    expect(r.results[0]).toMatchObject({ status: 'noop', code: 'merged', canonicalId: id });
    expect(await store.db.selectFrom('captures').select(['id', 'post_key']).execute()).toEqual([{ id, post_key: `linkedin:${URN}` }]);
  });
});

/**
 * `shareCapture` of a post the team already holds under its other key (docs/decisions/0007 §3,
 * docs/sync-protocol.md 3.11): one team capture, as for a second share of the same post. The first
 * sharer's row keeps its owner, note and tags; it takes the post's id when the sharer may change it
 * (the team's owner, or the editor who shared it), as `completeCapture` would; another editor's
 * share only adds the alias.
 */
describe.each(STORE_KINDS)('sharing a post the team holds under its other key, on %s', (kind) => {
  async function team() {
    const e = await setup(kind);
    open.push(e.ts);
    const { api, store } = e;
    const owner = await api.signup('owner');
    const ed1 = await api.signup('ed1');
    const ed2 = await api.signup('ed2');
    const { teamId, scopeId } = await api.createTeam(owner);
    await api.join(owner, teamId, ed1, 'editor');
    await api.join(owner, teamId, ed2, 'editor');
    /** Saves `d` in `who`'s personal scope and shares it into the team with `note`: the push result. */
    const saveAndShare = async (who: typeof owner, d: CaptureDraft, note: string) => {
      const mine = uuidv7();
      const newId = uuidv7();
      const r = await api.pushOk(who, [
        api.mut(who, 'createCapture', { id: mine, scopeId: personal(who), capturedAt: 1, ...d }),
        api.mut(who, 'shareCapture', { sourceId: mine, newId, targetScopeId: scopeId, note }),
      ]);
      return { newId, result: r.results[1]! };
    };
    const teamRows = () =>
      store.db.selectFrom('captures').select(['id', 'post_key', 'owner_user_id', 'note', 'version', 'content_json']).where('scope_id', '=', scopeId).where('deleted_at', 'is', null).execute();
    return { api, owner, ed1, ed2, scopeId, saveAndShare, teamRows };
  }

  it('the team holds it id-less; the team owner shares it with its id: one capture, which takes the id, the first sharer and why kept', async () => {
    const { owner, ed1, saveAndShare, teamRows } = await team();
    const first = await saveAndShare(ed1, idless(), 'read before the kickoff');
    expect(first.result.status).toBe('applied');
    const second = await saveAndShare(owner, withId(), 'my own reason');
    expect(second.result).toMatchObject({ status: 'noop', code: 'merged', canonicalId: first.newId });
    const rows = await teamRows();
    expect(rows.map(({ id, post_key, owner_user_id, note }) => ({ id, post_key, owner_user_id, note }))).toEqual([
      { id: first.newId, post_key: `linkedin:${URN}`, owner_user_id: ed1.userId, note: 'read before the kickoff' },
    ]);
    expect(JSON.parse(rows[0]!.content_json)).toMatchObject({ postId: URN, permalink: `https://www.linkedin.com/feed/update/${URN}/`, permalinkMissing: false });
  });

  it('an editor shares with its id the post they shared id-less: their own row takes the id', async () => {
    const { ed1, saveAndShare, teamRows } = await team();
    const first = await saveAndShare(ed1, idless(), 'why');
    const second = await saveAndShare(ed1, withId(), 'why again');
    expect(second.result).toMatchObject({ status: 'noop', code: 'merged', canonicalId: first.newId });
    expect((await teamRows()).map((r) => [r.id, r.post_key, r.note])).toEqual([[first.newId, `linkedin:${URN}`, 'why']]);
  });

  it("another editor shares it with its id: one capture, but the first sharer's row is not re-keyed (editors change only their own rows)", async () => {
    const { ed1, ed2, saveAndShare, teamRows } = await team();
    const first = await saveAndShare(ed1, idless(), 'why');
    const before = await teamRows();
    const second = await saveAndShare(ed2, withId(), 'mine');
    expect(second.result).toMatchObject({ status: 'noop', code: 'merged', canonicalId: first.newId });
    expect(await teamRows()).toEqual(before);
  });

  it('the other order: the team holds it with its id; an id-less share of the post is merged into it, untouched; another post is shared apart', async () => {
    const { owner, ed1, saveAndShare, teamRows } = await team();
    const first = await saveAndShare(ed1, withId(), 'why');
    const before = await teamRows();
    const second = await saveAndShare(owner, idless(), 'mine');
    expect(second.result).toMatchObject({ status: 'noop', code: 'merged', canonicalId: first.newId });
    expect(await teamRows()).toEqual(before);
    const other = await saveAndShare(owner, idless('A different post.'), 'another');
    expect(other.result.status).toBe('applied');
    expect((await teamRows()).map((r) => r.post_key).sort()).toEqual([`linkedin:${URN}`, `linkedin:${idless('A different post.').postId}`].sort());
  });
});

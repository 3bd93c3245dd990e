// @vitest-environment node
/**
 * `GET /v1/teams/:teamId/digest` (issue 11, docs/discussion.md "Digest") on SQLite and PostgreSQL:
 * rows written by the real mutations (share, comment, react, mark answered), the range bounds, the
 * spotlight opt-out, and the team route rules (404 for non-members, 400 for a bad range).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { Digest } from '../../lib/schema/digest';
import { setup, STORE_KINDS, type Api, type Device, type TestStore } from './harness';

/** Per test: a dozen pushes and a few reads; generous for a busy 2-core machine. */
const BUDGET = 60_000;
const DAY = 24 * 3600 * 1000;
/** Monday 2026-11-30 00:00 UTC. */
const T0 = Date.UTC(2026, 10, 30);

const open: TestStore[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.cleanup();
}, BUDGET);

async function send(api: Api, d: Device, name: string, args: Record<string, unknown>): Promise<void> {
  const r = (await api.pushOk(d, [api.mut(d, name, args)])).results[0]!;
  if (r.status !== 'applied') throw new Error(`${name}: ${JSON.stringify(r)}`);
}

/**
 * Ana (owner) shares a question on day 1; Ben (editor) answers on day 2; Cleo (viewer, spotlight off)
 * reacts and comments; Ana pins Ben's reply. Dan joins on day 3 and shares on day 4. One capture is
 * shared a week earlier and stays quiet.
 */
async function week(kind: 'sqlite' | 'postgres') {
  let now = T0 - 10 * DAY;
  const e = await setup(kind, { now: () => now });
  open.push(e.ts);
  const { api } = e;
  const ana = await api.signup('Ana');
  const { teamId, scopeId } = await api.createTeam(ana, 'Guild');
  const [ben, cleo, dan, stranger] = [await api.signup('Ben'), await api.signup('Cleo'), await api.signup('Dan'), await api.signup('Stranger')];
  await api.join(ana, teamId, ben, 'editor');
  await api.join(ana, teamId, cleo, 'viewer');
  expect((await api.req('PATCH', `/v1/teams/${teamId}/members/${cleo.userId}`, { token: cleo.token, body: { spotlight: false } })).status).toBe(200);
  const share = async (d: Device, over: Record<string, unknown> = {}) => {
    const src = await api.createCapture(d, uuidv7());
    const id = uuidv7();
    await send(api, d, 'shareCapture', { sourceId: src, newId: id, targetScopeId: scopeId, note: 'worth it', ...over });
    return id;
  };
  const quiet = await share(ana);
  now = T0 + DAY;
  const q = await share(ana, { intent: 'question', note: 'How do you run retros?' });
  now = T0 + 2 * DAY;
  const reply = uuidv7();
  await send(api, ben, 'createComment', { id: reply, captureId: q, parentId: null, body: 'Sailboat format', mentions: [] });
  await send(api, cleo, 'setReaction', { targetKind: 'capture', targetId: q, kind: 'useful', present: true });
  await send(api, cleo, 'createComment', { id: uuidv7(), captureId: q, parentId: reply, body: '+1', mentions: [] });
  await send(api, ana, 'markAnswered', { captureId: q, commentId: reply });
  now = T0 + 3 * DAY;
  await api.join(ana, teamId, dan, 'editor');
  now = T0 + 4 * DAY;
  const first = await share(dan);
  now = T0 + 8 * DAY;
  return { ...e, ana, ben, cleo, dan, stranger, teamId, q, quiet, first, reply, at: (t: number) => void (now = t) };
}

const digestOf = (api: Api, d: Device, teamId: string, from: number, to: number) => api.req('GET', `/v1/teams/${teamId}/digest?from=${from}&to=${to}`, { token: d.token });

describe.each(STORE_KINDS)('team digest on %s', (kind) => {
  it('answers the week: ranked items, the answered question with its answerer, first shares, credit without opted-out names', async () => {
    const { api, ana, ben, cleo, dan, teamId, q, first } = await week(kind);
    const r = await digestOf(api, cleo, teamId, T0, T0 + 7 * DAY); // a viewer may read it
    expect(r.status).toBe(200);
    const d = Digest.parse(r.body);
    expect(d).toMatchObject({ teamId, teamName: 'Guild', from: T0, to: T0 + 7 * DAY, totals: { captures: 2, comments: 2, reactions: 1 } });
    // Each capture in one list: the question in its own, Dan's first share as a welcome; `quiet` is outside the range.
    expect(d.top).toEqual([]);
    expect(d.answeredQuestions.map((i) => i.captureId)).toEqual([q]);
    expect(d.answeredQuestions[0]).toMatchObject({ comments: 2, reactions: 1, intent: 'question', note: 'How do you run retros?', sharedBy: { userId: ana.userId, name: 'Ana' } });
    expect(d.answeredQuestions[0]!.permalink).toMatch(/^https:\/\//);
    expect(d.openQuestions).toEqual([]);
    expect(d.answeredQuestions.map((i) => i.answer)).toEqual([{ by: { userId: ben.userId, name: 'Ben' }, excerpt: 'Sailboat format' }]);
    expect(d.firstShares.map((i) => [i.captureId, i.sharedBy.name])).toEqual([[first, 'Dan']]);
    const credit = new Map(d.contributors.map((c) => [c.userId, c]));
    expect(credit.get(ben.userId)).toMatchObject({ name: 'Ben', comments: 1, answers: 1 });
    expect(credit.get(cleo.userId)).toEqual({ userId: cleo.userId, name: null, shares: 0, comments: 1, answers: 0 });
    expect(credit.get(dan.userId)).toMatchObject({ name: 'Dan', shares: 1 });
    expect(JSON.stringify(d)).not.toContain('Cleo');
  }, BUDGET);

  it('is bounded by the range: the week before holds only the quiet share, a later week nothing', async () => {
    const { api, ana, teamId, quiet } = await week(kind);
    const before = Digest.parse((await digestOf(api, ana, teamId, T0 - 14 * DAY, T0)).body);
    expect(before.top.map((i) => i.captureId)).toEqual([quiet]);
    expect(before.totals).toEqual({ captures: 1, comments: 0, reactions: 0 });
    const later = Digest.parse((await digestOf(api, ana, teamId, T0 + 7 * DAY, T0 + 14 * DAY)).body);
    expect(later).toMatchObject({ top: [], answeredQuestions: [], contributors: [], totals: { captures: 0, comments: 0, reactions: 0 } });
  }, BUDGET);

  it('a question answered before the range and discussed in it still names its answerer', async () => {
    const { api, ana, dan, teamId, q, ben, at } = await week(kind);
    at(T0 + 9 * DAY);
    await send(api, dan, 'createComment', { id: uuidv7(), captureId: q, parentId: null, body: 'late thanks', mentions: [] });
    const d = Digest.parse((await digestOf(api, ana, teamId, T0 + 9 * DAY, T0 + 10 * DAY)).body);
    expect(d.answeredQuestions.map((i) => [i.captureId, i.answer])).toEqual([[q, { by: { userId: ben.userId, name: 'Ben' }, excerpt: 'Sailboat format' }]]);
    expect(d.contributors.map((c) => [c.userId, c.comments, c.answers])).toEqual([[dan.userId, 1, 0]]); // the answer was written before
  }, BUDGET);

  it('404 for a stranger and an unknown team, 401 without a token, 400 for a bad range', async () => {
    const { api, ana, stranger, teamId } = await week(kind);
    expect((await digestOf(api, stranger, teamId, T0, T0 + DAY)).status).toBe(404);
    expect((await digestOf(api, ana, uuidv7(), T0, T0 + DAY)).status).toBe(404);
    expect((await api.req('GET', `/v1/teams/${teamId}/digest?from=${T0}&to=${T0 + DAY}`)).status).toBe(401);
    for (const q of [`from=${T0}&to=${T0}`, `from=${T0}&to=${T0 + 400 * DAY}`, `from=x&to=1`, `from=${T0}`, `from=${T0}&to=${T0 + DAY}&evil=1`]) {
      const r = await api.req('GET', `/v1/teams/${teamId}/digest?${q}`, { token: ana.token });
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('invalid_request');
    }
  }, BUDGET);
});

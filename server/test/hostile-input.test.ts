// @vitest-environment node
/**
 * Issue 10, first bullet ("a value the store cannot hold becomes a 500, and the device's sync is stuck
 * for good"), on SQLite and PostgreSQL: the input guard (server/src/input-guard.ts) and the one text
 * rule of lib/schema/storable.ts (docs/sync-protocol.md §3.3 "Text the stores can hold", §4 "Validation").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { tagKey, toStorable } from '../../lib/schema';
import { MAX_BODY_DEPTH, nestsDeeperThan, urlProblem } from '../src/input-guard';
import { buildOpenApi } from '../src/openapi';
import { draft, Replica, setup, STORE_KINDS, type Api, type Device, type TestStore } from './harness';

/** Path ids no row can have: U+0000, an encoded lone surrogate (invalid UTF-8), bad percent-encoding, absurd length. */
const HOSTILE_IDS = ['%00', 'a%00b', '%ED%A0%80', 'x%ED%BF%BFy', '%E0%A4%A', '%', '%zz', 'x'.repeat(20_000), '%F0%9F%98'];
/** Query strings with the same faults. */
const HOSTILE_QUERIES = ['?q=%00', '?%ED%A0%80=1', '?q=%', '?q=%E0%A4%A', `?q=${'y'.repeat(5000)}`];

const HOUR = 3_600_000;
const BUDGET = 180_000;

/** `{ error: { code, message, ...} }` and nothing else at the top. */
function expectErrorBody(body: unknown): void {
  expect(Object.keys(body as object)).toEqual(['error']);
  const e = (body as { error: Record<string, unknown> }).error;
  expect(typeof e.code).toBe('string');
  expect(typeof e.message).toBe('string');
}

/** A push body whose first mutation's args hold `depth` nested arrays, as raw text (JSON.stringify would overflow first). */
function deepPush(api: Api, d: Device, depth: number): string {
  const m = api.mut(d, 'createCapture', { x: 0 });
  const text = JSON.stringify({ protocolVersion: 1, schemaVersion: 1, deviceId: d.deviceId, mutations: [m] });
  return text.replace('{"x":0}', `{"x":${'['.repeat(depth)}0${']'.repeat(depth)}}`);
}

describe('input guard scanners', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  it('nestsDeeperThan counts [ and { outside strings only, escapes included', () => {
    expect(nestsDeeperThan(bytes(deep(MAX_BODY_DEPTH)), MAX_BODY_DEPTH)).toBe(false);
    expect(nestsDeeperThan(bytes(deep(MAX_BODY_DEPTH + 1)), MAX_BODY_DEPTH)).toBe(true);
    expect(nestsDeeperThan(bytes(JSON.stringify({ a: `${'['.repeat(500)}\\` })), MAX_BODY_DEPTH)).toBe(false);
    expect(nestsDeeperThan(bytes(JSON.stringify({ a: `"${'{'.repeat(500)}` })), MAX_BODY_DEPTH)).toBe(false);
    expect(nestsDeeperThan(bytes(JSON.stringify({ 'é\\': '\\', b: 0 }).replace('0', deep(70))), MAX_BODY_DEPTH)).toBe(true);
  });
  it('urlProblem: undecodable or unholdable path segments are "path", bad queries "query", clean URLs null', () => {
    expect(urlProblem('http://h/v1/devices/01a24ecd-ff6f-784a-b47e-1345fdc352db')).toBeNull();
    expect(urlProblem('http://h/v1/x?a=1&b=caf%C3%A9+x')).toBeNull();
    for (const id of ['%00', '%ED%A0%80', '%E0%A4%A', '%', 'y'.repeat(300)]) expect(urlProblem(`http://h/v1/devices/${id}`)).toBe('path');
    for (const q of ['a=%00', '%ED%A0%80', 'a=%zz', 'q='.padEnd(3000, 'q')]) expect(urlProblem(`http://h/v1/me?${q}`)).toBe('query');
  });
});

describe.each(STORE_KINDS)('hostile input on %s (issue 10)', (kind) => {
  let ts: TestStore;
  let api: Api;
  let a: Device;
  let teamId: string;
  beforeAll(async () => {
    const e = await setup(kind);
    ts = e.ts;
    api = e.api;
    a = await api.signup('a');
    teamId = (await api.createTeam(a)).teamId;
  }, BUDGET);
  afterAll(async () => ts?.cleanup(), BUDGET);

  it('a body that is not application/json is 415 on every route that takes one (no cross-origin "simple" request reaches sign-in or sign-up; red team L4)', async () => {
    const routes = Object.entries(buildOpenApi().paths as Record<string, Record<string, { requestBody?: unknown }>>)
      .flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => op.requestBody).map(([method]) => ({ method: method.toUpperCase(), path: path.replace('{teamId}', teamId).replace(/\{\w+\}/g, uuidv7()) })));
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/v1/accounts', '/v1/sessions', '/v1/sync/push']));
    for (const { method, path } of routes) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', null]) {
        const headers: Record<string, string> = { authorization: `Bearer ${a.token}` };
        if (type) headers['content-type'] = type;
        const r = await api.app.request(path, { method, headers, body: '{"name":"x"}' });
        expect([r.status, path, type]).toEqual([415, path, type]);
        expect(await r.json()).toEqual({ error: { code: 'unsupported_media_type', message: 'send the body as application/json' } });
      }
    }
    const ok = await api.app.request('/v1/teams', { method: 'POST', headers: { authorization: `Bearer ${a.token}`, 'content-type': 'Application/JSON; charset=utf-8' }, body: '{"name":"typed"}' });
    expect(ok.status).toBe(201);
  }, BUDGET);

  it('a body nested deeper than 64 levels is 400 invalid_request before it is parsed or logged; the seq is not used', async () => {
    const seq = a.seq;
    const r = await api.req('POST', '/v1/sync/push', { token: a.token, raw: deepPush(api, a, 5000) });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_request');
    expectErrorBody(r.body);
    const team = await api.req('POST', '/v1/teams', { token: a.token, raw: `{"name":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}` });
    expect(team.status).toBe(400);
    // Just inside the bound: parsed, refused as a mutation and its payload logged (no overflow).
    a.seq = seq;
    const ok = await api.req('POST', '/v1/sync/push', { token: a.token, raw: deepPush(api, a, MAX_BODY_DEPTH - 4) });
    expect(ok.status).toBe(200);
    expect(ok.body.results).toEqual([{ seq, status: 'rejected', code: 'invalid' }]);
  }, BUDGET);

  it('every route of the OpenAPI document answers 404 to a path id no row can have, 400 to a bad query, never a 5xx', async () => {
    const paths = buildOpenApi().paths as Record<string, Record<string, unknown>>;
    const real: Record<string, string> = { teamId, userId: a.userId, deviceId: uuidv7(), code: 'nocode' };
    let checked = 0;
    for (const [template, ops] of Object.entries(paths)) {
      for (const method of Object.keys(ops)) {
        const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        const fill = (hostile: string | null) => template.replace(/\{(\w+)\}/g, (_, p: string) => (p === hostile ? '\u0001' : (real[p] ?? 'x')));
        for (const p of params) {
          for (const id of HOSTILE_IDS) {
            const r = await api.req(method.toUpperCase(), fill(p).replace('\u0001', id), { token: a.token, body: method === 'get' ? undefined : {} });
            expect(r.status, `${method} ${template} ${p}=${id.slice(0, 20)}`).toBe(404);
            expectErrorBody(r.body);
            checked++;
          }
        }
        for (const q of HOSTILE_QUERIES) {
          const r = await api.req(method.toUpperCase(), fill(null) + q, { token: a.token, body: method === 'get' ? undefined : {} });
          expect(r.status, `${method} ${template}${q.slice(0, 20)}`).toBe(400);
          expectErrorBody(r.body);
          checked++;
        }
        const big = await api.req(method.toUpperCase(), fill(null), { token: a.token, headers: { 'x-forwarded-for': '1.2.3.4,'.repeat(2000) } });
        expect(big.status, `${method} ${template} header`).toBe(400);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(Object.keys(paths).length * HOSTILE_QUERIES.length);
  }, BUDGET);

  it('notes, tags, titles, capture text, collection names and comments holding U+0000 and lone surrogates come back equal to toStorable(input): server and client agree', async () => {
    const b = await api.signup('b');
    const scopeId = `personal:${b.userId}`;
    const t = (s: string) => `${s}\u0000x\ud800y\udfff\u0000`;
    const id = uuidv7();
    const colId = uuidv7();
    const res = await api.pushOk(b, [
      api.mut(b, 'createCapture', { id, scopeId, capturedAt: 1, ...draft('u1', { text: t('text'), title: t('title') }), note: t('note'), tags: [t('tag1')] }),
      api.mut(b, 'addTag', { captureId: id, tag: t('tag2') }),
      api.mut(b, 'createCollection', { id: colId, scopeId, name: t('collection') }),
      api.mut(b, 'updateCapture', { id, baseVersion: 1, set: { reflection: t('reflection') } }),
    ]);
    expect(res.results.map((x) => x.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const rep = new Replica();
    rep.apply(await api.pullAll(b));
    const cap = rep.get('capture', id);
    expect([cap.text, cap.title, cap.note, cap.reflection]).toEqual(['text', 'title', 'note', 'reflection'].map((s) => toStorable(t(s))));
    expect(cap.text).toBe('textx\ufffdy\ufffd');
    const tags = rep.keys('captureTag').map((k) => rep.rows.get(k)!.value as { tag: string });
    expect(tags.map((x) => x.tag).sort()).toEqual([tagKey(toStorable(t('tag1'))), tagKey(toStorable(t('tag2')))].sort());
    expect(rep.get('collection', colId).name).toBe(toStorable(t('collection')));
    // Comments (issue 11): a body, a reply and an edit through the same rule; a mention that is no member is dropped.
    const [c1, c2] = [uuidv7(), uuidv7()];
    const more = await api.pushOk(b, [
      api.mut(b, 'createComment', { id: c1, captureId: id, parentId: null, body: t('comment'), mentions: [`${b.userId}\u0000`, t('nobody')] }),
      api.mut(b, 'createComment', { id: c2, captureId: id, parentId: c1, body: t('reply'), mentions: [] }),
      api.mut(b, 'editComment', { id: c2, body: t('edited'), mentions: [] }),
    ]);
    expect(more.results.map((x) => x.status)).toEqual(['applied', 'applied', 'applied']);
    rep.apply(await api.pullAll(b));
    expect(rep.get('comment', c1)).toMatchObject({ body: toStorable(t('comment')), mentions: [b.userId] });
    expect(rep.get('comment', c2).body).toBe(toStorable(t('edited')));
  }, BUDGET);

  it('ids and URLs holding U+0000 or lone surrogates are cleaned by the same rule, so both stores give one answer (red team L1, L2)', async () => {
    const d = await api.signup('d');
    const scopeId = `personal:${d.userId}`;
    const id = uuidv7();
    const res = await api.pushOk(d, [
      api.mut(d, 'createCapture', { id, scopeId: `${scopeId}\u0000`, capturedAt: 1, ...draft('u-nul', { permalink: 'https://x.com/a\u0000b\ud800' }) }),
      api.mut(d, 'createCollection', { id: uuidv7(), scopeId: `\u0000${scopeId}`, name: 'nul scope' }),
    ]);
    expect(res.results.map((x) => x.status)).toEqual(['applied', 'applied']);
    const rep = new Replica();
    rep.apply(await api.pullAll(d));
    expect(rep.get('capture', id).permalink).toBe('https://x.com/ab\ufffd');
    expect(rep.get('capture', id).scopeId).toBe(scopeId);
  }, BUDGET);

  it('mutation names constructor, __proto__, toString, hasOwnProperty and valueOf are rejected:invalid and the queue moves on', async () => {
    const c = await api.signup('c');
    const scopeId = `personal:${c.userId}`;
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    const first = uuidv7();
    const last = uuidv7();
    const res = await api.pushOk(c, [
      api.mut(c, 'createCapture', { id: first, scopeId, capturedAt: 1, ...draft('p1') }),
      ...names.map((n) => api.mut(c, n, { id: first })),
      api.mut(c, 'createCapture', { id: last, scopeId, capturedAt: 2, ...draft('p2') }),
    ]);
    expect(res.results.map((x) => (x.code ? `${x.status}:${x.code}` : x.status))).toEqual(['applied', ...names.map(() => 'rejected:invalid'), 'applied']);
    expect(res.lastMutationSeq).toBe(names.length + 2);
    const rep = new Replica();
    rep.apply(await api.pullAll(c));
    expect(rep.keys('capture')).toEqual([`capture:${first}`, `capture:${last}`].sort());
  }, BUDGET);
});

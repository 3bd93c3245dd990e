/**
 * Hostile-request generators and the response check shared by the fuzz test (server/test/fuzz.test.ts)
 * and the fuzz benchmark (bench/fuzz.ts), issue 10 "Tests that keep it so".
 *
 * One generator per endpoint of the OpenAPI document (`ENDPOINTS`, keyed `"<method> <openapi path>"`),
 * each built over a {@link FuzzWorld}: a real signed-up device, a team, a capture and a collection, so
 * authenticated handlers and mutation code are reached. Every request may carry hostile path ids,
 * query strings, headers (Authorization, X-Forwarded-For, Content-Type) and a malformed body (wrong
 * types, unknown keys, huge or deep values, text with U+0000 and lone surrogates, bad JSON). Pushes
 * carry valid, malformed and hostile mutations at the device's next seq, so they reach `applyMutation`.
 *
 * {@link responseProblem} is the verdict: no 5xx; a non-2xx body is exactly `{ error: { code, message, ...} }`;
 * a 2xx body has the documented status and parses with the route's response schema; no response text
 * holds a stack frame, SQL, a file path or node_modules.
 */
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { MUTATION_NAMES, type MutationName } from '../../lib/schema';
import { ROUTES } from '../src/openapi';
import { draft, type Api, type Device } from './harness';

/** The rows and devices the generators point at. `victim` (and now and then `main`) may be signed out or revoked by a request; {@link signInAgain} signs it in again. */
export interface FuzzWorld {
  api: Api;
  /** never signed out: generators do not hand its id to destructive routes */
  main: Device;
  /** a second device of `main`'s user, for sign-out, revoke and sign-in */
  victim: Device;
  /** another user, editor in the team */
  other: Device;
  teamId: string;
  captureId: string;
  collectionId: string;
  inviteCode: string;
  inviteId: string;
}

/** A request before rendering: `§victim` in a header and `§next` as a mutation seq are filled at send time. */
export interface FuzzRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  /** a JSON value to serialise, or raw text as it is */
  body?: { json: unknown } | { raw: string };
}

const NEXT = '§next';
const VICTIM = '§victim';
/** `main`'s current token (it changes when a request signed `main` out and it was signed in again). */
const MAIN = '§main';

// ---------- values ----------

/** One UTF-16 unit or code point, biased to what stores and parsers choke on. */
const hostileChar = fc.oneof(
  fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\ufffd', '\ufeff', '%', '\\', '"', '\n', '\u2028', "'", ';', '<'),
  fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

/** Text with U+0000, lone surrogates and other troublemakers; sometimes huge. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: hostileChar, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'constructor', '__proto__', "'; drop table users; --", '../../etc/passwd', '%00', 'personal:x', 'team:x') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', '\u0000', '\ud800', 'é'), fc.constantFrom(300, 5000, 70_000)).map(([c, n]) => c.repeat(n)) },
);

/** `depth` nested arrays around 0: 60–120 deep straddles the guard's bound of 64. */
const nested = fc.integer({ min: 1, max: 120 }).map((depth) => {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
});

/** Marker for thousands of nested arrays (too deep for JSON.stringify): {@link render} splices them in as text. */
const DEEP = '§deep:';
const veryDeep = fc.integer({ min: 1000, max: 8000 }).map((n) => `${DEEP}${n}`);
const spliceDeep = (text: string) => text.replace(/"§deep:(\d+)"/g, (_, n: string) => `${'['.repeat(Number(n))}0${']'.repeat(Number(n))}`);

/** Any JSON value of a wrong or edge kind. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, [], {}) },
  { weight: 1, arbitrary: fc.oneof({ weight: 3, arbitrary: nested }, { weight: 1, arbitrary: veryDeep }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, fc.oneof(hostileString, fc.integer()), { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, fc.integer(), fc.constant(null)), { maxLength: 4 }) },
);

/**
 * Valid values of `valid` (weight `validWeight`), or one broken at a spot (weight 4: object key or array
 * index, up to 3 levels deep; a hostile value set, an unknown key added, a key deleted), or a hostile
 * value instead (weight `wholeWeight`).
 */
export function malformed<T>(valid: fc.Arbitrary<T>, validWeight = 3, wholeWeight = 1): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: validWeight, arbitrary: valid as fc.Arbitrary<unknown> },
    {
      weight: 4,
      arbitrary: fc
        .tuple(valid, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.constantFrom('set', 'add', 'del'), hostileValue, hostileString)
        .map(([v, walk, op, bad, key]) => breakAt(structuredClone(v), walk, op, bad, key)),
    },
    { weight: wholeWeight, arbitrary: hostileValue },
  );
}

function breakAt(root: unknown, walk: number[], op: string, bad: unknown, key: string): unknown {
  let node = root;
  for (let i = 0; i < walk.length; i++) {
    if (node === null || typeof node !== 'object') return bad;
    const keys = Object.keys(node);
    if (keys.length === 0 || op === 'add') {
      (node as Record<string, unknown>)[key] = bad;
      return root;
    }
    const k = keys[walk[i]! % keys.length]!;
    const child = (node as Record<string, unknown>)[k];
    if (i === walk.length - 1 || child === null || typeof child !== 'object') {
      if (op === 'del') delete (node as Record<string, unknown>)[k];
      else (node as Record<string, unknown>)[k] = bad;
      return root;
    }
    node = child;
  }
  return root;
}

/** Raw bodies that are not JSON, or JSON that parsers and prototypes mind. */
const badJson = fc.oneof(
  fc.constantFrom('', '{', '{"a":', '[1,]', 'nul', 'undefined', '\u0000', '\ufeff{}', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}', '1e999999', '"\\ud800"', '{"a":1,"a":2}', '[]', 'null', '0'),
  fc.string({ unit: hostileChar, maxLength: 60 }),
  fc.integer({ min: 65, max: 5000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
  fc.integer({ min: 65, max: 3000 }).map((d) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`),
);

// ---------- path, query, headers ----------

/** Path ids no row can have, in the forms a client can send (percent-encoded or raw). */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('%00', 'a%00b', '%ED%A0%80', '%ED%BF%BF', 'x%00') },
  { weight: 2, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%F0%9F%98', '..', '%2e%2e', '%2F', '0', '-1', 'null', 'undefined', '__proto__', 'constructor') },
  { weight: 2, arbitrary: fc.string({ unit: hostileChar, minLength: 1, maxLength: 20 }).map(encodeURIComponentLoose) },
  { weight: 1, arbitrary: fc.constantFrom(300, 3000, 70_000).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.uuid({ version: 7 }) },
);

/** encodeURIComponent that keeps lone surrogates as invalid `%ED..` bytes (CESU-8) instead of throwing. */
function encodeURIComponentLoose(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) out += `%ED%${(0xa0 | ((c >> 6) & 0x1f)).toString(16).toUpperCase()}%${(0x80 | (c & 0x3f)).toString(16).toUpperCase()}`;
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** Mostly no query (so the handler is reached); now and then a hostile one. */
const query = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('?q=%00', '?%ED%A0%80', '?q=%', '?a=1&b=%zz', '?__proto__[x]=1', `?q=${'z'.repeat(3000)}`, '?', '?a=1') },
  { weight: 1, arbitrary: hostileString.map((s) => `?q=${encodeURIComponentLoose(s)}`) },
);

/** Header text: what `Headers` accepts (no NUL, CR or LF; Latin-1). */
const headerText = fc.oneof(
  { weight: 12, arbitrary: fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((n) => n !== 0x7f).map((n) => String.fromCharCode(n)), maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(5000, 10_000).map((n) => 'a'.repeat(n)) },
);

const authHeader = (w: FuzzWorld, token: 'main' | 'victim') =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(token === 'main' ? `Bearer ${MAIN}` : VICTIM) },
    { weight: 1, arbitrary: fc.constant(`Bearer ${w.other.token}`) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        headerText,
        headerText.map((s) => `Bearer ${s}`),
        fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `Bearer ${MAIN}x`, `bearer  ${MAIN}`, `Bearer x${MAIN}`, `Bearer cap_${'0'.repeat(24)}_${'A'.repeat(43)}`, `Bearer ${w.main.token.slice(0, -1)}`),
      ),
    },
  );

const headersFor = (w: FuzzWorld, token: 'main' | 'victim') =>
  fc
    .record(
      {
        authorization: authHeader(w, token),
        'x-forwarded-for': fc.oneof({ weight: 1, arbitrary: headerText }, { weight: 2, arbitrary: fc.constantFrom('1.2.3.4', '1.2.3.4, 5.6.7.8', '::1', ', ,', 'unknown', '999.999.999.999') }),
        'content-type': fc.oneof(fc.constant('application/json'), headerText, fc.constantFrom('text/plain', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded')),
        origin: fc.constantFrom('chrome-extension://evil', 'null', 'https://example.com'),
      },
      { requiredKeys: [] },
    )
    .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);

// ---------- bodies ----------

const scopeIdOf = (w: FuzzWorld) => fc.oneof(fc.constant(`personal:${w.main.userId}`), fc.constant(`team:${w.teamId}`), fc.constant(`personal:${w.other.userId}`), hostileString);
const newId = fc.uuid({ version: 7 });
const anId = (w: FuzzWorld) => fc.oneof(fc.constant(w.captureId), newId);

/** A capture draft with hostile text in its free-text fields. */
const draftArb = fc.record({ postId: fc.oneof(fc.stringMatching(/^[0-9]{1,19}$/), hostileString), text: hostileString, title: fc.option(hostileString), lang: fc.option(hostileString) }).map(({ postId, ...over }) => draft(postId || '1', over));

/** Valid-shaped args per mutation name (typed: a new name without a row does not compile). */
export const MUTATION_ARGS: { [K in MutationName]: (w: FuzzWorld) => fc.Arbitrary<Record<string, unknown>> } = {
  createCapture: (w) => fc.record({ id: newId, scopeId: scopeIdOf(w), capturedAt: fc.integer(), d: draftArb, note: fc.option(hostileString), tags: fc.array(hostileString, { maxLength: 3 }), collectionIds: fc.array(fc.oneof(fc.constant(w.collectionId), newId), { maxLength: 2 }) }).map(({ d, ...a }) => ({ ...d, ...a })),
  completeCapture: (w) => fc.record({ id: anId(w), set: draftArb }),
  updateCapture: (w) => fc.record({ id: anId(w), baseVersion: fc.nat(), set: fc.record({ note: fc.option(hostileString), title: fc.option(hostileString), reflection: fc.option(hostileString), intent: fc.constantFrom('tip', 'question', null, 'evil') }, { requiredKeys: [] }) }),
  deleteCapture: (w) => fc.record({ id: fc.oneof({ weight: 1, arbitrary: fc.constant(w.captureId) }, { weight: 5, arbitrary: newId }) }),
  addTag: (w) => fc.record({ captureId: anId(w), tag: hostileString }),
  removeTag: (w) => fc.record({ captureId: anId(w), tag: hostileString }),
  createCollection: (w) => fc.record({ id: newId, scopeId: scopeIdOf(w), name: hostileString }),
  renameCollection: (w) => fc.record({ id: fc.oneof(fc.constant(w.collectionId), newId), name: hostileString }),
  deleteCollection: (w) => fc.record({ id: fc.oneof({ weight: 1, arbitrary: fc.constant(w.collectionId) }, { weight: 5, arbitrary: newId }) }),
  addToCollection: (w) => fc.record({ collectionId: fc.oneof(fc.constant(w.collectionId), newId), captureId: anId(w) }),
  removeFromCollection: (w) => fc.record({ collectionId: fc.oneof(fc.constant(w.collectionId), newId), captureId: anId(w) }),
  shareCapture: (w) => fc.record({ sourceId: anId(w), newId, targetScopeId: scopeIdOf(w), note: fc.option(hostileString) }, { requiredKeys: ['sourceId', 'newId', 'targetScopeId'] }),
  withdraw: () => fc.record({ name: hostileString, reason: hostileString }),
  createComment: (w) => fc.record({ id: newId, captureId: anId(w), parentId: fc.option(newId), body: hostileString, mentions: fc.array(fc.oneof(fc.constant(w.other.userId), hostileString), { maxLength: 3 }) }),
  editComment: () => fc.record({ id: newId, body: hostileString, mentions: fc.array(hostileString, { maxLength: 2 }) }),
  deleteComment: () => fc.record({ id: newId }),
  setReaction: (w) => fc.record({ targetKind: fc.constantFrom('capture', 'comment', 'evil'), targetId: anId(w), kind: fc.constantFrom('useful', 'tried', 'thanks', 'evil'), present: fc.boolean() }),
  markAnswered: (w) => fc.record({ captureId: anId(w), commentId: fc.option(newId) }),
};

/** Mutation names that are not: prototype keys, hostile text, near misses. */
const hostileName = fc.oneof(fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'CreateCapture', 'createCapture ', ''), hostileString);

const mutation = (w: FuzzWorld) =>
  fc.oneof(
    // Args that are not an object refuse the whole push (400), so they come rarely; broken args come often (rejected:invalid).
    { weight: 6, arbitrary: fc.constantFrom(...MUTATION_NAMES).chain((name) => malformed(MUTATION_ARGS[name](w), 4, 0).map((args) => ({ name, args }))) },
    { weight: 2, arbitrary: fc.record({ name: hostileName, args: fc.dictionary(hostileString, hostileValue, { maxKeys: 3 }) }) },
  ).chain(({ name, args }) =>
    // The wire mutation itself is rarely broken (that refuses the whole push with 400); its args often are.
    malformed(fc.record({ seq: fc.oneof({ weight: 30, arbitrary: fc.constant<unknown>(NEXT) }, { weight: 1, arbitrary: hostileValue }), mutationId: newId, name: fc.constant(name), args: fc.constant(args), clientTs: fc.integer() }), 120),
  );

const pushBody = (w: FuzzWorld) => malformed(fc.record({ protocolVersion: fc.oneof({ weight: 30, arbitrary: fc.constant<unknown>(1) }, { weight: 1, arbitrary: hostileValue }), schemaVersion: fc.constant(1), deviceId: fc.constant(w.main.deviceId), mutations: fc.array(mutation(w), { minLength: 1, maxLength: 4 }) }), 25);
const pullBody = (w: FuzzWorld) => malformed(fc.record({ protocolVersion: fc.constant(1), schemaVersion: fc.constant(1), deviceId: fc.constant(w.main.deviceId), cookie: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileString }, { weight: 1, arbitrary: fc.base64String({ maxLength: 200 }) }), limit: fc.oneof(fc.integer({ min: -5, max: 2000 }), hostileValue) }, { requiredKeys: ['protocolVersion', 'schemaVersion', 'deviceId', 'cookie'] }), 6);
const email = (w: FuzzWorld) => fc.oneof(fc.constant(w.main.email), fc.emailAddress(), hostileString);
/** Never `main`'s device id: signing in with it would replace `main`'s token. */
const signInDevice = (w: FuzzWorld) => fc.oneof(fc.constant(w.victim.deviceId), newId, fc.constant(w.other.deviceId), hostileString);

// ---------- endpoints ----------

/** How to fuzz one endpoint: which token it gets, ids for its path params, and a valid-shaped body (malformed on the way). */
export interface EndpointSpec {
  token: 'main' | 'victim';
  ids?: Record<string, (w: FuzzWorld) => fc.Arbitrary<string>>;
  body?: (w: FuzzWorld) => fc.Arbitrary<unknown>;
  /** the request may sign out, revoke or re-key `victim` */
  touchesVictim?: boolean;
}

const team = { teamId: (w: FuzzWorld) => fc.constant(w.teamId) };

/** Every endpoint's generator, keyed `"<method> <openapi path>"` as in `buildOpenApi().paths`. */
export const ENDPOINTS: Record<string, EndpointSpec> = {
  'get /healthz': { token: 'main' },
  'get /v1/openapi.json': { token: 'main' },
  'post /v1/accounts': { token: 'main', body: (w) => fc.record({ email: email(w), password: fc.oneof(fc.constant('correct horse'), hostileString), displayName: hostileString, deviceId: signInDevice(w), deviceName: hostileString }) },
  'post /v1/sessions': { token: 'main', touchesVictim: true, body: (w) => fc.record({ email: email(w), password: fc.oneof(fc.constant(w.main.password), hostileString), deviceId: signInDevice(w), deviceName: hostileString }) },
  'delete /v1/sessions/current': { token: 'victim', touchesVictim: true },
  'get /v1/devices': { token: 'main' },
  'delete /v1/devices/{deviceId}': { token: 'main', touchesVictim: true, ids: { deviceId: (w) => fc.constantFrom(w.victim.deviceId, w.other.deviceId) } },
  'get /v1/me': { token: 'main' },
  'post /v1/teams': { token: 'main', body: () => fc.record({ name: hostileString }) },
  'post /v1/teams/{teamId}/invites': { token: 'main', ids: team, body: () => fc.record({ role: fc.constantFrom('editor', 'viewer', 'owner'), expiresInHours: fc.integer({ min: -1, max: 800 }), maxUses: fc.integer({ min: -1, max: 1000 }) }, { requiredKeys: ['role', 'expiresInHours'] }) },
  'get /v1/teams/{teamId}/invites': { token: 'main', ids: team },
  'delete /v1/teams/{teamId}/invites/{inviteId}': { token: 'main', ids: { ...team, inviteId: (w) => fc.constant(w.inviteId) } },
  'post /v1/invites/{code}/accept': { token: 'main', ids: { code: (w) => fc.constant(w.inviteCode) } },
  'get /v1/teams/{teamId}/members': { token: 'main', ids: team },
  'get /v1/teams/{teamId}/digest': { token: 'main', ids: team }, // hostile queries from `query`; valid ones in server/test/digest.test.ts
  'patch /v1/teams/{teamId}/members/{userId}': { token: 'main', ids: { ...team, userId: (w) => fc.constant(w.other.userId) }, body: () => fc.record({ role: fc.constantFrom('editor', 'viewer', 'admin') }) }, // never 'owner': main stays the one owner
  'delete /v1/teams/{teamId}/members/{userId}': { token: 'main', ids: { ...team, userId: (w) => fc.constantFrom(w.other.userId, w.main.userId) } },
  'post /v1/sync/push': { token: 'main', body: pushBody },
  'post /v1/sync/pull': { token: 'main', body: pullBody },
};

/** The endpoints of the OpenAPI document, `"<method> <path>"`. */
export function documentedEndpoints(doc: Record<string, unknown>): string[] {
  return Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
}

/** Requests for one endpoint: real or hostile ids, a hostile query now and then, hostile headers, malformed bodies. @throws Error when `endpoint` has no row in {@link ENDPOINTS}. */
export function requestsFor(endpoint: string, w: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const spec = ENDPOINTS[endpoint];
  if (!spec) throw new Error(`no fuzz generator for ${endpoint}: add a row to ENDPOINTS in server/test/fuzz-requests.ts`);
  const [method, template] = endpoint.split(' ') as [string, string];
  const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const ids = fc.tuple(...params.map((p) => fc.oneof(spec.ids?.[p]?.(w) ?? hostileId, hostileId)));
  const body = method === 'get' ? fc.constant(undefined) : fc.oneof({ weight: 5, arbitrary: (spec.body?.(w) ?? hostileValue).map((json) => ({ json })) }, { weight: 1, arbitrary: badJson.map((raw) => ({ raw })) }, { weight: 1, arbitrary: fc.constant(undefined) });
  return fc.record({ ids, q: query, headers: headersFor(w, spec.token), body }).map(({ ids: vals, q, headers, body: b }) => {
    let i = 0;
    const path = template.replace(/\{\w+\}/g, () => vals[i++]!) + (q ?? '');
    const req: FuzzRequest = { method: method.toUpperCase() as FuzzRequest['method'], path, headers, ...(b ? { body: b } : {}) };
    // Counterexamples print short: huge ids, headers and bodies are cut.
    Object.defineProperty(req, fc.toStringMethod, { enumerable: false, value: () => JSON.stringify(req, (_k, v) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v)) });
    return req;
  });
}

// ---------- sending and judging ----------

/** Fills `§next` seqs from `main.seq` and `§victim` with the victim's token, and serialises the body. */
export function render(r: FuzzRequest, w: FuzzWorld): { path: string; init: RequestInit } {
  const headers = { ...r.headers };
  if (headers.authorization === VICTIM) headers.authorization = `Bearer ${w.victim.token}`;
  if (headers.authorization) headers.authorization = headers.authorization.replace(MAIN, w.main.token);
  let body: string | undefined;
  if (r.body && 'raw' in r.body) body = r.body.raw;
  else if (r.body) {
    let k = 0;
    body = spliceDeep(JSON.stringify(r.body.json, (_key, v) => (v === NEXT ? w.main.seq + k++ : v)));
  }
  return { path: r.path, init: { method: r.method, headers, ...(body !== undefined ? { body } : {}) } };
}

const LEAKS: Array<[string, RegExp]> = [
  ['stack frame', /\bat [\w$.<>]+ \(|\n\s+at |\.(?:ts|js|mjs|cjs):\d+:\d+/],
  ['SQL', /\b(?:select\s[\s\S]{0,120}\sfrom|insert\s+into|delete\s+from|update\s+"?\w+"?\s+set)\b|syntax error|SQLITE_[A-Z]|invalid byte sequence|invalid input syntax|violates [\w\s]*constraint|duplicate key value|relation "/i],
  ['file path', /(?:^|[\s"'(=])\/(?:work|home|usr|tmp|var|opt|root|srv|app|Users)\/|file:\/\/|\b[A-Z]:\\/],
  ['node_modules', /node_modules/],
];

/**
 * What is wrong with one answer, or null when it is fine (see the module doc for the rules).
 * `endpoint` is `"<method> <openapi path>"`; its documented success status and response schema come from `ROUTES`.
 */
export function responseProblem(endpoint: string, status: number, text: string): string | null {
  if (status >= 500) return `status ${status}`;
  for (const [what, re] of LEAKS) if (re.test(text)) return `${what} in the response`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'response is not JSON';
  }
  if (status >= 200 && status < 300) {
    const [method, path] = endpoint.split(' ');
    const route = ROUTES.find((r) => r.method === method && r.path.replace(/:(\w+)/g, '{$1}') === path);
    if (!route) return 'route missing from ROUTES';
    if (status !== route.status) return `status ${status}, documented ${route.status}`;
    return route.response.safeParse(body).success ? null : 'success body does not match the documented schema';
  }
  const e = (body as { error?: unknown } | null)?.error as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Object.keys(body).length !== 1 || !e || typeof e !== 'object') return 'error body is not { error: {...} }';
  if (typeof e.code !== 'string' || typeof e.message !== 'string') return 'error without string code and message';
  return null;
}

/** Signs `d` in again (same device id, fresh token), after a request that may have signed it out. @throws Error when sign-in fails. */
export async function signInAgain(w: FuzzWorld, d: Device): Promise<void> {
  const r = await w.api.req('POST', '/v1/sessions', { body: { email: d.email, password: d.password, deviceId: d.deviceId, deviceName: 'fuzz' } });
  if (r.status !== 201) throw new Error(`sign-in again ${r.status}`);
  d.token = r.body.token;
}

/**
 * Sends one request through `app.request()` (no port), keeps `main`'s seq in step, restores `victim`
 * when needed, and returns the verdict of {@link responseProblem} with the status.
 */
export async function sendAndJudge(endpoint: string, r: FuzzRequest, w: FuzzWorld): Promise<{ status: number; problem: string | null; text: string }> {
  const { path, init } = render(r, w);
  const res = await w.api.app.request(path, init);
  const text = await res.text();
  const problem = responseProblem(endpoint, res.status, text);
  if (endpoint === 'post /v1/sync/push' && !problem) {
    const b = JSON.parse(text) as { lastMutationSeq?: number; error?: { expectedSeq?: number } };
    if (res.status === 200 && typeof b.lastMutationSeq === 'number') w.main.seq = b.lastMutationSeq + 1;
    if (typeof b.error?.expectedSeq === 'number') w.main.seq = b.error.expectedSeq;
  }
  if (ENDPOINTS[endpoint]?.touchesVictim && res.status < 300) {
    // `bearer  <main's token>` is a valid spelling: a sign-out with it signs `main` out.
    if (String((init.headers as Record<string, string>).authorization ?? '').includes(w.main.token)) await signInAgain(w, w.main);
    await signInAgain(w, w.victim);
  }
  return { status: res.status, problem, text };
}

/** Signs up `main` (+ `victim`, its second device) and `other`, makes a team with `other` as editor, a capture, a collection and an invite. */
export async function buildWorld(api: Api): Promise<FuzzWorld> {
  const main = await api.signup('fuzz');
  const victim = await api.newDevice(main);
  const other = await api.signup('other');
  const { teamId } = await api.createTeam(main);
  await api.join(main, teamId, other, 'editor');
  const captureId = await api.createCapture(main, '1000');
  const collectionId = uuidv7();
  await api.pushOk(main, [api.mut(main, 'createCollection', { id: collectionId, scopeId: `personal:${main.userId}`, name: 'c' })]);
  const inv = await api.req('POST', `/v1/teams/${teamId}/invites`, { token: main.token, body: { role: 'viewer', expiresInHours: 24 } });
  const list = await api.req('GET', `/v1/teams/${teamId}/invites`, { token: main.token });
  const inviteId = String(list.body?.invites?.[0]?.id ?? list.body?.invites?.[0]?.inviteId ?? 'none');
  return { api, main, victim, other, teamId, captureId, collectionId, inviteCode: inv.body.code, inviteId };
}

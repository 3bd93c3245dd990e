/**
 * `POST /v1/sync/push` and `POST /v1/sync/pull` (docs/sync-protocol.md 3.4, 3.5): envelope checks here, protocol
 * steps in sync/push.ts and sync/pull.ts.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DEFAULT_PULL_LIMIT, MAX_MUTATIONS_PER_PUSH, MAX_PULL_BYTES, MAX_PUSH_BYTES, PROTOCOL_VERSION, PullRequest, PushRequest } from '../../../lib/schema';
import { admitDevice, bearerToken, requireDevice } from '../auth/middleware';
import { limit, readBody, type AppEnv, type Ctx } from '../context';
import { badRequest, forbidden, HttpError } from '../errors';
import { decodeCookie } from '../sync/cookie';
import { probePull, pull, quickPull } from '../sync/pull';
import { push } from '../sync/push';

const tooLarge = () => {
  throw new HttpError(413, 'payload_too_large', 'request body too large; split the batch');
};

/** 426 for an older protocol, 400 for an unknown newer one; 403 when the body names another device. */
function checkEnvelope(c: Ctx, b: { protocolVersion: number; deviceId: string }): void {
  if (b.protocolVersion < PROTOCOL_VERSION) throw new HttpError(426, 'protocol_too_old', 'update the extension');
  if (b.protocolVersion > PROTOCOL_VERSION) throw badRequest('unsupported protocolVersion');
  if (b.deviceId !== c.get('auth').deviceId) throw forbidden('deviceId is not the token\'s device');
}

/** Routes under /v1/sync. */
export function syncRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.post('/sync/push', bodyLimit({ maxSize: MAX_PUSH_BYTES, onError: tooLarge }), requireDevice, async (c) => {
    const deps = c.get('deps');
    await limit(c, 'push', c.get('auth').deviceId);
    const b = await readBody(c, PushRequest);
    if (b.mutations.length > MAX_MUTATIONS_PER_PUSH) throw new HttpError(413, 'too_many_mutations', `at most ${MAX_MUTATIONS_PER_PUSH} mutations per push`);
    checkEnvelope(c, b);
    const out = await push(deps.store, c.get('auth'), b.mutations, deps.hooks, deps.now);
    return c.json(out.body, out.status);
  });

  r.post('/sync/pull', bodyLimit({ maxSize: MAX_PULL_BYTES, onError: tooLarge }), async (c) => {
    const deps = c.get('deps');
    // Authentication and the steady-state answer come from one statement (sync/pull.ts probePull).
    const token = bearerToken(c);
    const probe = await probePull(deps.store, token.tokenId);
    await admitDevice(c, token.secret, probe.device);
    await limit(c, 'pull', c.get('auth').deviceId);
    const b = await readBody(c, PullRequest);
    checkEnvelope(c, b);
    const cursor = decodeCookie(b.cookie);
    if (!cursor) throw new HttpError(400, 'invalid_cookie', 'cookie is not one this server issued; pull with cookie null');
    return c.json(quickPull(probe, cursor) ?? (await pull(deps.store, c.get('auth'), cursor, b.limit ?? DEFAULT_PULL_LIMIT)));
  });

  return r;
}

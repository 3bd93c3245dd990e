/**
 * `GET /v1/teams/:teamId/digest?from=&to=` (issue 11, docs/discussion.md "Digest"): the team digest
 * for `[from, to)` (epoch ms, at most a year; lib/schema `DigestQuery`). Any member may read it;
 * non-members get 404 like every team route (existence does not leak). Read-only, online-only.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { DigestQuery } from '../../../lib/schema/digest';
import { requireDevice } from '../auth/middleware';
import type { AppEnv } from '../context';
import { teamDigest } from '../digest/rows';
import { badRequest, notFound } from '../errors';
import { memberRole } from './team-access';

/**
 * The team routes' `/teams/*` guard already admits the device when both are mounted under /v1; this
 * one admits it only when nothing did, so the device is looked up and rate-counted once.
 */
const device: MiddlewareHandler<AppEnv> = async (c, next) => (c.get('auth') ? next() : requireDevice(c, next));

/** Routes under /v1: the team digest. Needs a device token. */
export function digestRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/teams/:teamId/digest', device, async (c) => {
    const { store } = c.get('deps');
    const teamId = c.req.param('teamId');
    await memberRole(store.db, c.get('auth').userId, teamId);
    const q = DigestQuery.safeParse(c.req.query());
    if (!q.success) {
      const i = q.error.issues[0]!;
      throw badRequest(`${i.path.join('.') || 'query'}: ${i.code === 'unrecognized_keys' ? 'unknown key' : i.message}`);
    }
    const digest = await teamDigest(store.db, teamId, q.data.from, q.data.to);
    if (!digest) throw notFound('no such team');
    return c.json(digest);
  });
  return r;
}

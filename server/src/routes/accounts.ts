/**
 * Accounts, sessions (device sign-in), devices and `me` (issue 4 endpoint list).
 */
import { Hono } from 'hono';
import { uuidv7 } from 'uuidv7';
import { CreateAccountRequest, CreateSessionRequest } from '../../../lib/schema';
import { requireDevice } from '../auth/middleware';
import { checkPassword, hashPassword } from '../auth/passwords';
import { issueToken } from '../auth/tokens';
import { scopesOf } from '../authz';
import { checkLimit, clientIp, limit, readBody, refused, type AppEnv } from '../context';
import type { Tx } from '../db/open-store';
import { HttpError, notFound, unauthorized } from '../errors';
import { beginSignin } from '../signin-backoff';

/** Binds `deviceId` to `userId` with a new token; keeps `last_mutation_seq` of a known device (S5). */
async function bindDevice(tx: Tx, userId: string, deviceId: string, name: string, now: number): Promise<string> {
  const t = issueToken();
  const existing = await tx.selectFrom('devices').select('user_id').where('id', '=', deviceId).executeTakeFirst();
  if (existing && existing.user_id !== userId) throw new HttpError(409, 'device_conflict', 'this deviceId is registered to another account; generate a new one');
  if (existing) {
    await tx.updateTable('devices').set({ name, token_id: t.tokenId, token_hash: t.hash, revoked_at: null, last_seen_at: now }).where('id', '=', deviceId).execute();
  } else {
    await tx.insertInto('devices').values({ id: deviceId, user_id: userId, name, token_id: t.tokenId, token_hash: t.hash, created_at: now, last_seen_at: now, revoked_at: null }).execute();
  }
  return t.token;
}

/** Routes under /v1: accounts, sessions, devices, me. */
export function accountRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  // Sign-up answers 409 for a taken email (ADR docs/decisions/0008-sign-up-and-existing-emails.md):
  // the password is hashed first in both cases, and the limits come first. The per-address and
  // global sign-up budgets count accounts CREATED, so probing taken emails cannot use them up for
  // everyone (red-team finding); every attempt still spends the per-address `auth` budget.
  r.post('/accounts', async (c) => {
    const deps = c.get('deps');
    const ip = clientIp(c);
    await limit(c, 'auth', ip);
    await checkLimit(c, 'signupsPerAddress', ip);
    await checkLimit(c, 'signups', 'all');
    const b = await readBody(c, CreateAccountRequest);
    const email = b.email.toLowerCase();
    const hash = await hashPassword(b.password, deps.config.argon2);
    const userId = uuidv7();
    const now = deps.now();
    const token = await deps.store.write(async (tx) => {
      const taken = await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      // Generic: the same answer shape a failed sign-in would give, no "email exists" signal beyond 409.
      if (taken) throw new HttpError(409, 'account_unavailable', 'cannot create an account with these details');
      await tx.insertInto('users').values({ id: userId, email, display_name: b.displayName, password_hash: hash, created_at: now }).execute();
      const scopeId = `personal:${userId}`;
      await tx.insertInto('scopes').values({ id: scopeId, kind: 'personal', name: null, created_at: now }).execute();
      await tx.insertInto('memberships').values({ scope_id: scopeId, user_id: userId, role: 'owner', created_at: now }).execute();
      return bindDevice(tx, userId, b.deviceId, b.deviceName, now);
    });
    // Spent after the account exists; a store failure here must not undo the sign-up.
    await Promise.allSettled([limit(c, 'signupsPerAddress', ip), limit(c, 'signups', 'all')]);
    return c.json({ userId, token }, 201);
  });

  // Per address, then per account with backoff (docs/sync-protocol.md 4 "Limits"); the account
  // counters exist for unknown emails too, so a refusal says nothing about whether one is taken.
  r.post('/sessions', async (c) => {
    const deps = c.get('deps');
    // A malformed request spends its address's budget too (before its 400), like any new device's.
    const b = await readBody(c, CreateSessionRequest).catch(async (e: unknown) => {
      await limit(c, 'auth', clientIp(c));
      throw e;
    });
    const email = b.email.toLowerCase();
    const user = await deps.store.db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email).executeTakeFirst();
    // A device that was signed in to this account before (its deviceId is a random id only it
    // knows) is trusted like a device cookie (OWASP): it is not counted in its address's budget,
    // so one address guessing at many accounts does not lock out the returning devices behind it,
    // and it has a backoff of its own, so a guesser elsewhere who keeps the account's backoff
    // running never locks the owner's devices out (red-team findings). New devices share both.
    // (Asked for unknown emails too, so both cost the same queries.)
    const known = await deps.store.db.selectFrom('devices').select('id').where('id', '=', b.deviceId).where('user_id', '=', user?.id ?? '').executeTakeFirst();
    if (!known) await limit(c, 'auth', clientIp(c));
    const attempt = await beginSignin(deps.limiter, deps.config.signinBackoff, known ? `${email}\ndevice:${b.deviceId}` : email);
    if ('ok' in attempt) throw refused(attempt);
    const okPw = await checkPassword(user?.password_hash ?? null, b.password, deps.config.argon2);
    await attempt.finish(!!user && okPw);
    if (!user || !okPw) throw unauthorized('email or password is wrong');
    const token = await deps.store.write((tx) => bindDevice(tx, user.id, b.deviceId, b.deviceName, deps.now()));
    return c.json({ userId: user.id, token }, 201);
  });

  r.delete('/sessions/current', requireDevice, async (c) => {
    const { store, now } = c.get('deps');
    await store.db.updateTable('devices').set({ revoked_at: now() }).where('id', '=', c.get('auth').deviceId).execute();
    return c.json({ ok: true as const });
  });

  r.get('/devices', requireDevice, async (c) => {
    const { store } = c.get('deps');
    const auth = c.get('auth');
    const rows = await store.db.selectFrom('devices').select(['id', 'name', 'created_at', 'last_seen_at', 'revoked_at']).where('user_id', '=', auth.userId).orderBy('created_at').execute();
    return c.json({
      devices: rows.map((d) => ({
        deviceId: d.id, name: d.name, createdAt: Number(d.created_at), lastSeenAt: d.last_seen_at === null ? null : Number(d.last_seen_at),
        revokedAt: d.revoked_at === null ? null : Number(d.revoked_at), current: d.id === auth.deviceId,
      })),
    });
  });

  r.delete('/devices/:deviceId', requireDevice, async (c) => {
    const { store, now } = c.get('deps');
    const res = await store.db.updateTable('devices').set({ revoked_at: now() }).where('id', '=', c.req.param('deviceId')).where('user_id', '=', c.get('auth').userId).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound('no such device');
    return c.json({ ok: true as const });
  });

  r.get('/me', requireDevice, async (c) => {
    const { store } = c.get('deps');
    const auth = c.get('auth');
    const user = await store.db.selectFrom('users').select(['id', 'email', 'display_name']).where('id', '=', auth.userId).executeTakeFirstOrThrow();
    const scopes = await scopesOf(store.db, auth.userId);
    const teams = await store.db
      .selectFrom('teams')
      .innerJoin('memberships', 'memberships.scope_id', 'teams.scope_id')
      .select(['teams.id', 'teams.scope_id', 'teams.name', 'memberships.role'])
      .where('memberships.user_id', '=', auth.userId)
      .orderBy('teams.name')
      .execute();
    return c.json({
      user: { id: user.id, email: user.email, displayName: user.display_name },
      deviceId: auth.deviceId,
      teams: teams.map((t) => ({ teamId: t.id, scopeId: t.scope_id, name: t.name, role: t.role })),
      scopes: scopes.map((s) => (s.name !== null ? { id: s.id, role: s.role, name: s.name } : { id: s.id, role: s.role })),
    });
  });

  return r;
}

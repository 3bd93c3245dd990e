/**
 * Issue 9: a LinkedIn capture a device only PULLED (saved with its id on another device, or saved
 * id-less and merged there) is found by its content key on this device before any click: the pull
 * writes the content-alias note that a local save writes (lib/db/mutations.ts `noteContentAlias`),
 * so `statusForKeys` answers "saved" for the post met without its id. Other platforms (their pages
 * always show the id) get no note.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SatchelDb } from '../database';
import { statusForKeys } from '../queries';
import { makeCapture } from '../testing';
import { contentKeyOf, type Capture } from '../../schema';
import type { SyncChangeOf } from '../../schema/sync';
import { applyCapture } from './apply-capture';
import type { ApplyCtx } from './context';

let db: SatchelDb;
beforeEach(() => {
  db = new SatchelDb(`t-${Math.random()}`);
});
afterEach(() => db.close());

const SCOPE = 'personal:local';
const author = { name: 'Member A', handle: 'member-a', profileUrl: 'https://www.linkedin.com/in/member-a', avatarUrl: null };
const URN = 'urn:li:activity:7453849345784098669';
const TEXT = 'A post worth keeping.';
const CONTENT_KEY = `linkedin:${contentKeyOf({ author, text: TEXT })}`;
const ID = '01900000-0000-7000-8000-0000000000a1';

function ctx(): ApplyCtx {
  return { db, scopeId: SCOPE, userId: 'u1', pending: { captures: new Map(), comments: new Set(), reactions: new Set() }, orphans: [], now: 1 };
}

/** A pulled capture `put` of the LinkedIn post with its id (or, with `over`, another row). */
function put(over: Partial<Capture> = {}, version = 1): SyncChangeOf<'capture'> {
  const c = makeCapture({ id: ID, platform: 'linkedin', postId: URN, permalink: `https://www.linkedin.com/feed/update/${URN}/`, author, text: TEXT, ...over });
  const { tags: _t, collectionIds: _c, deletedAt: _d, ...rest } = c;
  const value = { ...rest, conversationStartedAt: rest.conversationStartedAt ?? null, scopeId: 'personal:u1', ownerUserId: 'u1', sourceCaptureId: null, noteVersion: 0, answerCommentId: null, version, createdAt: 1 };
  return { entity: 'capture', scopeId: 'personal:u1', version, key: c.id, op: 'put', value };
}

describe('pulled captures get their content-alias note (issue 9)', () => {
  it('a LinkedIn capture pulled with its id shows saved under its content key before any save here', async () => {
    expect(await statusForKeys(db, [CONTENT_KEY])).toEqual([]);
    await applyCapture(put(), ctx());
    expect(await statusForKeys(db, [CONTENT_KEY])).toEqual([{ key: CONTENT_KEY, id: ID, incomplete: false, truncated: false }]);
  });

  it('an id-less capture pulled, then pulled again re-keyed (merged on another device): its former key still names it', async () => {
    const idless = { postId: contentKeyOf({ author, text: TEXT }), permalink: null, permalinkMissing: true };
    await applyCapture(put(idless), ctx());
    expect((await db.captures.get(ID))?.key).toBe(CONTENT_KEY);
    // The other device's merge made the text fuller: its content key moved, the old key must still find it.
    const fuller = `${TEXT} And a second sentence the first read cut.`;
    await applyCapture(put({ text: fuller }, 2), ctx());
    expect((await db.captures.get(ID))?.key).toBe(`linkedin:${URN}`);
    const fullerKey = `linkedin:${contentKeyOf({ author, text: fuller })}`;
    expect(await statusForKeys(db, [CONTENT_KEY, fullerKey])).toEqual([
      { key: CONTENT_KEY, id: ID, incomplete: false, truncated: false },
      { key: fullerKey, id: ID, incomplete: false, truncated: false },
    ]);
  });

  it('captures of sites whose pages always show the id get no note (the pull stays cheap)', async () => {
    await applyCapture(put({ platform: 'x', postId: '1800000000000000001', permalink: 'https://x.com/a/status/1800000000000000001' }), ctx());
    expect(await db.kv.where('key').startsWith('alias:').count()).toBe(0);
  });
});

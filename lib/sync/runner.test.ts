import { describe, it, expect } from 'vitest';
import { createSyncRunner, SYNC_LOCK, type Locks } from './runner';
import { SatchelDb } from '../db';
import type { Fetch } from './transport';

/** A Web Locks double: `held` makes ifAvailable requests get null. */
function fakeLocks(held: boolean): Locks & { asked: Array<{ name: string; ifAvailable: boolean }> } {
  const asked: Array<{ name: string; ifAvailable: boolean }> = [];
  return {
    asked,
    request: (name, opts, cb) => {
      asked.push({ name, ifAvailable: opts.ifAvailable });
      return cb(held && opts.ifAvailable ? null : {});
    },
  };
}

const neverFetch: Fetch = async () => {
  throw new Error('no network in this test');
};

describe('createSyncRunner', () => {
  it('is signed-out without auth, and asks the Web Lock without waiting unless forced', async () => {
    const db = new SatchelDb(`runner-${Math.random()}`);
    const locks = fakeLocks(false);
    const run = createSyncRunner({ db, fetch: neverFetch, locks });
    expect(await run()).toEqual({ status: 'signed-out' });
    expect(await run(true)).toEqual({ status: 'signed-out' });
    expect(locks.asked).toEqual([{ name: SYNC_LOCK, ifAvailable: true }, { name: SYNC_LOCK, ifAvailable: false }]);
    db.close();
  });

  it('returns busy when another run holds the lock', async () => {
    const db = new SatchelDb(`runner-${Math.random()}`);
    const run = createSyncRunner({ db, fetch: neverFetch, locks: fakeLocks(true) });
    expect(await run()).toEqual({ status: 'busy' });
    db.close();
  });
});

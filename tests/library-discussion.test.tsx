import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { SatchelDb } from '../lib/db';
import { SYNC_SCOPES_KEY } from '../lib/db/share';
import { writeSyncAuth } from '../lib/db/sync-state';
import { writeMembers } from '../lib/db/members';
import { makeCapture } from '../lib/db/testing';
import { makeTranslate } from '../lib/util/i18n';
import type { Capture } from '../lib/schema';
import en from '../public/_locales/en/messages.json';
import { Discussion } from '../components/discussion/Discussion';
import { loadDiscussion, useDiscussion } from '../entrypoints/library/discussion-data';

// The library's discussion container (entrypoints/library/discussion-data.ts) on a real Dexie
// database: rights from the synced role and sharer, names from the members cache, writes through
// lib/db/discussion.ts, and live updates when sync lands a row (no reload).

const t = makeTranslate(null, en);
const TEAM = 'team:t1';
const CAP = '01900000-0000-7000-8000-0000000000a1';
const ME = 'u-me';
let db: SatchelDb;
let cap: Capture;

async function seed(role: 'owner' | 'editor' | 'viewer', sharer: string, signedIn = true) {
  await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: TEAM, role, name: 'Cohort' }] });
  if (signedIn) await writeSyncAuth(db, { serverUrl: 'https://satchel.example.org', token: 'cap_0123_secret', deviceId: '01900000-0000-7000-8000-0000000000d1', userId: ME });
  cap = makeCapture({ id: CAP, scopeId: TEAM, intent: 'question', note: 'Who tried this?', key: 'x:1' });
  await db.captures.add(cap);
  await db.syncMeta.put({ id: CAP, scopeId: TEAM, version: 1, noteVersion: 0, ownerUserId: sharer, sourceCaptureId: null });
  await writeMembers(db, TEAM, [
    { userId: ME, displayName: 'Mia Me', role, joinedAt: 1, spotlight: true },
    { userId: 'u-ben', displayName: 'Ben Okafor', role: 'editor', joinedAt: 1, spotlight: true },
  ], 1);
}

function Harness({ capture }: { capture: Capture }) {
  const d = useDiscussion(db, capture, t);
  return d ? <Discussion {...d} t={t} /> : <p>loading</p>;
}

beforeEach(() => {
  db = new SatchelDb(`lib-discussion-${Math.random()}`);
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('library discussion container', () => {
  it('rights come from the synced role and the sharer; signed out is read only', async () => {
    await seed('viewer', ME);
    expect((await loadDiscussion(db, cap)).viewer).toEqual({ userId: ME, teamOwner: false, sharer: true });
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: TEAM, role: 'owner', name: 'Cohort' }] });
    const d = await loadDiscussion(db, cap);
    expect(d.viewer.teamOwner).toBe(true);
    expect(d).toMatchObject({ isQuestion: true, question: 'Who tried this?' });
    expect(d.members.map((m) => m.displayName)).toEqual(['Mia Me', 'Ben Okafor']);
    await db.kv.delete('syncAuth');
    expect((await loadDiscussion(db, cap)).viewer.userId).toBeNull();
  });

  it('a comment written here shows as not sent yet; a reply that sync lands appears without a reload', async () => {
    await seed('viewer', 'u-ben');
    render(<Harness capture={cap} />);
    const box = await screen.findByRole('textbox', { name: 'Write a comment' });
    fireEvent.input(box, { target: { value: 'We tried it @Ben Okafor' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.queryByRole('alert')?.textContent ?? 'no error').toBe('no error'));
    const mine = await screen.findByText(/We tried it/);
    const item = mine.closest('[data-testid="comment"]') as HTMLElement;
    expect(within(item).getByText('Mia Me')).toBeTruthy();
    await waitFor(() => expect(within(item).getByTestId('comment-pending')).toBeTruthy());
    await db.outbox.clear(); // the server acknowledged it
    await waitFor(() => expect(within(item).queryByTestId('comment-pending')).toBeNull());
    // What the pull step writes for another member's reply:
    await db.comments.put({ id: '01900000-0000-7000-8000-0000000000c9', scopeId: TEAM, captureId: CAP, parentId: item.dataset.commentId!, authorUserId: 'u-ben', body: 'Nice, how long did it take?', mentions: [], createdAt: Date.now(), editedAt: null });
    expect(await screen.findByText('Nice, how long did it take?')).toBeTruthy();
    expect(screen.getByTestId('discussion-count').textContent).toBe('2 comments');
  });
});

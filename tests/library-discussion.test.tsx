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
    expect((await loadDiscussion(db, cap)).viewer).toEqual({ userId: ME, teamOwner: false, sharer: true, notMember: false });
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: TEAM, role: 'owner', name: 'Cohort' }] });
    const d = await loadDiscussion(db, cap);
    expect(d.viewer.teamOwner).toBe(true);
    expect(d).toMatchObject({ isQuestion: true, question: 'Who tried this?' });
    expect(d.members.map((m) => m.displayName)).toEqual(['Mia Me', 'Ben Okafor']);
    await db.kv.delete('syncAuth');
    expect((await loadDiscussion(db, cap)).viewer).toMatchObject({ userId: null, notMember: false }); // signed out: asked to sign in
  });

  it('removed from the team while signed in: read only, "You are no longer a member of this team" (not "Sign in"); a write is refused with it', async () => {
    await seed('editor', 'u-ben');
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: [] }); // the last pull no longer lists the team
    expect((await loadDiscussion(db, cap)).viewer).toEqual({ userId: null, teamOwner: false, sharer: false, notMember: true });
    let props: ReturnType<typeof useDiscussion> = null;
    function Spy() {
      props = useDiscussion(db, cap, t);
      return props ? <Discussion {...props} t={t} /> : <p>loading</p>;
    }
    render(<Spy />);
    expect((await screen.findByTestId('discussion-not-member')).textContent).toBe('You are no longer a member of this team');
    expect(screen.queryByTestId('discussion-signed-out')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    await expect(props!.onAdd('hello', [], null)).rejects.toThrow('You are no longer a member of this team');
    expect(await db.outbox.count()).toBe(0);
  });

  it('a long thread: the newest page first; "Show older comments" reads the next page until the whole thread is shown', async () => {
    await seed('viewer', 'u-ben');
    const id = (i: number) => `01900000-0000-7000-8000-${(0xd00 + i).toString(16).padStart(12, '0')}`;
    // 25 top-level comments, one a minute, and a reply to the oldest written last.
    await db.comments.bulkPut([
      ...Array.from({ length: 25 }, (_, i) => ({ id: id(i), scopeId: TEAM, captureId: CAP, parentId: null, authorUserId: 'u-ben', body: `top ${i}`, mentions: [], createdAt: 1_780_000_000_000 + i * 60_000, editedAt: null })),
      { id: id(99), scopeId: TEAM, captureId: CAP, parentId: id(0), authorUserId: ME, body: 'late reply to the first', mentions: [], createdAt: 1_780_000_000_000 + 99 * 60_000, editedAt: null },
    ]);
    render(<Harness capture={cap} />);
    await screen.findByText('top 24');
    const texts = () => screen.getAllByTestId('comment').map((el) => el.querySelector('.comment__body')?.textContent);
    expect(screen.getAllByTestId('comment')).toHaveLength(10);
    expect(screen.queryByText('top 14')).toBeNull();
    expect(screen.getByTestId('discussion-count').textContent).toBe('26 comments');
    fireEvent.click(screen.getByRole('button', { name: 'Show older comments (16)' }));
    expect(await screen.findByText('top 5')).toBeTruthy();
    expect(screen.getAllByTestId('comment')).toHaveLength(20);
    const last = screen.getByRole('button', { name: 'Show older comments (6)' });
    last.focus();
    fireEvent.click(last);
    expect(await screen.findByText('late reply to the first')).toBeTruthy();
    expect(screen.getAllByTestId('comment')).toHaveLength(26);
    expect(texts()[0]).toBe('top 0');
    expect(screen.queryByTestId('discussion-older')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('comments')));
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

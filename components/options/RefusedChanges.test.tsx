import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { RefusedChanges, describeRefused, refusedReason, refusedChangesFile, type RefusedRow } from './RefusedChanges';
import type { ActionResult, RefusedChangeView } from './types';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';
import { absoluteTime } from '../../lib/util/time';

const t = makeTranslate(null, en);
afterEach(cleanup);
const T = Date.UTC(2026, 10, 30, 14, 5);
let n = 0;
const change = (o: Partial<RefusedRow>): RefusedRow => ({
  mutationId: `m${++n}`, seq: n, name: 'addTag', args: {}, scopeId: null, status: 'rejected', code: null, at: T, ...o,
});
const longText = `Five   habits of\nteams that ship: ${'x'.repeat(200)}`;
const rows: RefusedChangeView[] = [
  change({ mutationId: 'save', name: 'createCapture', args: { id: 'c1', scopeId: 'team:t1', author: { name: 'Grace Hopper', handle: null, profileUrl: null, avatarUrl: null }, text: longText, title: null }, scopeId: 'team:t1', status: 'gone' }),
  change({ mutationId: 'tag', name: 'addTag', args: { captureId: 'c2', tag: 'leadership' }, status: 'rejected', code: 'forbidden' }),
  change({ mutationId: 'untag', name: 'removeTag', args: { captureId: 'c2', tag: 'ai' }, status: 'rejected' }),
  change({ mutationId: 'edit', name: 'updateCapture', args: { id: 'c3', baseVersion: 2, set: { note: 'my note' } }, status: 'not_found' }),
  change({ mutationId: 'share', name: 'shareCapture', args: { sourceId: 'c4', newId: 'c5', targetScopeId: 'team:t2' }, status: 'gone' }),
  change({ mutationId: 'col', name: 'renameCollection', args: { id: 'k1', name: 'Reading list' }, status: 'rejected', code: 'id_conflict' }),
];
const ok = async (): Promise<ActionResult> => ({ ok: true, value: undefined });

describe('describeRefused / refusedReason', () => {
  it.each([
    ['createCapture', { author: { name: 'Ada' }, text: 'Hello\n world' }, 'Saved post', 'Ada: “Hello world”'],
    ['completeCapture', { id: 'c', set: { author: null, text: 'Full text' } }, 'Completed a saved post', '“Full text”'],
    ['createCapture', { author: { name: 'Ada' }, text: '' }, 'Saved post', 'Post by Ada'],
    ['updateCapture', { id: 'c', set: {} }, 'Edited post', null],
    ['deleteCapture', { id: 'c' }, 'Deleted post', null],
    ['addTag', { tag: 'ai' }, 'Added tag ai', null],
    ['removeTag', { tag: 'ai' }, 'Removed tag ai', null],
    ['createCollection', { name: 'Reading' }, 'Created collection Reading', null],
    ['renameCollection', { name: 'Later' }, 'Renamed a collection to Later', null],
    ['deleteCollection', { id: 'k' }, 'Deleted a collection', null],
    ['addToCollection', {}, 'Added a post to a collection', null],
    ['removeFromCollection', {}, 'Removed a post from a collection', null],
    ['shareCapture', {}, 'Shared a post to a team', null],
    ['createComment', { body: 'Tried it\nwith my team' }, 'Comment on a team post', '“Tried it with my team”'],
    ['editComment', { body: 'Better words' }, 'Edited a comment', '“Better words”'],
    ['deleteComment', { id: 'k' }, 'Deleted a comment', null],
    ['setReaction', { kind: 'useful' }, 'Reaction on a team post or comment', null],
    ['markAnswered', { captureId: 'c', commentId: null }, 'Marked the answer to a question', null],
    ['futureThing', {}, 'Another change (futureThing)', null],
    ['constructor', {}, 'Another change (constructor)', null],
  ])('%s %j → %s', (name, args, what, subject) => {
    expect(describeRefused({ name, args }, t)).toEqual({ what, subject });
  });

  it('clips a long post text to 80 characters', () => {
    const { subject } = describeRefused(rows[0]!, t);
    expect(subject).toMatch(/^Grace Hopper: “Five habits of teams that ship: x+…”$/);
    expect([...subject!.slice('Grace Hopper: “'.length, -1)]).toHaveLength(80);
  });

  it('says why by status, with the code of a rejection', () => {
    expect(refusedReason({ status: 'gone', code: null }, t)).toBe('Not accepted: the team or collection no longer exists, or you are no longer a member.');
    expect(refusedReason({ status: 'not_found', code: null }, t)).toBe('Not accepted: it no longer exists on the server, or you are no longer in its team.');
    expect(refusedReason({ status: 'rejected', code: null }, t)).toBe('Not accepted: the server refused it.');
    expect(refusedReason({ status: 'rejected', code: 'id_conflict' }, t)).toBe('Not accepted: the server refused it (reason: id_conflict).');
    expect(refusedReason({ status: 'rejected', code: 'forbidden' }, t)).toBe('Not accepted: the server refused it (reason: forbidden). Your role in that team does not allow this change.');
    expect(refusedReason({ status: 'weird', code: null }, t)).toBe('Not accepted (status: weird).');
  });

  it('says a withdrawn change was given up on by this browser, with its reason (issue 10)', () => {
    const reason = 'the server failed on this change 3 times: 500 internal';
    expect(refusedReason({ status: 'rejected', code: 'withdrawn', reason }, t)).toBe(`Not sent: Satchel gave up on it so your other changes could sync (${reason}). Download it to keep its content.`);
    render(<RefusedChanges changes={[change({ mutationId: 'w', name: 'updateCapture', args: { id: 'c', set: { note: 'x' } }, code: 'withdrawn', reason })]} onDismiss={ok} onDownload={() => {}} t={t} />);
    expect(screen.getByRole('listitem').querySelector('.refused__why')!.textContent).toContain(`gave up on it so your other changes could sync (${reason})`);
  });
});

describe('RefusedChanges', () => {
  it('renders nothing when there are no refused changes', () => {
    const { container } = render(<RefusedChanges changes={[]} onDismiss={ok} onDownload={() => {}} t={t} />);
    expect(container.innerHTML).toBe('');
  });

  it('lists each change with what, the post, when and why, under a counted heading', () => {
    render(<RefusedChanges changes={rows} onDismiss={ok} onDownload={() => {}} teamNames={{ t1: 'Platform', t2: 'Design' }} t={t} locale="en-GB" now={() => T + 30 * 86_400_000} />);
    const section = screen.getByRole('region', { name: 'Changes the server did not accept (6)' });
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Changes the server did not accept (6)');
    const items = within(within(section).getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.opt-row__title')!.textContent)).toEqual([
      'Saved post', 'Added tag leadership', 'Removed tag ai', 'Edited post', 'Shared a post to a team', 'Renamed a collection to Reading list',
    ]);
    expect(items[0]!.textContent).toContain('Grace Hopper: “Five habits of teams that ship:');
    expect(items[0]!.textContent).toContain('in team Platform');
    expect(items[0]!.textContent).toContain('the team or collection no longer exists, or you are no longer a member');
    expect(items[4]!.textContent).toContain('in team Design');
    expect(items[1]!.textContent).toContain('(reason: forbidden). Your role in that team does not allow this change.');
    expect(items[2]!.textContent).toContain('Not accepted: the server refused it.');
    expect(items[3]!.textContent).toContain('it no longer exists on the server');
    const time = items[0]!.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe(new Date(T).toISOString());
    // Older than a week: the one absolute format (lib/util/time.ts); recent ones read relative (issue 12).
    expect(time.textContent).toBe(absoluteTime(T, 'en-GB'));
    cleanup();
    render(<RefusedChanges changes={rows} onDismiss={ok} onDownload={() => {}} t={t} locale="en-GB" now={() => T + 3 * 3600_000} />);
    expect(screen.getAllByRole('listitem')[0]!.querySelector('time')!.textContent).toBe('3 hours ago');
  });

  it('downloads every row with its payload as JSON', async () => {
    const onDownload = vi.fn();
    render(<RefusedChanges changes={rows} onDismiss={ok} onDownload={onDownload} t={t} now={() => T} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download as JSON' }));
    expect(onDownload).toHaveBeenCalledOnce();
    const { blob, name } = onDownload.mock.calls[0]![0] as { blob: Blob; name: string };
    expect(name).toBe('satchel-refused-changes-2026-11-30.json');
    expect(blob.type).toBe('application/json');
    const body = JSON.parse(await blob.text());
    expect(body.format).toBe('satchel-refused-changes');
    expect(body.exportedAt).toBe(new Date(T).toISOString());
    expect(body.changes).toHaveLength(6);
    expect(body.changes[0]).toMatchObject({ mutationId: 'save', name: 'createCapture', status: 'gone', refusedAt: new Date(T).toISOString() });
    expect(body.changes[0].args.text).toBe(longText);
  });

  it('refusedChangesFile is pure and keeps the rows as given', async () => {
    const f = refusedChangesFile([rows[1]!], T);
    expect(JSON.parse(await f.blob.text()).changes).toEqual([{ ...rows[1], refusedAt: new Date(T).toISOString() }]);
  });

  it('dismisses one row (named button) and moves focus to the next row; Dismiss all sends every id', async () => {
    function Harness({ onDismiss }: { onDismiss: (ids: string[]) => void }) {
      const [list, setList] = useState(rows);
      return (
        <RefusedChanges
          changes={list}
          onDismiss={async (ids) => {
            onDismiss(ids);
            setList((l) => l.filter((c) => !ids.includes(c.mutationId)));
            return { ok: true, value: undefined };
          }}
          onDownload={() => {}}
          t={t}
        />
      );
    }
    const onDismiss = vi.fn();
    render(<Harness onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss “Added tag leadership”' }));
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('Changes the server did not accept (5)'));
    expect(onDismiss).toHaveBeenLastCalledWith(['tag']);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Dismiss “Removed tag ai”' })));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss all' }));
    await waitFor(() => expect(screen.queryByTestId('refused-changes')).toBeNull());
    expect(onDismiss).toHaveBeenLastCalledWith(['save', 'untag', 'edit', 'share', 'col']);
  });

  it('a failed dismiss is shown in words and the row stays', async () => {
    render(<RefusedChanges changes={rows} onDismiss={async () => ({ ok: false, error: 'Could not dismiss.' })} onDownload={() => {}} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss “Saved post”' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not dismiss.');
    expect(screen.getAllByRole('listitem')).toHaveLength(6);
  });
});

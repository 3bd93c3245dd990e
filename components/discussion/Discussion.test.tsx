import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, fireEvent, cleanup, screen, waitFor, within } from '@testing-library/preact';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';
import { Discussion, DISCUSSION_PAGE } from './Discussion';
import { QuestionBlock } from './QuestionBlock';
import { indexMembers } from './members';
import { comment, thread, reactions, MEMBERS, viewerOf } from './testing';
import type { DiscussionProps, ThreadView } from './types';

const t = makeTranslate(null, en);
afterEach(cleanup);
const NOW = Date.UTC(2026, 11, 7, 9, 0);

function setup(over: Partial<DiscussionProps> = {}) {
  const actions = {
    onAdd: vi.fn(async () => {}),
    onEdit: vi.fn(async () => {}),
    onDelete: vi.fn(async () => {}),
    onReact: vi.fn(async () => {}),
    onMarkAnswered: vi.fn(async () => {}),
  };
  const props: DiscussionProps = { thread: thread([]), members: MEMBERS, viewer: viewerOf('u-ben'), isQuestion: false, question: null, now: NOW, ...actions, ...over };
  const view = render(<Discussion {...props} t={t} locale="en" />);
  return { ...view, actions, props, rerender: (p: Partial<DiscussionProps>) => view.rerender(<Discussion {...props} {...p} t={t} locale="en" />) };
}
const commentEl = (text: string) => screen.getByText(text).closest('[data-testid="comment"]') as HTMLElement;

describe('Discussion', () => {
  it('shows the count, capture reactions, comments with author, time, edited and pending marks, and replies', () => {
    const reply = comment({ authorUserId: 'u-ben', body: 'Tried it on Monday', parentId: 'top', pending: true });
    const top = comment({ id: 'top', body: 'Worth a read', editedAt: NOW - 60_000, replies: [reply] });
    const gone = comment({ authorUserId: 'u-left', body: 'I was here' });
    setup({ thread: thread([top, gone], { reactions: reactions({ useful: ['u-ana', 'u-ben'] }, 'u-ben') }) });
    expect(screen.getByTestId('discussion-count').textContent).toBe('3 comments');
    const useful = within(screen.getByRole('group', { name: 'Reactions to this capture' })).getByRole('button', { name: /Useful/ });
    expect(useful.getAttribute('aria-pressed')).toBe('true');
    expect(useful.textContent).toContain('2');
    const topEl = commentEl('Worth a read');
    expect(within(topEl).getByText('Ana Souza')).toBeTruthy();
    expect(within(topEl).getAllByText('(edited)').length).toBe(1);
    expect(topEl.querySelector('time')!.textContent).toBe('1 hour ago');
    const time = topEl.querySelector('time')!;
    expect(time.getAttribute('dateTime')).toBe('2026-12-07T08:00:00.000Z');
    fireEvent.mouseEnter(time); // the absolute date is made on demand
    expect(time.title).toMatch(/Dec 7, 2026/);
    expect(within(commentEl('Tried it on Monday')).getByTestId('comment-pending').textContent).toBe('Not sent yet — will send when online');
    expect(within(commentEl('I was here')).getByText('A former member')).toBeTruthy();
  });

  it('one comment reads "1 comment"; an empty thread invites the first', () => {
    setup({ thread: thread([comment()]) });
    expect(screen.getByTestId('discussion-count').textContent).toBe('1 comment');
    cleanup();
    setup();
    expect(screen.getByTestId('discussion-empty')).toBeTruthy();
  });

  it('rights: Edit only on mine, Delete on mine, Reply on top-level comments; the owner deletes any', () => {
    const mine = comment({ authorUserId: 'u-ben', body: 'mine' });
    const theirs = comment({ authorUserId: 'u-ana', body: 'theirs', replies: [comment({ authorUserId: 'u-ana', body: 'their reply', parentId: 'x' })] });
    setup({ thread: thread([mine, theirs]) });
    const names = (el: HTMLElement) => within(el).queryAllByRole('button').map((b) => b.textContent).filter((s) => !/Useful|Tried|Thanks/.test(s!));
    expect(names(commentEl('mine'))).toEqual(['Reply', 'Edit', 'Delete']);
    expect(names(within(commentEl('theirs')).getByText('theirs').closest('article')!)).toEqual(['Reply']);
    expect(names(commentEl('their reply'))).toEqual([]);
    cleanup();
    setup({ thread: thread([mine, theirs]), viewer: viewerOf('u-dev', { teamOwner: true }) });
    expect(names(commentEl('mine'))).toEqual(['Reply', 'Delete']);
    expect(names(commentEl('their reply'))).toEqual(['Delete']);
  });

  it('signed out: read only, with "Sign in to join the discussion"', () => {
    setup({ thread: thread([comment({ body: 'hello' })]), viewer: viewerOf(null) });
    expect(screen.getByTestId('discussion-signed-out').textContent).toBe('Sign in to join the discussion');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(within(commentEl('hello')).queryByRole('button', { name: 'Reply' })).toBeNull();
    const useful = within(commentEl('hello')).getByRole('button', { name: /Useful/ });
    expect(useful.getAttribute('aria-disabled')).toBe('true');
  });

  it('signed in but removed from the team: read only, told they are no longer a member (not asked to sign in)', () => {
    setup({ thread: thread([comment({ body: 'hello' })]), viewer: viewerOf(null, { notMember: true }) });
    expect(screen.getByTestId('discussion-not-member').textContent).toBe('You are no longer a member of this team');
    expect(screen.queryByTestId('discussion-signed-out')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(within(commentEl('hello')).queryByRole('button', { name: 'Reply' })).toBeNull();
  });

  it('sends a new comment with Send and clears the box; a refused write keeps the text and says why', async () => {
    const { actions } = setup();
    const box = screen.getByRole('textbox', { name: 'Write a comment' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: '  First!  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(box.value).toBe(''));
    expect(actions.onAdd).toHaveBeenCalledWith('First!', [], null);
    actions.onAdd.mockRejectedValueOnce(new Error('You are no longer in this team.'));
    fireEvent.input(box, { target: { value: 'Second' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await screen.findByText('You are no longer in this team.');
    expect(box.value).toBe('Second');
  });

  it('replies under a comment and returns focus to Reply', async () => {
    const { actions } = setup({ thread: thread([comment({ id: 'top', body: 'Question?' })]) });
    const reply = within(commentEl('Question?')).getByRole('button', { name: 'Reply' });
    fireEvent.click(reply);
    const box = screen.getByRole('textbox', { name: 'Reply to Ana Souza' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    fireEvent.input(box, { target: { value: 'Yes' } });
    fireEvent.keyDown(box, { key: 'Enter', metaKey: true });
    await waitFor(() => expect(actions.onAdd).toHaveBeenCalledWith('Yes', [], 'top'));
    await waitFor(() => expect(document.activeElement).toBe(within(commentEl('Question?')).getByRole('button', { name: 'Reply' })));
  });

  it('edits my comment in place (Escape cancels, Save saves) and deletes it after asking', async () => {
    const c = comment({ id: 'c-mine', authorUserId: 'u-ben', body: 'Typo heer', mentions: ['u-ana'] });
    const { actions } = setup({ thread: thread([c]) });
    fireEvent.click(within(commentEl('Typo heer')).getByRole('button', { name: 'Edit' }));
    let box = screen.getByRole('textbox', { name: 'Edit your comment' }) as HTMLTextAreaElement;
    expect(box.value).toBe('Typo heer');
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Edit your comment' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(within(commentEl('Typo heer')).getByRole('button', { name: 'Edit' })));
    fireEvent.click(within(commentEl('Typo heer')).getByRole('button', { name: 'Edit' }));
    box = screen.getByRole('textbox', { name: 'Edit your comment' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Typo here' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(actions.onEdit).toHaveBeenCalledWith('c-mine', 'Typo here', []));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Edit your comment' })).toBeNull());
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Edit'));

    fireEvent.click(within(commentEl('Typo heer')).getByRole('button', { name: 'Delete' }));
    expect(screen.getByRole('group', { name: 'Delete this comment?' })).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: 'Delete this comment?' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(actions.onDelete).toHaveBeenCalledWith('c-mine'));
    expect(screen.getByTestId('discussion-live').textContent).toBe('Comment deleted.');
  });

  it('a deleted comment with replies shows as a stub with its replies', () => {
    const stub = comment({ body: '', deleted: true, replies: [comment({ body: 'still here', parentId: 'x' })] });
    setup({ thread: thread([stub]) });
    expect(screen.getByText('This comment was deleted.')).toBeTruthy();
    expect(screen.getByText('still here')).toBeTruthy();
  });

  it('a page of a long thread: "Show older comments (n)" asks the container for more; when the last page comes, focus moves to the list', async () => {
    const many = Array.from({ length: DISCUSSION_PAGE + 5 }, (_, i) => comment({ body: `n${i}` }));
    const onShowOlder = vi.fn();
    const { rerender } = setup({ thread: thread(many.slice(5), { olderCount: 7 }), onShowOlder });
    expect(screen.getAllByTestId('comment').length).toBe(DISCUSSION_PAGE);
    expect(screen.queryByText('n0')).toBeNull();
    const older = screen.getByRole('button', { name: 'Show older comments (7)' });
    older.focus();
    fireEvent.click(older);
    expect(onShowOlder).toHaveBeenCalledTimes(1);
    rerender({ thread: thread(many.slice(2), { olderCount: 3 }), onShowOlder }); // a page that is not the last: the button stays, focused
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show older comments (3)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show older comments (3)' }));
    rerender({ thread: thread(many), onShowOlder });
    expect(screen.getAllByTestId('comment').length).toBe(DISCUSSION_PAGE + 5);
    expect(screen.getByText('n0')).toBeTruthy();
    expect(screen.queryByTestId('discussion-older')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('comments')));
    // Without a container to ask (onShowOlder absent), no button.
    rerender({ thread: thread(many.slice(5), { olderCount: 7 }), onShowOlder: undefined });
    expect(screen.queryByTestId('discussion-older')).toBeNull();
  });

  it('Mark answered: only for a question, by its sharer or the owner; the answer is marked and can be unmarked', async () => {
    const reply = comment({ id: 'ans', authorUserId: 'u-ben', body: 'Use a checklist' });
    const th: ThreadView = thread([reply]);
    const { actions, rerender } = setup({ thread: th, viewer: viewerOf('u-ana', { sharer: true }), isQuestion: true, question: 'How do you onboard?' });
    fireEvent.click(within(commentEl('Use a checklist')).getByRole('button', { name: 'Mark answered' }));
    await waitFor(() => expect(actions.onMarkAnswered).toHaveBeenCalledWith('ans'));
    rerender({ thread: { ...th, answer: reply } });
    expect(within(commentEl('Use a checklist')).getByText('Answer')).toBeTruthy();
    fireEvent.click(within(commentEl('Use a checklist')).getByRole('button', { name: 'Unmark answer' }));
    await waitFor(() => expect(actions.onMarkAnswered).toHaveBeenCalledWith(null));
    cleanup();
    setup({ thread: th, viewer: viewerOf('u-chloe'), isQuestion: true, question: 'q' });
    expect(screen.queryByRole('button', { name: 'Mark answered' })).toBeNull();
    cleanup();
    setup({ thread: th, viewer: viewerOf('u-dev', { teamOwner: true }), isQuestion: true, question: 'q' });
    expect(screen.getByRole('button', { name: 'Mark answered' })).toBeTruthy();
    cleanup();
    setup({ thread: th, viewer: viewerOf('u-ana', { sharer: true }), isQuestion: false });
    expect(screen.queryByRole('button', { name: 'Mark answered' })).toBeNull();
  });
});

describe('QuestionBlock', () => {
  const names = indexMembers(MEMBERS);
  it('shows the question and "Open question" until answered, then "Answered" with the pinned answer under it', () => {
    const { rerender } = render(<QuestionBlock question="How do you onboard new starters?" answer={null} names={names} now={NOW} t={t} />);
    expect(screen.getByRole('heading', { name: 'Question' })).toBeTruthy();
    expect(screen.getByText('How do you onboard new starters?')).toBeTruthy();
    expect(screen.getByTestId('question-status').textContent).toBe('Open question');
    expect(screen.queryByTestId('question-answer')).toBeNull();
    rerender(<QuestionBlock question="How do you onboard new starters?" answer={comment({ authorUserId: 'u-ben', body: 'A buddy for a week', createdAt: NOW - 2 * 3600_000 })} names={names} now={NOW} t={t} />);
    expect(screen.getByTestId('question-status').textContent).toBe('Answered');
    const answer = screen.getByTestId('question-answer');
    expect(answer.textContent).toContain('Answered by Ben Okafor');
    expect(answer.textContent).toContain('2 hours ago');
    expect(answer.textContent).toContain('A buddy for a week');
  });
});

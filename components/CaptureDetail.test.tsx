import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, fireEvent, cleanup, screen } from '@testing-library/preact';
import { CaptureDetail, type CaptureDetailProps } from './CaptureDetail';
import { CaptureRow } from './CaptureRow';
import { makeCapture } from '../lib/db/testing';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';
import type { CaptureView } from './capture-view';
import { absoluteTime } from '../lib/util/time';
import type { DiscussionProps } from './discussion/types';
import { comment, thread, MEMBERS, viewerOf } from './discussion/testing';

const t = makeTranslate(null, en);
afterEach(cleanup);

const cap = (o: Partial<CaptureView> = {}): CaptureView =>
  ({ ...makeCapture(), deletedAt: null, reviewedAt: null, archivedAt: null, reflection: null, followUp: null, ...o }) as CaptureView;

function props(c: CaptureView, o: Partial<CaptureDetailProps> = {}): CaptureDetailProps {
  return {
    capture: c, collections: [{ id: 'c1', name: 'Retros', count: 1 }], knownTags: ['AI', 'Onboarding'], t, locale: 'en',
    onTags: vi.fn(), onIntent: vi.fn(), onCollections: vi.fn(), onNote: vi.fn(), onReflection: vi.fn(), onReviewed: vi.fn(), onArchived: vi.fn(), onDelete: vi.fn(), onClose: vi.fn(), ...o,
  };
}

describe('CaptureDetail', () => {
  it('shows the whole text as written, both times, author, images, quote, link cards and flags with a link to the original', () => {
    const c = cap({
      text: 'First line\nSecond line\n\nمرحبا',
      truncated: true,
      media: [{ kind: 'image', url: 'https://pbs.twimg.com/media/a.jpg', alt: 'A chart' }],
      links: [{ url: 'https://example.com/post', title: 'A good read' }],
      quoted: { platform: 'x', postId: '9', permalink: 'https://x.com/q/status/9', author: { name: 'Quoted Person', handle: 'q', profileUrl: null, avatarUrl: null }, text: 'quoted words', lang: null, postedAt: null, media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false, unavailable: false },
    });
    const { getByTestId, container } = render(<CaptureDetail {...props(c)} />);
    const text = getByTestId('detail-text');
    expect(text.textContent).toBe('First line\nSecond line\n\nمرحبا');
    expect(text.getAttribute('dir')).toBe('auto');
    expect(container.querySelectorAll('time')).toHaveLength(2);
    expect(container.querySelector('img')?.getAttribute('alt')).toBe('A chart');
    expect(getByTestId('detail-quoted').textContent).toContain('quoted words');
    expect(container.textContent).toContain('A good read');
    const flags = getByTestId('detail-flags');
    expect(flags.textContent).toContain('Truncated');
    expect(flags.querySelector('a')?.getAttribute('href')).toBe(c.permalink);
  });

  it('recent times read relative like the rows, the date and time in the title (issue 12: "Saved now" in the row, "Saved Dec 7, 2026, 11:08 AM" here)', () => {
    const at = Date.UTC(2026, 11, 7, 11, 8);
    const q = { platform: 'x', postId: '9', permalink: null, author: { name: 'Quoted Person', handle: 'q', profileUrl: null, avatarUrl: null }, text: 'quoted words', lang: null, postedAt: new Date(at - 3 * 3600_000).toISOString(), media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false, unavailable: false } as const;
    const c = cap({ capturedAt: at, postedAt: new Date(at - 2 * 86_400_000).toISOString(), quoted: q as never });
    const { container, getByTestId } = render(<CaptureDetail {...props(c)} now={at + 30_000} />);
    const times = [...container.querySelectorAll('.detail__times time')];
    expect(times.map((x) => x.textContent)).toEqual(['2 days ago', 'this minute']);
    expect(times.map((x) => x.getAttribute('title'))).toEqual([absoluteTime(at - 2 * 86_400_000, 'en'), absoluteTime(at, 'en')]);
    const quoted = getByTestId('detail-quoted').querySelector('time')!;
    expect(quoted.textContent).toBe('3 hours ago');
    expect(quoted.getAttribute('title')).toBe(absoluteTime(at - 3 * 3600_000, 'en'));
    expect(quoted.getAttribute('dateTime')).toBe(q.postedAt);
    // Older than a week: the date itself.
    cleanup();
    const old = render(<CaptureDetail {...props(cap({ capturedAt: at - 30 * 86_400_000, postedAt: null }))} now={at} />);
    expect(old.container.querySelectorAll('.detail__times time')[0]!.textContent).toBe(absoluteTime(at - 30 * 86_400_000, 'en'));
  });

  it('never renders captured text as HTML and keeps non-http links inert', () => {
    const c = cap({ text: '<img src=x onerror=alert(1)><script>alert(2)</script>', author: { name: '<b>x</b>', handle: null, profileUrl: 'javascript:alert(1)' as never, avatarUrl: null }, permalink: 'javascript:alert(3)' as never, links: [{ url: 'data:text/html,<script>alert(4)</script>' as never, title: 'bad' }] });
    const { container } = render(<CaptureDetail {...props(c)} />);
    expect(container.querySelector('script, b, img[src="x"]')).toBeNull();
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs.every((h) => /^https?:/.test(h!))).toBe(true);
    expect(container.querySelectorAll('[data-inert-url]').length).toBeGreaterThan(0);
    expect(container.textContent).toContain('<script>alert(2)</script>');
  });

  it('reports tag, collection, note, reflection, review, archive, delete and close', () => {
    const p = props(cap({ tags: ['AI'] }));
    render(<CaptureDetail {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag AI' }));
    expect(p.onTags).toHaveBeenCalledWith([]);
    fireEvent.change(screen.getByTestId('detail-intent'), { target: { value: 'tip' } });
    expect(p.onIntent).toHaveBeenCalledWith('tip');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Retros' }));
    expect(p.onCollections).toHaveBeenCalledWith(['c1']);
    const note = screen.getByTestId('detail-note');
    fireEvent.input(note, { target: { value: 'line 1\nline 2' } });
    fireEvent.blur(note);
    expect(p.onNote).toHaveBeenCalledWith('line 1\nline 2');
    const refl = screen.getByTestId('detail-reflection');
    fireEvent.input(refl, { target: { value: 'Try it' } });
    fireEvent.blur(refl);
    expect(p.onReflection).toHaveBeenCalledWith('Try it');
    fireEvent.click(screen.getByRole('button', { name: 'Mark reviewed' }));
    expect(p.onReviewed).toHaveBeenCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: 'Archive' }));
    expect(p.onArchived).toHaveBeenCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(p.onDelete).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Close detail (Esc)' }));
    expect(p.onClose).toHaveBeenCalled();
  });

  it('shows a stored follow-up answer', () => {
    render(<CaptureDetail {...props(cap({ intent: 'tip', followUp: { dueAt: 1, answer: 'It worked\nmostly', answeredAt: 2 } }))} />);
    expect(screen.getByText(/It worked/).textContent).toBe('It worked\nmostly');
  });
});

describe('CaptureRow', () => {
  it('is an option with site icon, author, tags, markers and highlighted text', () => {
    const c = cap({ tags: ['AI'], note: 'n', truncated: true, reviewedAt: 5 });
    const { getByRole, container } = render(
      <CaptureRow capture={c} id="row-0" pos={1} size={10} selected active style="" now={c.capturedAt + 60_000} t={t} locale="en" onClick={vi.fn()} segments={[{ text: 'A ', match: false }, { text: 'post', match: true }]} />,
    );
    const row = getByRole('option');
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(row.getAttribute('aria-posinset')).toBe('1');
    expect(row.getAttribute('aria-setsize')).toBe('10');
    expect(container.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('X');
    expect(container.querySelector('mark')?.textContent).toBe('post');
    expect(row.textContent).toContain('#AI');
    expect(row.textContent).toContain('Incomplete');
    expect(row.textContent).toContain('Reviewed');
    expect(row.querySelector('a, button, input')).toBeNull();
  });

  it('shows notes replaced by another device, as text, and restores one on request', () => {
    const onNote = vi.fn();
    render(<CaptureDetail {...props(cap({ note: 'newer' }), { onNote, replacedNotes: ['older <b>bold</b>'] })} />);
    const box = screen.getByTestId('detail-replaced-notes');
    expect(box.textContent).toContain('older <b>bold</b>');
    expect(box.querySelector('b')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Use this one' }));
    expect(onNote).toHaveBeenCalledWith('older <b>bold</b>');
  });

  it('says who shared a team capture and labels the note as theirs', () => {
    render(<CaptureDetail {...props(cap({ note: 'read this' }), { sharedBy: 'Ana' })} />);
    expect(screen.getByTestId('detail-shared-by').textContent).toBe('Shared by Ana');
    expect(screen.getByText('Why it is worth reading (from who shared it)')).toBeTruthy();
  });
});

describe('CaptureDetail on a team capture the learner may not change (issue 10 role table)', () => {
  const teamCap = () => cap({ note: 'Read the second half', tags: ['AI'], collectionIds: ['c1'] });

  it('an editor on another member says who can change it, keeps only "add to collections", and shows the rest as text', () => {
    const onCollections = vi.fn();
    const { getByTestId, container, queryByTestId, getByRole } = render(<CaptureDetail {...props(teamCap(), { right: 'file', sharedBy: 'Ana', onCollections })} />);
    expect(getByTestId('detail-readonly').textContent).toBe("Shared by Ana. Only they or the team's owner can change it; you can add it to the team's collections.");
    expect(queryByTestId('detail-intent')).toBeNull();
    expect(queryByTestId('detail-note')).toBeNull();
    expect(getByTestId('detail-note-readonly').textContent).toBe('Read the second half');
    expect(getByTestId('detail-tags-readonly').textContent).toBe('AI');
    expect(container.querySelector('textarea')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(getByRole('checkbox', { name: 'Retros' })).toBeTruthy();
  });

  it('a viewer reads everything and can change nothing', () => {
    const { getByTestId, container } = render(<CaptureDetail {...props(teamCap(), { right: 'none', sharedBy: 'Ana' })} />);
    expect(getByTestId('detail-readonly').textContent).toContain('your role does not let you change them');
    expect(container.querySelectorAll('input, select, textarea')).toHaveLength(0);
    expect(container.textContent).toContain('Retros');
    expect(getByTestId('detail-note-readonly').textContent).toBe('Read the second half');
  });

  it('the sharer (or the team owner) keeps every control', () => {
    const { getByTestId, queryByTestId } = render(<CaptureDetail {...props(teamCap(), { right: 'all', sharedBy: 'Me' })} />);
    expect(queryByTestId('detail-readonly')).toBeNull();
    expect(getByTestId('detail-intent')).toBeTruthy();
  });

  it('a team capture shows its discussion at the end; a question to discuss opens with the question and its status', () => {
    const c = cap({ scopeId: 'team:t1', intent: 'question', note: 'How do you run retros remotely?' });
    const answer = comment({ id: 'a1', authorUserId: 'u-ben', body: 'A shared board and a timer' });
    const discussion: DiscussionProps = {
      thread: thread([answer], { answer }), members: MEMBERS, viewer: viewerOf('u-ana', { sharer: true }), isQuestion: true, question: c.note, now: Date.now(),
      onAdd: vi.fn(async () => {}), onEdit: vi.fn(async () => {}), onDelete: vi.fn(async () => {}), onReact: vi.fn(async () => {}), onMarkAnswered: vi.fn(async () => {}),
    };
    const { container } = render(<CaptureDetail {...props(c, { sharedBy: 'Ana Souza', right: 'none', discussion })} />);
    const q = screen.getByTestId('discussion-question');
    expect(q.textContent).toContain('How do you run retros remotely?');
    expect(screen.getByTestId('question-status').textContent).toBe('Answered');
    expect(screen.getByTestId('question-answer').textContent).toContain('A shared board and a timer');
    const d = screen.getByTestId('discussion');
    expect(container.querySelector('article')!.lastElementChild).toBe(d);
    expect(q.compareDocumentPosition(screen.getByTestId('detail-text')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Unmark answer' })).toBeTruthy();
    expect(screen.queryByTestId('detail-note-readonly')).toBeNull(); // the note is the question, shown once
  });

  it('no discussion for a capture without one (the learner\'s own library)', () => {
    render(<CaptureDetail {...props(cap())} />);
    expect(screen.queryByTestId('discussion')).toBeNull();
    expect(screen.queryByTestId('discussion-question')).toBeNull();
  });
});

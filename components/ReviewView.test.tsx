import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, cleanup, screen, fireEvent } from '@testing-library/preact';
import { ReviewView } from './ReviewView';
import { makeCapture } from '../lib/db/testing';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';
import type { CaptureView } from './capture-view';
import { absoluteTime } from '../lib/util/time';

const t = makeTranslate(null, en);
afterEach(cleanup);

const cap = (o: Partial<CaptureView> = {}): CaptureView => makeCapture({
  text: 'The post\nwith lines', postedAt: '2026-11-30T10:00:00.000Z', capturedAt: Date.UTC(2026, 11, 2, 9, 30),
  author: { name: 'Ana Silva', handle: 'ana', profileUrl: null, avatarUrl: null }, ...o,
});
const show = (c: CaptureView) =>
  render(<ReviewView capture={c} position={1} total={3} knownTags={[]} t={t} locale="en" onTags={vi.fn()} onReflection={vi.fn()} onReviewed={vi.fn()} onArchive={vi.fn()} onSkip={vi.fn()} onExit={vi.fn()} />);

/** DOM order of two elements: true when `a` comes before `b`. */
const before = (a: Element, b: Element) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

describe('ReviewView card (issue 12: Review shows what the detail view shows)', () => {
  it('posted and saved read like the library row for the same moment: relative when recent (issue 12, red team: "Saved now" beside "Saved Dec 7, 2026, 11:08 AM")', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.UTC(2026, 11, 2, 9, 30, 20));
      const { container } = show(cap());
      expect(container.querySelector('.rcard__times')!.textContent).toBe('Posted 2 days ago · Saved now');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a "tip to try" shows the learner\'s note first, prominent, above the post', () => {
    show(cap({ intent: 'tip', note: 'Try it in\nFriday\'s retro' }));
    const note = screen.getByTestId('review-note');
    expect(note.className).toContain('rcard__note--tip');
    expect(screen.getByRole('heading', { name: 'What I want to try' })).toBeTruthy();
    expect(note.querySelector('p')!.textContent).toBe('Try it in\nFriday\'s retro');
    expect(before(note, screen.getByText(/The post/))).toBe(true);
    expect(screen.getByTestId('review-meta').textContent).toContain('Tip to try');
  });

  it('another intent shows the note after the post, with the intent, tags, posted and saved dates', () => {
    const { container } = show(cap({ intent: 'job-aid', note: 'for onboarding', tags: ['AI', 'Retro'] }));
    const note = screen.getByTestId('review-note');
    expect(screen.getByRole('heading', { name: 'My note' })).toBeTruthy();
    expect(before(screen.getByText(/The post/), note)).toBe(true);
    expect(screen.getByTestId('review-meta').textContent).toBe('Job aid#AI#Retro');
    // Issue 12 (red team): the same words as the library row for the same moment (relative), the date and time in the title.
    const times = [...container.querySelectorAll('.rcard__times time')];
    expect(times.map((x) => x.getAttribute('title'))).toEqual([absoluteTime(Date.parse('2026-11-30T10:00:00.000Z'), 'en'), absoluteTime(Date.UTC(2026, 11, 2, 9, 30), 'en')]);
    expect(screen.getByText(/The post/).textContent).toBe('The post\nwith lines');
  });

  it('shows media (a failed one as a named neutral box), the quoted post and the completeness flags', () => {
    const { container } = show(cap({
      truncated: true, mediaMissing: true,
      media: [{ kind: 'image', url: 'https://pbs.twimg.com/media/a.jpg', alt: 'A chart' }, { kind: 'video', url: 'https://video.twimg.com/p.jpg', alt: null }],
      quoted: { platform: 'x', postId: '9', permalink: 'https://x.com/bo/status/9', author: { name: 'Bo', handle: null, profileUrl: null, avatarUrl: null }, text: 'Quoted\ntext', lang: null, postedAt: null, media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false, unavailable: false },
    }));
    const imgs = screen.getByTestId('review-media').querySelectorAll('img');
    expect([...imgs].map((i) => [i.getAttribute('alt'), i.getAttribute('loading'), i.getAttribute('referrerpolicy')])).toEqual([['A chart', 'lazy', 'no-referrer'], ['Video (poster image)', 'lazy', 'no-referrer']]);
    fireEvent.error(imgs[0]!);
    expect(screen.getByText('A chart (could not be loaded)')).toBeTruthy();
    expect(container.querySelector('.thumb__play')).toBeTruthy();
    expect(screen.getByTestId('quoted-preview').querySelector('.quoted-preview__text')!.textContent).toBe('Quoted\ntext');
    const flags = screen.getByRole('list', { name: 'What is missing from this capture' });
    expect([...flags.querySelectorAll('li')].map((li) => li.getAttribute('data-flag'))).toEqual(['truncated', 'mediaMissing']);
  });

  it('no note, intent or tags: none of their blocks; the heading still takes focus', () => {
    show(cap());
    expect(screen.queryByTestId('review-note')).toBeNull();
    expect(screen.queryByTestId('review-meta')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Ana Silva' }));
  });
});

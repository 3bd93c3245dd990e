import { describe, it, expect, afterEach, vi } from 'vitest';
import { render, fireEvent, cleanup } from '@testing-library/preact';
import { Avatar, initialsOf } from './Avatar';
import { MediaThumb, firstMedia } from './MediaThumb';
import { QuotedPreview, oneLine } from './QuotedPreview';
import { CardTimes } from './CardTimes';
import { SharedTo } from './SharedTo';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';
import type { QuotedDraft } from '../../lib/schema';
import { absoluteTime } from '../../lib/util/time';

const t = makeTranslate(null, en);
afterEach(cleanup);

const quoted = (o: Partial<QuotedDraft> = {}): QuotedDraft => ({
  platform: 'x', postId: '7', permalink: 'https://x.com/ana/status/7', author: { name: 'Ana Silva', handle: 'ana', profileUrl: null, avatarUrl: null },
  text: 'Line one\nLine two', lang: null, postedAt: '2026-11-01T09:00:00.000Z', media: [], links: [], hashtags: [], mentions: [], poll: null,
  truncated: false, mediaMissing: false, unavailable: false, ...o,
});

describe('Avatar', () => {
  it('shows the stored picture lazily and without a referrer, hidden from assistive technology (the name is beside it)', () => {
    const { container } = render(<Avatar name="Ana Silva" url="https://pbs.twimg.com/profile_images/1/a.jpg" />);
    const img = container.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://pbs.twimg.com/profile_images/1/a.jpg');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(img.getAttribute('alt')).toBe('');
    expect(img.getAttribute('aria-hidden')).toBe('true');
  });

  it('falls back to initials in a neutral circle when there is no picture, it is not http(s), or it fails to load', () => {
    const none = render(<Avatar name="Ana Silva" url={null} />);
    expect(none.getByTestId('avatar-initials').textContent).toBe('AS');
    cleanup();
    const js = render(<Avatar name="Bo" url="javascript:alert(1)" />);
    expect(js.container.querySelector('img')).toBeNull();
    expect(js.getByTestId('avatar-initials').textContent).toBe('B');
    cleanup();
    const broken = render(<Avatar name="Lee Chen Wu" url="https://media.licdn.com/gone.jpg" />);
    fireEvent.error(broken.container.querySelector('img')!);
    expect(broken.container.querySelector('img')).toBeNull();
    expect(broken.getByTestId('avatar-initials').textContent).toBe('LW');
  });

  it('initials take whole characters, skip punctuation and direction overrides, and read "?" for no name', () => {
    expect(initialsOf('  émile  zola ')).toBe('ÉZ');
    expect(initialsOf('\u202Eevil name')).toBe('EN');
    expect(initialsOf('(L&D) Guild 🎓')).toBe('LG');
    expect(initialsOf('𝒜lpha')).toBe('𝒜');
    expect(initialsOf('')).toBe('?');
    expect(initialsOf('🎓')).toBe('?');
  });
});

describe('MediaThumb', () => {
  it('loads the first http(s) image lazily without a referrer; a failure swaps it for a neutral box', () => {
    const m = firstMedia([{ kind: 'image', url: 'data:image/png;base64,AA' as never, alt: null }, { kind: 'image', url: 'https://pbs.twimg.com/media/b.jpg', alt: 'A chart' }])!;
    expect(m.url).toBe('https://pbs.twimg.com/media/b.jpg');
    const { container, getByTestId, queryByTestId } = render(<MediaThumb media={m} t={t} />);
    const img = container.querySelector('img')!;
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(img.getAttribute('alt')).toBe('A chart');
    fireEvent.error(img);
    expect(container.querySelector('img')).toBeNull();
    expect(queryByTestId('media-thumb')).toBeNull();
    expect(getByTestId('media-box').className).toContain('thumb--box');
    expect(getByTestId('media-failed').textContent).toBe('A chart (could not be loaded)');
  });

  it('marks a video poster with a play badge; decorative thumbnails are hidden from assistive technology', () => {
    const { container } = render(<MediaThumb media={{ kind: 'video', url: 'https://video.twimg.com/poster.jpg', alt: null }} t={t} decorative />);
    expect(container.querySelector('.thumb__play')).toBeTruthy();
    expect(container.querySelector('.thumb')!.getAttribute('aria-hidden')).toBe('true');
    expect(container.querySelector('img')!.getAttribute('alt')).toBe('');
  });
});

describe('QuotedPreview', () => {
  it('compact: one line "Quoting <author>: text", line breaks folded', () => {
    const { getByTestId } = render(<QuotedPreview quoted={quoted()} t={t} compact />);
    expect(getByTestId('quoted-preview').textContent).toBe('Quoting Ana Silva: Line one Line two');
    expect(oneLine('a\n\n b', 160)).toBe('a b');
    expect(oneLine('x'.repeat(200), 10)).toBe(`${'x'.repeat(10)}…`);
  });

  it('full: author, posted date, text with its line breaks, the quoted post\'s image and link; "no longer available" when gone', () => {
    const { getByTestId, container } = render(<QuotedPreview quoted={quoted({ media: [{ kind: 'image', url: 'https://pbs.twimg.com/media/q.jpg', alt: null }] })} t={t} locale="en" />);
    const q = getByTestId('quoted-preview');
    expect(q.querySelector('.quoted-preview__text')!.textContent).toBe('Line one\nLine two');
    expect(q.querySelector('time')!.textContent).toContain('Nov 1, 2026');
    expect(container.querySelector('img')!.getAttribute('loading')).toBe('lazy');
    expect(container.querySelector('a')!.getAttribute('href')).toBe('https://x.com/ana/status/7');
    cleanup();
    const gone = render(<QuotedPreview quoted={quoted({ unavailable: true })} t={t} compact />);
    expect(gone.getByTestId('quoted-preview').textContent).toBe('The quoted post is no longer available.');
  });
});

describe('QuotedPreview dates (issue 12, red team: one formatter, relative for recent)', () => {
  it('a recent quoted post reads relative, the date and time in the title; an old one as its date', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.parse('2026-11-01T12:00:00.000Z'));
      const recent = render(<QuotedPreview quoted={quoted()} t={t} locale="en" />).getByTestId('quoted-preview').querySelector('time')!;
      expect(recent.textContent).toBe('3 hours ago');
      expect(recent.getAttribute('title')).toBe(absoluteTime(Date.parse('2026-11-01T09:00:00.000Z'), 'en'));
      cleanup();
      vi.setSystemTime(Date.parse('2027-01-01T12:00:00.000Z'));
      const old = render(<QuotedPreview quoted={quoted()} t={t} locale="en" />).getByTestId('quoted-preview').querySelector('time')!;
      expect(old.textContent).toBe(absoluteTime(Date.parse('2026-11-01T09:00:00.000Z'), 'en'));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('CardTimes and SharedTo', () => {
  it('says when the post was published and when it was saved (relative with now, absolute without)', () => {
    const now = Date.UTC(2026, 11, 7, 12);
    const rel = render(<CardTimes posted={now - 3 * 86_400_000} saved={now - 5 * 60_000} now={now} t={t} locale="en" />);
    expect(rel.container.textContent).toBe('Posted 3 days ago · Saved 5 minutes ago');
    cleanup();
    const abs = render(<CardTimes posted={null} saved={now} t={t} locale="en" />);
    expect(abs.container.textContent).toMatch(/^Saved Dec 7, 2026/);
  });

  it('"Shared to" names every team, each isolated', () => {
    const { getByTestId } = render(<SharedTo teams={['L&D Guild 🎓', '\u202Eevil']} t={t} />);
    expect(getByTestId('shared-to').textContent).toBe('Shared to L&D Guild 🎓, evil');
    expect(getByTestId('shared-to').querySelectorAll('bdi')).toHaveLength(2);
  });
});

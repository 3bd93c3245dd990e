import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, cleanup, screen } from '@testing-library/preact';
import { CaptureRow, rowHeightFor, rowText, ROW_HEIGHT, ROW_HEIGHT_DENSE, type CaptureRowProps } from './CaptureRow';
import { makeCapture } from '../lib/db/testing';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';
import type { CaptureView } from './capture-view';
import { DENSITIES, type Density as StoredDensity } from '../lib/db/settings';
import type { Density } from './CaptureRow';

const t = makeTranslate(null, en);
afterEach(cleanup);
const NOW = Date.UTC(2026, 11, 7, 12);

const cap = (o: Partial<CaptureView> = {}): CaptureView => makeCapture({
  capturedAt: NOW - 2 * 3600_000, postedAt: new Date(NOW - 3 * 86_400_000).toISOString(),
  author: { name: 'Ana Silva', handle: 'ana', profileUrl: null, avatarUrl: 'https://pbs.twimg.com/profile_images/1/a.jpg' },
  text: 'First line\nSecond line\n\n\nThird   line', ...o,
});

function row(c: CaptureView, o: Partial<CaptureRowProps> = {}) {
  return render(<CaptureRow capture={c} id="row-3" pos={4} size={10} selected={false} active={false} style="" now={NOW} t={t} locale="en" onClick={vi.fn()} {...o} />);
}

describe('CaptureRow (issue 12: rich rows)', () => {
  it('has a fixed height per density, and its Density is the stored one', () => {
    expect(rowHeightFor('comfortable')).toBe(ROW_HEIGHT);
    expect(rowHeightFor('dense')).toBe(ROW_HEIGHT_DENSE);
    expect(ROW_HEIGHT_DENSE).toBeLessThan(ROW_HEIGHT);
    const same: Density[] = [...DENSITIES] satisfies StoredDensity[];
    expect(same).toEqual(['comfortable', 'dense']);
  });

  it('keeps the text\'s line breaks (blank lines folded), unlike the old one-run row', () => {
    expect(rowText(cap())).toBe('First line\nSecond line\nThird line');
    row(cap());
    expect(document.getElementById('row-3-text')!.textContent).toBe('First line\nSecond line\nThird line');
  });

  it('text longer than a row holds ends at a word with "…", never mid-word (issue 12 audit: "Every platform? A")', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const t = rowText({ text: words });
    expect(t.endsWith('…')).toBe(true);
    expect(t.length).toBeLessThanOrEqual(241);
    expect(words.startsWith(t.slice(0, -1)), 'a prefix of the text').toBe(true);
    expect(words[t.length - 1], 'cut before a space: the last word is whole').toBe(' ');
    expect(rowText({ text: 'short text' })).toBe('short text');
    const oneWord = 'x'.repeat(300);
    expect(rowText({ text: oneWord })).toBe(`${'x'.repeat(240)}…`);
  });

  it('shows avatar, author, site, when posted and when saved', () => {
    const { container } = row(cap());
    expect(container.querySelector('img.avatar')!.getAttribute('loading')).toBe('lazy');
    expect(screen.getByRole('option').textContent).toContain('Ana Silva');
    expect(container.querySelector('[role="img"]')!.getAttribute('aria-label')).toBe('X');
    expect([...container.querySelectorAll('time')].map((x) => x.textContent)).toEqual(['Posted 3 days ago', 'Saved 2 hours ago']);
  });

  it('initials stand in for a missing avatar; the first image is a lazy, referrer-free thumbnail that turns into a box when it fails', () => {
    const { container, getByTestId } = row(cap({ author: { name: 'Ana Silva', handle: null, profileUrl: null, avatarUrl: null }, media: [{ kind: 'video', url: 'https://video.twimg.com/p.jpg', alt: null }] }));
    expect(getByTestId('avatar-initials').textContent).toBe('AS');
    const img = container.querySelector('.thumb--row img')!;
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    img.dispatchEvent(new Event('error'));
    return vi.waitFor(() => expect(container.querySelector('.thumb--row')!.className).toContain('thumb--box'));
  });

  it('shows intent, tags, the learner\'s note and the quoted post in one line each, with fewer text lines to keep its height', () => {
    const c = cap({
      intent: 'tip', tags: ['AI', 'Onboarding'], note: 'Try this\nin Friday\'s retro',
      quoted: { platform: 'x', postId: '9', permalink: null, author: { name: 'Bo', handle: null, profileUrl: null, avatarUrl: null }, text: 'Quoted\ntext', lang: null, postedAt: null, media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false, unavailable: false },
    });
    const { container } = row(c);
    const o = screen.getByRole('option');
    expect(o.textContent).toContain('Tip to try');
    expect(o.textContent).toContain('#AI');
    expect(o.textContent).toContain('#Onboarding');
    expect(screen.getByTestId('row-note').textContent).toContain('Try this in Friday\'s retro');
    expect(screen.getByTestId('quoted-preview').textContent).toBe('Quoting Bo: Quoted text');
    expect(container.querySelector('.crow__text--l2')).toBeTruthy();
    expect(o.querySelector('a, button, input, textarea, select')).toBeNull();
  });

  it('says "Shared to <team>" on the learner\'s copy; a team row says who shared it and why', () => {
    row(cap(), { sharedTo: ['L&D Guild 🎓'] });
    expect(screen.getByTestId('shared-to').textContent).toBe('Shared to L&D Guild 🎓');
    cleanup();
    row(cap({ note: 'Read the second half' }), { credit: { kind: 'named', name: 'Bo' } });
    expect(screen.getByTestId('row-credit').textContent).toBe('Shared by Bo: “Read the second half”');
    expect(screen.queryByTestId('shared-to')).toBeNull();
  });

  it('has a short accessible name (author, time) and the rest as its description', () => {
    row(cap({ note: 'mine', tags: ['AI'] }));
    const o = screen.getByRole('option', { name: 'Ana Silva, 2 hours ago' });
    const ids = o.getAttribute('aria-describedby')!.split(' ');
    expect(ids).toEqual(['row-3-text', 'row-3-note', 'row-3-meta']);
    for (const id of ids) expect(document.getElementById(id), id).toBeTruthy();
    expect(document.getElementById('row-3-meta')!.textContent).toContain('#AI');
  });

  it('dense: small avatar, one line of text, no image, quote or note line', () => {
    const { container } = row(cap({ note: 'n', media: [{ kind: 'image', url: 'https://pbs.twimg.com/media/a.jpg', alt: null }], quoted: null }), { density: 'dense' });
    const o = screen.getByRole('option');
    expect(o.getAttribute('data-density')).toBe('dense');
    expect(container.querySelector('.avatar--sm')).toBeTruthy();
    expect(container.querySelector('.thumb')).toBeNull();
    expect(container.querySelector('.crow__text--l1')).toBeTruthy();
    expect(screen.queryByTestId('row-note')).toBeNull();
    expect(o.querySelector('.marker')!.textContent).toContain('Has a note');
  });

  it('renders captured text, names and notes as text only', () => {
    const evil = '<img src=x onerror=alert(1)><b>b</b>';
    const { container } = row(cap({ text: evil, note: evil, author: { name: evil, handle: null, profileUrl: null, avatarUrl: 'javascript:alert(1)' as never }, tags: [evil.slice(0, 60)] }), { sharedTo: [evil] });
    expect(container.querySelector('b, img[src="x"], script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('option').textContent).toContain(evil);
  });
});

import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, cleanup, screen, fireEvent } from '@testing-library/preact';
import { CaptureRow } from '../CaptureRow';
import { CaptureList } from '../CaptureList';
import { CaptureDetail } from '../CaptureDetail';
import { ReviewView } from '../ReviewView';
import { flagWords } from './flags';
import { makeCapture } from '../../lib/db/testing';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';
import type { CaptureView } from '../capture-view';
import type { QuotedDraft } from '../../lib/schema';

const t = makeTranslate(null, en);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
const NOW = Date.UTC(2026, 11, 7, 12);

/** An id-less LinkedIn capture (docs/decisions/0007): no permalink, content key, `permalinkMissing`. */
const idless = (o: Partial<CaptureView> = {}): CaptureView => makeCapture({
  platform: 'linkedin', postId: 'content:0123456789abcdef0123456789abcdef', permalink: null, permalinkMissing: true, capturedAt: NOW - 3600_000,
  author: { name: 'Member A', handle: 'member-a', profileUrl: 'https://www.linkedin.com/in/member-a', avatarUrl: null }, ...o,
});
const RECENT = 'https://www.linkedin.com/in/member-a/recent-activity/all/';
const quoted = (o: Partial<QuotedDraft>): QuotedDraft => ({
  platform: 'x', postId: '9', permalink: 'https://x.com/q/status/9', author: { name: 'Quoted Person', handle: 'q', profileUrl: null, avatarUrl: null }, text: 'quoted words',
  lang: null, postedAt: null, media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false, unavailable: false, ...o,
});

function row(c: CaptureView, onClick = vi.fn()) {
  return render(<CaptureRow capture={c} id="row-0" pos={1} size={1} selected={false} active={false} style="" now={NOW} t={t} locale="en" onClick={onClick} />);
}
const review = (c: CaptureView) =>
  render(<ReviewView capture={c} position={1} total={1} knownTags={[]} t={t} locale="en" onTags={vi.fn()} onReflection={vi.fn()} onReviewed={vi.fn()} onArchive={vi.fn()} onSkip={vi.fn()} onExit={vi.fn()} />);
const detail = (c: CaptureView) =>
  render(<CaptureDetail capture={c} collections={[]} knownTags={[]} t={t} locale="en" now={NOW} onTags={vi.fn()} onIntent={vi.fn()} onCollections={vi.fn()} onNote={vi.fn()} onReflection={vi.fn()} onReviewed={vi.fn()} onArchived={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()} />);

describe('flag words (issue 9: say what is missing, the same words on every card)', () => {
  it('one word set per flag, the quoted post\'s included, in display order', () => {
    const c = makeCapture({ truncated: true, mediaMissing: true, permalinkMissing: true, quoted: quoted({ truncated: true, mediaMissing: true }) });
    expect(flagWords(c, t).map((w) => w.words)).toEqual(['Text cut', 'Image not loaded', 'Quoted text cut', 'Quoted image not loaded', 'No link yet']);
    expect(flagWords(makeCapture(), t)).toEqual([]);
  });

  it('a library row names the missing link in words, its accessible text says it is incomplete, and offers "Find on LinkedIn" without a focusable control', () => {
    const onClick = vi.fn();
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    row(idless(), onClick);
    const opt = screen.getByRole('option');
    const chip = opt.querySelector('[data-flag="permalinkMissing"]')!;
    expect(chip.textContent).toBe('Incomplete: No link yet');
    expect(chip.getAttribute('title')).toContain('the site did not show its id');
    expect(opt.textContent).not.toContain('Incomplete Incomplete');
    // The row stays one option with nothing focusable inside (docs/library.md): no link, no button.
    expect(opt.querySelector('a, button, input, [tabindex]')).toBeNull();
    const find = opt.querySelector('[data-testid="row-find-on-site"]') as HTMLElement;
    expect(find.textContent).toContain('Find on LinkedIn');
    fireEvent.click(find);
    expect(open).toHaveBeenCalledWith(RECENT, '_blank', 'noopener,noreferrer');
    expect(onClick).not.toHaveBeenCalled(); // opening the site does not also select the row
  });

  it('a row with a missing photo says "Image not loaded" (the quoted post\'s too), and no "Find" when the post has its link', () => {
    row(makeCapture({ mediaMissing: true, quoted: quoted({ mediaMissing: true }) }));
    const opt = screen.getByRole('option');
    expect([...opt.querySelectorAll('[data-flag]')].map((e) => e.textContent)).toEqual(['Incomplete: Image not loaded', 'Quoted image not loaded']);
    expect(opt.querySelector('[data-testid="row-find-on-site"]')).toBeNull();
  });

  it('the popup item and the Review card use the same words', () => {
    const c = idless({ mediaMissing: true });
    render(<CaptureList captures={[c]} now={NOW} t={t} />);
    const item = screen.getByTestId('capture-item');
    expect([...item.querySelectorAll('[data-flag]')].map((e) => e.textContent)).toEqual(['Image not loaded', 'No link yet']);
    expect(screen.getByTestId('find-on-site').getAttribute('href')).toBe(RECENT);
    cleanup();
    review(c);
    expect([...screen.getByTestId('review-flags').querySelectorAll('li')].map((e) => e.textContent)).toEqual(['Image not loaded', 'No link yet']);
  });

  it('the detail pane: "read the rest" only under cut text; missing media is named', () => {
    detail(makeCapture({ mediaMissing: true }));
    let flags = screen.getByTestId('detail-flags');
    expect(flags.textContent).not.toContain('read the rest');
    expect(flags.querySelector('a')!.textContent).toBe('Open the original to see the missing images or video');
    cleanup();
    detail(makeCapture({ truncated: true }));
    flags = screen.getByTestId('detail-flags');
    expect([...flags.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Open the original to read the rest']);
    cleanup();
    detail(makeCapture({ quoted: quoted({ mediaMissing: true }) }));
    flags = screen.getByTestId('detail-flags');
    expect(flags.querySelector('[data-flag="quotedMediaMissing"]')!.textContent).toBe('Some images or video of the quoted post are missing');
  });
});
